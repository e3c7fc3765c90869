using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Education.Contracts;

/// <summary>A member's first passing attempt at an exam: the attempt and when it was handed in.</summary>
public sealed record ExamPass(Guid MemberId, Guid ExamId, Guid AttemptId, DateTimeOffset SubmittedAt);

/// <summary>
/// The read contract of exams passed for the points bank (Assessment): per member and exam, the first attempt that passed
/// and was handed in within [from, before), so an exam passed twice counts once.
/// </summary>
[ModuleContract]
public sealed class ExamPasses(AppDbContext db)
{
    public async Task<List<ExamPass>> FirstPassesAsync(DateTimeOffset from, DateTimeOffset before, CancellationToken ct)
    {
        var rows = await db.ExamAttempts.AsNoTracking()
            .Where(a => a.Passed && a.Status != AttemptStatus.InProgress && a.SubmittedAt != null && a.SubmittedAt >= from && a.SubmittedAt < before)
            .Select(a => new { a.MemberId, a.ExamId, a.Id, SubmittedAt = a.SubmittedAt!.Value }).ToListAsync(ct);
        return rows.GroupBy(a => (a.MemberId, a.ExamId)).Select(g => g.OrderBy(a => a.SubmittedAt).First())
            .Select(a => new ExamPass(a.MemberId, a.ExamId, a.Id, a.SubmittedAt)).ToList();
    }
}

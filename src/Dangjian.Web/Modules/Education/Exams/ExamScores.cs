using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>One exam in a member's year: the attempt that counts (docs/rules/education.md#ex-2) and whether it passed.</summary>
public sealed record ExamScoreDto(Guid ExamId, string Title, bool IsContest, int Attempts, double BestScore, int MaxScore, int PassMark, bool Passed,
    DateTimeOffset? SubmittedAt);

/// <summary>
/// A member's exam scores of a year (考试成绩) for the learning archive: the member themself, or someone who may view
/// members of the member's unit (the same right the exam results ask for). Only closed attempts count, in the year (China
/// time) they were handed in.
/// </summary>
public sealed class ExamScores(AppDbContext db, ExamsAccess exams, IStringLocalizer<ExamsText> T)
{
    public async Task<Result<IReadOnlyList<ExamScoreDto>>> ForMemberAsync(Guid memberId, int year, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Id, m.UserId, m.OrgPath }).FirstOrDefaultAsync(ct);
        var self = member is not null && exams.User.IsAuthenticated && member.UserId == exams.User.UserId;
        if (member is null || (!self && !exams.User.Can(Permission.ViewMembers, member.OrgPath))) return Error.NotFound(T["Member.ScoresNotFound"]);
        if (year is < 2000 or > 9998) return Array.Empty<ExamScoreDto>();
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var end = start.AddYears(1);
        var attempts = await db.ExamAttempts.AsNoTracking()
            .Where(a => a.MemberId == memberId && a.Status != AttemptStatus.InProgress && a.SubmittedAt >= start && a.SubmittedAt < end)
            .ToListAsync(ct);
        var examIds = attempts.Select(a => a.ExamId).Distinct().ToList();
        var list = await db.Exams.AsNoTracking().Where(e => examIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        return attempts.GroupBy(a => a.ExamId).Where(g => list.ContainsKey(g.Key)).Select(g =>
        {
            var best = AttemptRules.Best(g, a => a.Score, a => a.Seconds, a => a.StartedAt)!;
            var exam = list[g.Key];
            return new ExamScoreDto(exam.Id, exam.Title, exam.IsContest, g.Count(), best.Score, best.MaxScore, exam.PassMark, best.Passed, best.SubmittedAt);
        }).OrderByDescending(s => s.SubmittedAt).ThenBy(s => s.ExamId).ToList();
    }
}

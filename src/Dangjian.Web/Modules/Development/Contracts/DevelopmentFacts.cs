using Dangjian.Web.Data;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Development.Contracts;

/// <summary>An open case whose last step was recorded on <see cref="LastStepOn"/>.</summary>
public sealed record StalledCase(Guid CaseId, Guid MemberId, int LastStep, DateOnly LastStepOn);

/// <summary>The read contract of member development for other modules (the dashboard's weak links).</summary>
[ModuleContract]
public sealed class DevelopmentFacts(AppDbContext db)
{
    /// <summary>Open cases with no step since before <paramref name="before"/>.</summary>
    public Task<List<StalledCase>> StalledAsync(DateOnly before, CancellationToken ct) =>
        db.DevelopmentCases.AsNoTracking().Where(c => c.Status == CaseStatus.Open && c.LastStepOn < before)
            .Select(c => new StalledCase(c.Id, c.MemberId, c.LastStep, c.LastStepOn!.Value)).ToListAsync(ct);

    /// <summary>The person's open case, if any.</summary>
    public Task<Guid?> OpenCaseOfAsync(Guid memberId, CancellationToken ct) =>
        db.DevelopmentCases.Where(c => c.MemberId == memberId && c.Status == CaseStatus.Open).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
}

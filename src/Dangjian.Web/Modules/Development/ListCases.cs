using Dangjian.Web.Platform;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Development;

public sealed record CaseListItem(Guid Id, Guid MemberId, string MemberName, string OrgUnitName, CaseStatus Status, int LastStep, string LastStepName,
    DateOnly? LastStepOn, int Stage);

public sealed record StageCount(int Stage, string Name, int Count);

public sealed record PipelineDto(IReadOnlyList<StageCount> Funnel, Page<CaseListItem> Cases);

/// <summary>The cases of a unit's subtree (the people now on its rolls), by stage: a branch's pipeline, a committee's whole tree.</summary>
[ModuleContract]
public sealed class ListCases(AppDbContext db, OrgAccess orgAccess, IStringLocalizer<SharedResource> L, IStringLocalizer<DevelopmentText> T)
{
    public async Task<Result<PipelineDto>> HandleAsync(Guid? orgUnitId, int? stage, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await orgAccess.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var rows = await db.DevelopmentCases.AsNoTracking().Where(c => c.Status != CaseStatus.Cancelled)
            .Join(db.Members.InSubtree(unit.Value!.Path), c => c.MemberId, m => m.Id, (c, m) => new { c, m.Name, m.OrgUnitId })
            .Join(db.OrgUnits, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.c, x.Name, Unit = u.Name })
            .ToListAsync(ct);
        var items = rows.Select(x => new CaseListItem(x.c.Id, x.c.MemberId, x.Name, x.Unit, x.c.Status, x.c.LastStep, T.StepName(x.c.LastStep),
                x.c.LastStepOn, DevelopmentSteps.Of(x.c.LastStep).Stage))
            .OrderBy(i => i.Stage).ThenByDescending(i => i.LastStepOn).ThenBy(i => i.MemberName).ToList();
        var funnel = Enumerable.Range(1, DevelopmentSteps.Stages).Select(s => new StageCount(s, T.StageName(s), items.Count(x => x.Stage == s))).ToList();
        var filtered = stage is { } s ? items.Where(i => i.Stage == s).ToList() : items;
        return new PipelineDto(funnel, new Page<CaseListItem>(filtered.Skip(page.Skip).Take(page.PageSize).ToList(), page.Page, page.PageSize, filtered.Count));
    }

    /// <summary>The person's case that is not cancelled, if any (the caller has already been allowed to see the person).</summary>
    public Task<Guid?> CaseOfMemberAsync(Guid memberId, CancellationToken ct) =>
        db.DevelopmentCases.Where(c => c.MemberId == memberId && c.Status != CaseStatus.Cancelled).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
}

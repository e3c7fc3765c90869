using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Plans;

public sealed record ItemProgressDto(Guid ItemId, int Completed, int Expected, int Overdue);

public sealed record BranchProgressDto(Guid OrgUnitId, string Name, int Expected, IReadOnlyList<ItemProgressDto> Items, int CompletedAll, int Overdue);

public sealed record PlanProgressDto(PlanDto Plan, Guid OrgUnitId, string OrgUnitName, DateOnly AsOf, IReadOnlyList<BranchProgressDto> Branches,
    int Expected, int CompletedAll, int Overdue);

/// <summary>
/// How far each branch under a plan's unit is: of the plan's audience in the branch, how many completed each item and
/// how many are past its deadline without it (the plan's own items; a required one counts for "completed all").
/// </summary>
public sealed class PlanProgress(AppDbContext db, CurrentUser user, TimeProvider clock, StudyPlans plans, PlanAudiences audiences,
    IStringLocalizer<SharedResource> L, IStringLocalizer<PlansText> T)
{
    public async Task<Result<PlanProgressDto>> GetAsync(Guid planId, Guid? orgUnitId, CancellationToken ct)
    {
        var loaded = await plans.GetAsync(planId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var plan = loaded.Value!;
        var planPath = (await db.StudyPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.OrgPath).FirstAsync(ct));
        // The part of the plan's subtree asked for, which the caller must see members of.
        var view = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == (orgUnitId ?? plan.OrgUnitId), ct);
        if (view is null || !view.Path.StartsWith(planPath, StringComparison.Ordinal) || !StudyPlans.CanRead(user, view.Path))
            return Error.NotFound(T["Plan.NotFound"]);
        var units = await db.OrgUnits.AsNoTracking().InSubtree(view.Path).Where(u => u.Kind == OrgUnitKind.Branch && u.DissolvedAt == null)
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        if (units.Count == 0) units = [new { view.Id, view.Name, view.Path }];
        units = units.Where(u => user.Can(Permission.ViewMembers, u.Path)).ToList();
        var today = clock.Today();
        var asOf = AudienceRules.AsOf(plan.Year, today);
        var people = await audiences.UnderAsync(Enum.Parse<PlanAudience>(plan.Audience), view.Path, asOf, ct);
        var courseIds = plan.Items.Select(i => i.CourseId).ToList();
        var done = (await db.StudyProgress.AsNoTracking().Where(s => courseIds.Contains(s.CourseId) && s.CompletedAt != null)
            .Select(s => new { s.MemberId, s.CourseId }).Distinct().ToListAsync(ct)).Select(s => (s.MemberId, s.CourseId)).ToHashSet();
        var rows = units.Select(u =>
        {
            var here = people.Where(p => p.OrgPath.StartsWith(u.Path, StringComparison.Ordinal)).ToList();
            var items = plan.Items.Select(i =>
            {
                var completed = here.Count(p => done.Contains((p.Id, i.CourseId)));
                var overdue = i.DueOn is { } due && due < today ? here.Count - completed : 0;
                return new ItemProgressDto(i.Id, completed, here.Count, overdue);
            }).ToList();
            var required = plan.Items.Where(i => i.Required).ToList();
            var all = here.Count(p => required.All(i => done.Contains((p.Id, i.CourseId))));
            return new BranchProgressDto(u.Id, u.Name, here.Count, items, all, items.Sum(i => i.Overdue));
        }).ToList();
        return new PlanProgressDto(plan, view.Id, view.Name, asOf, rows, rows.Sum(r => r.Expected), rows.Sum(r => r.CompletedAll), rows.Sum(r => r.Overdue));
    }

    /// <summary>The progress as a workbook: a row per branch, a column per item (completed / expected), and the overdue count.</summary>
    public async Task<Result<(string FileName, byte[] Content)>> WorkbookAsync(Guid planId, Guid? orgUnitId, CancellationToken ct)
    {
        var loaded = await GetAsync(planId, orgUnitId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var p = loaded.Value!;
        var headers = new List<string> { L["Member.Unit"], T["Progress.Expected"], T["Progress.CompletedAll"] };
        headers.AddRange(p.Plan.Items.Select(i => i.CourseTitle));
        headers.Add(T["Progress.Overdue"]);
        var rows = p.Branches.Select(b =>
        {
            var row = new List<object?> { b.Name, b.Expected, b.CompletedAll };
            row.AddRange(b.Items.Select(i => (object?)$"{i.Completed}/{i.Expected}"));
            row.Add(b.Overdue);
            return (IReadOnlyList<object?>)row;
        }).ToList();
        using var output = new MemoryStream();
        XlsxWriter.Write(output, T["Progress.Sheet"], headers, rows);
        return ($"{T["Progress.FilePrefix"]}-{p.Plan.Year}-{ChinaTime.Format(p.AsOf)}.xlsx", output.ToArray());
    }
}

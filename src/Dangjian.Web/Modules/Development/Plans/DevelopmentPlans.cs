using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Development.Plans;

public sealed record PlanLineDto(Guid OrgUnitId, string Name, OrgUnitKind Kind, int? Quota, int Admitted);

/// <summary>A unit's plan for a year: its own quota and admissions, and those of each unit directly below.</summary>
public sealed record PlanDto(Guid OrgUnitId, string Name, int Year, int? Quota, int Admitted, int SplitToChildren, bool CanSetOwn, bool CanSplit,
    IReadOnlyList<PlanLineDto> Children);

public sealed record SetQuotaRequest(Guid? OrgUnitId, int? Year, int? Quota);

/// <summary>
/// 年度发展计划: a committee sets the year's quota and splits it down the tree. A unit's quota is set by whoever manages
/// the unit above it (the top unit's by its own managers); admissions count the approvals (step 17) of the year.
/// </summary>
public sealed class DevelopmentPlans(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<DevelopmentText> T)
{
    public async Task<Result<PlanDto>> GetAsync(Guid? orgUnitId, int? year, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        if (year is not (null or (>= 2000 and <= 2100))) return Error.Validation("year", T["Dev.Plan.Year"]);
        var loaded = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var unit = loaded.Value!;
        var y = year ?? clock.Today().Year;
        var children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == unit.Id && u.DissolvedAt == null).OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .ToListAsync(ct);
        var ids = children.Select(c => c.Id).Append(unit.Id).ToList();
        var quotas = await db.DevelopmentQuotas.AsNoTracking().Where(q => q.Year == y && ids.Contains(q.OrgUnitId)).ToDictionaryAsync(q => q.OrgUnitId, q => q.Quota, ct);
        var admitted = await AdmittedByPathAsync([unit.Path, .. children.Select(c => c.Path)], y, ct);
        var lines = children.Select(c => new PlanLineDto(c.Id, c.Name, c.Kind, quotas.TryGetValue(c.Id, out var q) ? q : null, admitted[c.Path])).ToList();
        var parentPath = unit.ParentId is { } parentId ? await db.OrgUnits.Where(u => u.Id == parentId).Select(u => u.Path).FirstOrDefaultAsync(ct) : null;
        return new PlanDto(unit.Id, unit.Name, y, quotas.TryGetValue(unit.Id, out var own) ? own : null, admitted[unit.Path], lines.Sum(l => l.Quota ?? 0),
            user.Can(Permission.ManageMembers, parentPath ?? unit.Path), user.Can(Permission.ManageMembers, unit.Path), lines);
    }

    public async Task<Result<PlanDto>> SetAsync(SetQuotaRequest r, CancellationToken ct)
    {
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var loaded = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var unit = loaded.Value!;
        var invalid = new FieldErrors();
        if (r.Year is not (>= 2000 and <= 2100)) invalid.Add(Error.Validation("year", T["Dev.Plan.Year"]));
        if (r.Quota is null) invalid.Add(Error.Validation("quota", L["Validation.Required", "quota"]));
        if (invalid.ToError() is { } error) return error;

        // The quota of a unit is handed down by the unit above; the top unit sets its own.
        var parent = unit.ParentId is { } parentId ? await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == parentId, ct) : null;
        if (!user.Can(Permission.ManageMembers, parent?.Path ?? unit.Path)) return Error.Forbidden(T["Dev.Plan.SetByAbove"]);

        var year = r.Year!.Value;
        int? parentQuota = parent is null ? null
            : await db.DevelopmentQuotas.Where(q => q.OrgUnitId == parent.Id && q.Year == year).Select(q => (int?)q.Quota).FirstOrDefaultAsync(ct);
        var siblings = parent is null ? 0 : await db.DevelopmentQuotas
            .Where(q => q.Year == year && q.OrgUnitId != unit.Id && db.Set<Dangjian.Web.Modules.Organizations.OrgUnit>().Any(u => u.Id == q.OrgUnitId && u.ParentId == parent.Id))
            .SumAsync(q => q.Quota, ct);
        var children = await db.DevelopmentQuotas
            .Where(q => q.Year == year && db.Set<Dangjian.Web.Modules.Organizations.OrgUnit>().Any(u => u.Id == q.OrgUnitId && u.ParentId == unit.Id)).SumAsync(q => q.Quota, ct);
        if (QuotaRules.CheckSplit(r.Quota!.Value, parentQuota, siblings, children, T) is { } refusal) return refusal;

        var now = clock.GetUtcNow();
        var existing = await db.DevelopmentQuotas.FirstOrDefaultAsync(q => q.OrgUnitId == unit.Id && q.Year == year, ct);
        if (existing is null)
        {
            db.DevelopmentQuotas.Add(new DevelopmentQuota
            {
                Id = Guid.CreateVersion7(now), OrgUnitId = unit.Id, OrgPath = unit.Path, Year = year, Quota = r.Quota.Value, CreatedAt = now,
            });
        }
        else
        {
            existing.Quota = r.Quota.Value;
            existing.OrgPath = unit.Path;
            existing.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(unit.Id, year, ct);
    }

    /// <summary>The quotas of the person's unit and every unit above it for the year of <paramref name="on"/>, with admissions so far.</summary>
    public async Task<IReadOnlyList<QuotaRules.Used>> QuotasAboveAsync(Member person, DateOnly on, CancellationToken ct)
    {
        var paths = GetOrgUnit.AncestorPaths(person.OrgPath);
        paths.Add(person.OrgPath);
        var quotas = await db.DevelopmentQuotas.AsNoTracking().Where(q => q.Year == on.Year)
            .Join(db.OrgUnits.Where(u => paths.Contains(u.Path)), q => q.OrgUnitId, u => u.Id, (q, u) => new { u.Name, u.Path, q.Quota })
            .ToListAsync(ct);
        if (quotas.Count == 0) return [];
        var admitted = await AdmittedByPathAsync(quotas.Select(q => q.Path).ToList(), on.Year, ct);
        return quotas.OrderByDescending(q => q.Path.Length).Select(q => new QuotaRules.Used(q.Name, q.Quota, admitted[q.Path])).ToList();
    }

    /// <summary>People admitted (step 17 approved, not returned) in <paramref name="year"/> now on the rolls under each path.</summary>
    private async Task<Dictionary<string, int>> AdmittedByPathAsync(IReadOnlyList<string> paths, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var root = paths.MinBy(p => p.Length)!;
        var returned = db.DevelopmentReviews.Where(v => v.Decision == Review.ReviewDecision.Returned).Select(v => v.StepRecordId);
        var admittedPaths = await db.DevelopmentSteps.AsNoTracking()
            .Where(s => s.Step == 17 && s.Date >= from && s.Date <= to && !returned.Contains(s.Id))
            .Join(db.DevelopmentCases, s => s.CaseId, c => c.Id, (s, c) => c.MemberId)
            .Join(db.Members.InSubtree(root), id => id, m => m.Id, (id, m) => m.OrgPath)
            .ToListAsync(ct);
        return paths.Distinct().ToDictionary(p => p, p => admittedPaths.Count(a => a.StartsWith(p, StringComparison.Ordinal)));
    }
}

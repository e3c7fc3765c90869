using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Plans;

public sealed record CreatePlanRequest(Guid? OrgUnitId, int? Year, [MaxLength(200)] string? Title, [MaxLength(40)] string? Audience,
    [MaxLength(1000), MultiLine] string? Note);

public sealed record UpdatePlanRequest([MaxLength(200)] string? Title, [MaxLength(40)] string? Audience, [MaxLength(1000), MultiLine] string? Note);

public sealed record AddPlanItemRequest(Guid? CourseId, bool? Required, DateOnly? DueOn);

public sealed record PlanTargetInput([MaxLength(40)] string? Category, int? Hours);

public sealed record SetPlanTargetsRequest(IReadOnlyList<PlanTargetInput>? Targets);

/// <summary>
/// 分层分类学习计划: a unit's plans of a year, each for one audience, with its courses and class-hour targets. Those who
/// manage education on the unit write them; those who see members of the unit or of a unit below read them.
/// </summary>
public sealed class StudyPlans(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, InputCheck inputCheck,
    IStringLocalizer<SharedResource> L, IStringLocalizer<PlansText> T)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxTargetHours = 1000;

    public async Task<Result<PlanDto>> CreateAsync(CreatePlanRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var errors = new FieldErrors();
        if (r.Year is not { } year) errors.Add(Error.Validation("year", L["Validation.Required", "year"]));
        else if (year is < MinYear or > MaxYear) errors.Add(Error.Validation("year", T["Validation.Year", "year", MinYear, MaxYear]));
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors.Add(Error.Validation("title", L["Validation.Required", "title"]));
        var audience = ParseAudience(r.Audience, errors);
        if (errors.ToError() is { } invalid) return invalid;
        var now = clock.GetUtcNow();
        var plan = new StudyPlan
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unitId, OrgPath = unit.Value!.Path, Year = r.Year!.Value, Title = title!, Audience = audience!.Value,
            Note = Clean(r.Note), CreatedAt = now, CreatedByUserId = user.UserId, CreatedBy = By(user),
        };
        db.StudyPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return await GetAsync(plan.Id, ct);
    }

    public async Task<Result<PlanDto>> UpdateAsync(Guid planId, UpdatePlanRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var plan = await ManagedAsync(planId, ct);
        if (!plan.IsSuccess) return plan.Error!;
        var errors = new FieldErrors();
        var title = r.Title?.Trim();
        if (r.Title is not null && string.IsNullOrEmpty(title)) errors.Add(Error.Validation("title", L["Validation.Required", "title"]));
        var audience = r.Audience is null ? (PlanAudience?)plan.Value!.Audience : ParseAudience(r.Audience, errors);
        if (errors.ToError() is { } invalid) return invalid;
        var p = plan.Value!;
        if (title is { Length: > 0 }) p.Title = title;
        p.Audience = audience!.Value;
        if (r.Note is not null) p.Note = Clean(r.Note);
        p.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await GetAsync(p.Id, ct);
    }

    /// <summary>Deletes the plan with its items, targets and the cases linked to it.</summary>
    public async Task<Result<Guid>> DeleteAsync(Guid planId, CancellationToken ct)
    {
        var plan = await ManagedAsync(planId, ct);
        if (!plan.IsSuccess) return plan.Error!;
        db.StudyPlanItems.RemoveRange(await db.StudyPlanItems.Where(i => i.PlanId == planId).ToListAsync(ct));
        db.StudyPlanTargets.RemoveRange(await db.StudyPlanTargets.Where(t => t.PlanId == planId).ToListAsync(ct));
        db.CaseLinks.RemoveRange(await db.CaseLinks.Where(l => l.TargetKind == Cases.CaseTargetKind.Plan && l.TargetId == planId).ToListAsync(ct));
        db.StudyPlans.Remove(plan.Value!);
        await db.SaveChangesAsync(ct);
        return planId;
    }

    public async Task<Result<PlanDto>> AddItemAsync(Guid planId, AddPlanItemRequest r, CancellationToken ct)
    {
        var plan = await ManagedAsync(planId, ct);
        if (!plan.IsSuccess) return plan.Error!;
        if (r.CourseId is not { } courseId) return Error.Validation("courseId", L["Validation.Required", "courseId"]);
        var course = await VisibleCourseAsync(courseId, plan.Value!.OrgPath, ct);
        if (course is null) return Error.Validation("courseId", T["Validation.CourseNotPublished", "courseId"]);
        if (r.DueOn is { } due && (due.Year < MinYear || due.Year > MaxYear))
            return Error.Validation("dueOn", L["Validation.DateOutOfRange", "dueOn", MinYear, MaxYear]);
        if (await db.StudyPlanItems.AnyAsync(i => i.PlanId == planId && i.CourseId == courseId, ct))
            return Error.Conflict("plan_item_exists", T["Plan.ItemExists"]);
        db.StudyPlanItems.Add(new StudyPlanItem
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), PlanId = planId, CourseId = courseId, Required = r.Required ?? course.Required,
            DueOn = r.DueOn ?? course.DueOn, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return await GetAsync(planId, ct);
    }

    public async Task<Result<PlanDto>> RemoveItemAsync(Guid planId, Guid itemId, CancellationToken ct)
    {
        var plan = await ManagedAsync(planId, ct);
        if (!plan.IsSuccess) return plan.Error!;
        var item = await db.StudyPlanItems.FirstOrDefaultAsync(i => i.Id == itemId && i.PlanId == planId, ct);
        if (item is null) return Error.NotFound(T["Plan.ItemNotFound"]);
        db.StudyPlanItems.Remove(item);
        await db.SaveChangesAsync(ct);
        return await GetAsync(planId, ct);
    }

    /// <summary>Replaces the plan's class-hour targets (a category left out has none; 0 hours removes it).</summary>
    public async Task<Result<PlanDto>> SetTargetsAsync(Guid planId, SetPlanTargetsRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var plan = await ManagedAsync(planId, ct);
        if (!plan.IsSuccess) return plan.Error!;
        var errors = new FieldErrors();
        var targets = new Dictionary<CourseCategory, int>();
        var list = r.Targets ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var t = list[i];
            if (!Enum.TryParse<CourseCategory>(t?.Category, false, out var category) || !Enum.IsDefined(category))
                errors.Add(Error.Validation($"targets[{i}].category", L["Validation.OneOf", $"targets[{i}].category", string.Join(", ", Enum.GetNames<CourseCategory>())]));
            else if (t!.Hours is not { } hours || hours < 0 || hours > MaxTargetHours)
                errors.Add(Error.Validation($"targets[{i}].hours", T["Validation.Hours", $"targets[{i}].hours", MaxTargetHours]));
            else if (!targets.TryAdd(category, hours))
                errors.Add(Error.Validation($"targets[{i}].category", T["Validation.Duplicate", $"targets[{i}].category"]));
        }
        if (errors.ToError() is { } invalid) return invalid;
        db.StudyPlanTargets.RemoveRange(await db.StudyPlanTargets.Where(t => t.PlanId == planId).ToListAsync(ct));
        foreach (var (category, hours) in targets.Where(t => t.Value > 0))
            db.StudyPlanTargets.Add(new StudyPlanTarget { Id = Guid.CreateVersion7(clock.GetUtcNow()), PlanId = planId, Category = category, Hours = hours });
        await db.SaveChangesAsync(ct);
        return await GetAsync(planId, ct);
    }

    /// <summary>The plans of a year that apply to the unit: its own and those of the units above it.</summary>
    public async Task<Result<IReadOnlyList<PlanSummaryDto>>> ListAsync(Guid? orgUnitId, int? year, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var y = year ?? clock.Today().Year;
        if (y is < MinYear or > MaxYear) return Error.Validation("year", T["Validation.Year", "year", MinYear, MaxYear]);
        var paths = GetOrgUnit.AncestorPaths(unit.Value!.Path);
        paths.Add(unit.Value.Path);
        var plans = await db.StudyPlans.AsNoTracking().Where(p => p.Year == y && paths.Contains(p.OrgPath)).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        var items = await ItemRowsAsync(ids, ct);
        var names = await UnitNamesAsync(plans.Select(p => p.OrgUnitId), ct);
        return plans.OrderByDescending(p => p.OrgPath.Length).ThenBy(p => p.Audience).ThenBy(p => p.CreatedAt)
            .Select(p => new PlanSummaryDto(p.Id, p.OrgUnitId, names.GetValueOrDefault(p.OrgUnitId, ""), p.Year, p.Title, p.Audience.ToString(),
                items.Count(i => i.PlanId == p.Id), p.OrgUnitId == unitId,
                CentralisedCourseRule.Met(p.Audience, items.Where(i => i.PlanId == p.Id).Select(i => (i.Required, i.Kind)))))
            .ToList();
    }

    public async Task<Result<PlanDto>> GetAsync(Guid planId, CancellationToken ct)
    {
        var plan = await ReadableAsync(planId, ct);
        if (!plan.IsSuccess) return plan.Error!;
        var p = plan.Value!;
        var items = await ItemRowsAsync([p.Id], ct);
        var targets = await db.StudyPlanTargets.AsNoTracking().Where(t => t.PlanId == p.Id).ToListAsync(ct);
        var names = await UnitNamesAsync([p.OrgUnitId], ct);
        var checks = new List<PlanCheckDto>();
        if (CentralisedCourseRule.Applies(p.Audience))
        {
            var met = CentralisedCourseRule.Met(p.Audience, items.Select(i => (i.Required, i.Kind)));
            checks.Add(new PlanCheckDto(CentralisedCourseRule.Id, met, met ? T["Check.E3.Met"] : T["Check.E3.Missing"], CentralisedCourseRule.Citation));
        }
        var links = await db.CaseLinks.AsNoTracking().Where(l => l.TargetKind == Cases.CaseTargetKind.Plan && l.TargetId == p.Id)
            .OrderBy(l => l.LinkedAt).Select(l => new { l.Id, l.CourseId }).ToListAsync(ct);
        var linkedIds = links.Select(l => l.CourseId).ToList();
        var linked = await db.Courses.AsNoTracking().Where(c => linkedIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var cases = links.Where(l => linked.ContainsKey(l.CourseId))
            .Select(l => new PlanLinkedCaseDto(l.Id, l.CourseId, linked[l.CourseId].Title, linked[l.CourseId].CaseKind.ToString())).ToList();
        return new PlanDto(p.Id, p.OrgUnitId, names.GetValueOrDefault(p.OrgUnitId, ""), p.Year, p.Title, p.Audience.ToString(), p.Note, p.CreatedAt, p.CreatedBy,
            user.Can(Permission.ManageEducation, p.OrgPath),
            items.OrderBy(i => i.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal)
                .Select(i => new PlanItemDto(i.Id, i.CourseId, i.Title, i.Category.ToString(), i.Kind.ToString(), i.Required, i.DueOn)).ToList(),
            targets.OrderBy(t => t.Category).Select(t => new PlanTargetDto(t.Category.ToString(), t.Hours)).ToList(), checks, cases);
    }

    /// <summary>A plan the caller may change: they manage education on its unit or above.</summary>
    public async Task<Result<StudyPlan>> ManagedAsync(Guid planId, CancellationToken ct)
    {
        var plan = await db.StudyPlans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || !CanRead(user, plan.OrgPath)) return Error.NotFound(T["Plan.NotFound"]);
        if (!user.Can(Permission.ManageEducation, plan.OrgPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        return plan;
    }

    /// <summary>A plan the caller may read: they see members of its unit, or of a unit below it (whose part of the plan they follow).</summary>
    public async Task<Result<StudyPlan>> ReadableAsync(Guid planId, CancellationToken ct)
    {
        var plan = await db.StudyPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || !CanRead(user, plan.OrgPath)) return Error.NotFound(T["Plan.NotFound"]);
        return plan;
    }

    public static bool CanRead(CurrentUser user, string path) =>
        user.Can(Permission.ViewMembers, path)
        || user.Roles.Any(r => r.Role.Grants(Permission.ViewMembers) && r.Scope != DataScope.Self && r.OrgPath.StartsWith(path, StringComparison.Ordinal));

    internal sealed record ItemRow(Guid Id, Guid PlanId, Guid CourseId, string Title, CourseCategory Category, CourseKind Kind, bool Required, DateOnly? DueOn);

    internal async Task<List<ItemRow>> ItemRowsAsync(IReadOnlyCollection<Guid> planIds, CancellationToken ct) =>
        await db.StudyPlanItems.AsNoTracking().Where(i => planIds.Contains(i.PlanId))
            .Join(db.Courses, i => i.CourseId, c => c.Id, (i, c) => new ItemRow(i.Id, i.PlanId, i.CourseId, c.Title, c.Category, c.Kind, i.Required, i.DueOn))
            .ToListAsync(ct);

    internal async Task<Dictionary<Guid, string>> UnitNamesAsync(IEnumerable<Guid> unitIds, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        return await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    /// <summary>A published course of the unit at <paramref name="path"/> or of a unit above it.</summary>
    internal async Task<Course?> VisibleCourseAsync(Guid courseId, string path, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId && c.Status == CourseStatus.Published, ct);
        return course is not null && path.StartsWith(course.OrgPath, StringComparison.Ordinal) ? course : null;
    }

    private PlanAudience? ParseAudience(string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add(Error.Validation("audience", L["Validation.Required", "audience"])); return null; }
        if (Enum.TryParse<PlanAudience>(value, false, out var a) && Enum.IsDefined(a)) return a;
        errors.Add(Error.Validation("audience", L["Validation.OneOf", "audience", string.Join(", ", Enum.GetNames<PlanAudience>())]));
        return null;
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Who did it, as lists show it (the display name, else the account).</summary>
    internal static string By(CurrentUser user)
    {
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        return by.Length > 100 ? by[..100] : by;
    }
}

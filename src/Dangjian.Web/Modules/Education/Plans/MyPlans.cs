using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Education.Plans;

public sealed record MyPlanItemDto(Guid CourseId, string CourseTitle, string Category, bool Required, DateOnly? DueOn, bool Done, DateTimeOffset? CompletedAt,
    bool Overdue);

public sealed record MyCategoryHoursDto(string Category, decimal Hours, int? Target, bool Met);

public sealed record MyPlanDto(Guid Id, string OrgUnitName, int Year, string Title, string Audience, IReadOnlyList<MyPlanItemDto> Items,
    IReadOnlyList<MyCategoryHoursDto> Hours, int Done, int Overdue);

public sealed record MyPlansDto(int Year, string MemberName, IReadOnlyList<MyPlanDto> Plans, decimal TotalHours);

/// <summary>What a member has studied: completed courses and verified seconds per course of a year (StudyProgress).</summary>
public sealed record MemberStudy(Dictionary<Guid, DateTimeOffset> Completed, Dictionary<Guid, int> SecondsThisYear);

/// <summary>
/// 我的学习计划: the plans that apply to the caller — of their unit or a unit above it, for an audience they are of — each
/// item done or overdue from their verified study, and their class hours per category against the plan's targets.
/// </summary>
public sealed class MyPlans(AppDbContext db, CurrentUser user, TimeProvider clock, PlanAudiences audiences, StudyPlans plans,
    IOptions<EducationOptions> options, IStringLocalizer<PlansText> T)
{
    public async Task<Result<MyPlansDto>> GetAsync(int? year, CancellationToken ct)
    {
        var y = year ?? clock.Today().Year;
        if (y is < StudyPlans.MinYear or > StudyPlans.MaxYear) return Error.Validation("year", T["Validation.Year", "year", StudyPlans.MinYear, StudyPlans.MaxYear]);
        if (await MemberAsync(ct) is not { } me) return Error.NotFound(T["Member.NotOnRoll"]);
        var today = clock.Today();
        var facts = await audiences.FactsAsync(me, ct);
        var asOf = AudienceRules.AsOf(y, today);
        var paths = GetOrgUnit.AncestorPaths(me.OrgPath);
        paths.Add(me.OrgPath);
        var applying = (await db.StudyPlans.AsNoTracking().Where(p => p.Year == y && paths.Contains(p.OrgPath)).ToListAsync(ct))
            .Where(p => AudienceRules.Matches(p.Audience, facts, asOf)).OrderBy(p => p.OrgPath.Length).ThenBy(p => p.Audience).ToList();
        var items = await plans.ItemRowsAsync(applying.Select(p => p.Id).ToList(), ct);
        var planIds = applying.Select(p => p.Id).ToList();
        var targets = await db.StudyPlanTargets.AsNoTracking().Where(t => planIds.Contains(t.PlanId)).ToListAsync(ct);
        var study = await StudyAsync(db, me.Id, y, ct);
        var perCategory = await HoursPerCategoryAsync(db, study, options.Value, ct);
        var names = await plans.UnitNamesAsync(applying.Select(p => p.OrgUnitId), ct);
        var result = applying.Select(p =>
        {
            var lines = items.Where(i => i.PlanId == p.Id).OrderBy(i => i.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal).Select(i =>
            {
                var done = study.Completed.TryGetValue(i.CourseId, out var at);
                return new MyPlanItemDto(i.CourseId, i.Title, i.Category.ToString(), i.Required, i.DueOn, done, done ? at : null,
                    !done && i.DueOn is { } due && due < today);
            }).ToList();
            var hours = targets.Where(t => t.PlanId == p.Id).OrderBy(t => t.Category).Select(t =>
            {
                var h = perCategory.GetValueOrDefault(t.Category);
                return new MyCategoryHoursDto(t.Category.ToString(), h, t.Hours, h >= t.Hours);
            }).ToList();
            return new MyPlanDto(p.Id, names.GetValueOrDefault(p.OrgUnitId, ""), p.Year, p.Title, p.Audience.ToString(), lines, hours,
                lines.Count(l => l.Done), lines.Count(l => l.Overdue));
        }).ToList();
        return new MyPlansDto(y, me.Name, result, perCategory.Values.Sum());
    }

    /// <summary>The caller's own member record (the account linked to it), or null when they are not on the roll.</summary>
    public Task<Member?> MemberAsync(CancellationToken ct) =>
        user.IsAuthenticated ? db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == user.UserId, ct) : Task.FromResult<Member?>(null);

    /// <summary>The member's completed courses (ever) and the seconds studied of each course in <paramref name="year"/>.</summary>
    public static async Task<MemberStudy> StudyAsync(AppDbContext db, Guid memberId, int year, CancellationToken ct)
    {
        var rows = await db.StudyProgress.AsNoTracking().Where(s => s.MemberId == memberId)
            .Select(s => new { s.CourseId, s.Year, s.Seconds, s.CompletedAt }).ToListAsync(ct);
        var completed = rows.Where(r => r.CompletedAt is not null).GroupBy(r => r.CourseId).ToDictionary(g => g.Key, g => g.Min(r => r.CompletedAt!.Value));
        var seconds = rows.Where(r => r.Year == year).GroupBy(r => r.CourseId).ToDictionary(g => g.Key, g => g.Sum(r => r.Seconds));
        return new MemberStudy(completed, seconds);
    }

    /// <summary>Class hours (学时, docs/rules/education.md#e-4) per category from the seconds of the year, to one decimal.</summary>
    public static async Task<Dictionary<CourseCategory, decimal>> HoursPerCategoryAsync(AppDbContext db, MemberStudy study, EducationOptions options,
        CancellationToken ct)
    {
        var ids = study.SecondsThisYear.Keys.ToList();
        var categories = await db.Courses.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Category }).ToListAsync(ct);
        var perHour = Math.Max(1, options.MinutesPerClassHour) * 60m;
        return categories.GroupBy(c => c.Category)
            .ToDictionary(g => g.Key, g => Math.Round(g.Sum(c => study.SecondsThisYear[c.Id]) / perHour, 1, MidpointRounding.ToZero));
    }
}

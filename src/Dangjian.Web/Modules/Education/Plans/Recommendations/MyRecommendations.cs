using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Education.Plans.Recommendations;

public sealed record RecommendationDto(Guid CourseId, string Title, string Category, string Kind, string CaseKind, bool Required, DateOnly? DueOn,
    string Reason, string ReasonText);

/// <summary>
/// 推荐学习: the caller's next courses from their gaps (<see cref="RecommendationRanking"/>): the courses published to
/// their unit or above, the plans of this year that apply to them and what they have studied.
/// </summary>
public sealed class MyRecommendations(AppDbContext db, TimeProvider clock, MyPlans myPlans, PlanAudiences audiences, IOptions<EducationOptions> options,
    IStringLocalizer<PlansText> T, IStringLocalizer<EducationText> E)
{
    public const int Take = 20;

    public async Task<Result<IReadOnlyList<RecommendationDto>>> GetAsync(CancellationToken ct)
    {
        if (await myPlans.MemberAsync(ct) is not { } me) return Error.NotFound(T["Member.NotOnRoll"]);
        var year = clock.Today().Year;
        var paths = GetOrgUnit.AncestorPaths(me.OrgPath);
        paths.Add(me.OrgPath);
        var courses = await db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published && paths.Contains(c.OrgPath))
            .Select(c => new { c.Id, c.Title, c.Category, c.Kind, c.CaseKind, c.Required, c.DueOn, c.PublishedAt }).ToListAsync(ct);
        var facts = await audiences.FactsAsync(me, ct);
        var asOf = AudienceRules.AsOf(year, clock.Today());
        var plans = (await db.StudyPlans.AsNoTracking().Where(p => p.Year == year && paths.Contains(p.OrgPath)).ToListAsync(ct))
            .Where(p => AudienceRules.Matches(p.Audience, facts, asOf)).Select(p => p.Id).ToList();
        var planItems = await db.StudyPlanItems.AsNoTracking().Where(i => plans.Contains(i.PlanId)).ToListAsync(ct);
        var targets = await db.StudyPlanTargets.AsNoTracking().Where(t => plans.Contains(t.PlanId)).ToListAsync(ct);
        var study = await MyPlans.StudyAsync(db, me.Id, year, ct);
        var hours = await MyPlans.HoursPerCategoryAsync(db, study, options.Value, ct);
        var under = targets.GroupBy(t => t.Category).Where(g => hours.GetValueOrDefault(g.Key) < g.Max(t => t.Hours)).Select(g => g.Key).ToHashSet();
        var studied = (await db.StudyProgress.AsNoTracking().Where(s => s.MemberId == me.Id).Select(s => s.CourseId).Distinct().ToListAsync(ct)).ToHashSet();
        var candidates = courses.Select(c =>
        {
            var item = planItems.Where(i => i.CourseId == c.Id).OrderByDescending(i => i.Required).ThenBy(i => i.DueOn ?? DateOnly.MaxValue).FirstOrDefault();
            var required = c.Required || item?.Required == true;
            var due = item?.Required == true ? item.DueOn ?? c.DueOn : c.DueOn;
            return new RecommendationCandidate(c.Id, c.Title, c.Category, required, due, c.PublishedAt, study.Completed.ContainsKey(c.Id), studied.Contains(c.Id));
        });
        var byId = courses.ToDictionary(c => c.Id);
        return RecommendationRanking.Rank(candidates, under, Take).Select(r =>
        {
            var c = byId[r.Course.CourseId];
            var text = r.Reason switch
            {
                RecommendationReason.Required when r.Course.DueOn is { } due => T["Recommend.RequiredBy", ChinaTime.Format(due)].Value,
                RecommendationReason.Required => T["Recommend.Required"].Value,
                RecommendationReason.CategoryGap => T["Recommend.CategoryGap", E["Category." + c.Category]].Value,
                _ => T["Recommend.Newest"].Value,
            };
            return new RecommendationDto(c.Id, c.Title, c.Category.ToString(), c.Kind.ToString(), c.CaseKind.ToString(), r.Course.Required, r.Course.DueOn,
                r.Reason.ToString(), text);
        }).ToList();
    }
}

using Dangjian.Web.Modules.Education.Courses;

namespace Dangjian.Web.Modules.Education.Plans.Recommendations;

/// <summary>Why a course is recommended, in the order the gaps are filled.</summary>
public enum RecommendationReason
{
    Required,
    CategoryGap,
    Newest,
}

/// <summary>A published course the member may study, with what they did of it.</summary>
public sealed record RecommendationCandidate(Guid CourseId, string Title, CourseCategory Category, bool Required, DateOnly? DueOn,
    DateTimeOffset? PublishedAt, bool Completed, bool Studied);

/// <summary>
/// The order of recommendations, from the gaps: first the required courses not completed (nearest deadline first, those
/// without one after), then courses of a category where the member is under a plan's target and has not studied them
/// yet (newest first), then the other courses not completed, newest first. A completed course is never recommended.
/// </summary>
public static class RecommendationRanking
{
    public static IReadOnlyList<(RecommendationCandidate Course, RecommendationReason Reason)> Rank(IEnumerable<RecommendationCandidate> candidates,
        IReadOnlySet<CourseCategory> underTarget, int take)
    {
        var open = candidates.Where(c => !c.Completed).DistinctBy(c => c.CourseId).ToList();
        var required = open.Where(c => c.Required)
            .OrderBy(c => c.DueOn is null).ThenBy(c => c.DueOn).ThenByDescending(c => c.PublishedAt).ThenBy(c => c.CourseId)
            .Select(c => (c, RecommendationReason.Required));
        var gaps = open.Where(c => !c.Required && !c.Studied && underTarget.Contains(c.Category))
            .OrderByDescending(c => c.PublishedAt).ThenBy(c => c.CourseId).Select(c => (c, RecommendationReason.CategoryGap));
        var newest = open.Where(c => !c.Required && !(!c.Studied && underTarget.Contains(c.Category)))
            .OrderByDescending(c => c.PublishedAt).ThenBy(c => c.CourseId).Select(c => (c, RecommendationReason.Newest));
        return required.Concat(gaps).Concat(newest).Take(Math.Max(0, take)).ToList();
    }
}

using Dangjian.Web.Modules.Education.Courses;

namespace Dangjian.Web.Modules.Education.Plans;

/// <summary>
/// E-3: probationary members, and full members within a year of full membership, attend one centralised course
/// (docs/rules/education.md#e-3). A plan for new or probationary members meets it with at least one required item
/// that is a live session (a course held at a time: the platform's centralised training); other audiences are not
/// concerned. The plan is still saved: the check is shown on the plan until an item meets it.
/// </summary>
public static class CentralisedCourseRule
{
    public const string Id = "E-3";
    public const string Citation = "docs/rules/education.md#e-3";

    public static bool Applies(PlanAudience audience) => audience is PlanAudience.NewMembers or PlanAudience.Probationary;

    /// <summary>True when the plan meets E-3 or is not concerned by it.</summary>
    public static bool Met(PlanAudience audience, IEnumerable<(bool Required, CourseKind Kind)> items) =>
        !Applies(audience) || items.Any(i => i.Required && i.Kind == CourseKind.Live);
}

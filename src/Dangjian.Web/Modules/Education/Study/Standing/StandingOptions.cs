namespace Dangjian.Web.Modules.Education.Study.Standing;

/// <summary>
/// How a member's study stands against the target and when they are reminded, beside <see cref="EducationOptions"/>
/// in the same section (Rules:Education; docs/rules/education.md#e-6, #e-7).
/// </summary>
public sealed class StandingOptions
{
    /// <summary>Far below target: under this share (percent) of the target pro-rated over the months gone by.</summary>
    public int FarBelowPercent { get; set; } = 50;

    /// <summary>A required course or plan item due within this many days (today included) and not completed is reminded.</summary>
    public int DueSoonDays { get; set; } = 7;

    /// <summary>From this month of the year (China time) on, members below target are reminded once a month (10: the fourth quarter).</summary>
    public int TargetRemindersFromMonth { get; set; } = 10;

    /// <summary>
    /// A unit's learning archive with more party members than this reads its totals from the dashboard's roll-ups (as of
    /// their build) and lists its members page by page in the tree's order, instead of counting every member per request.
    /// </summary>
    public int ArchiveRollupFromMembers { get; set; } = 2000;
}

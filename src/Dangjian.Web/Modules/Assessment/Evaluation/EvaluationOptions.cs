namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>Thresholds of the branch assessment that are not part of a scheme (Rules:Assessment:Evaluation).</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Rules:Assessment:Evaluation";

    /// <summary>The most the ideology indicators may weigh, in percent of the scheme's full marks (PA-5: up to 40 %).</summary>
    public int IdeologyCapPercent { get; set; } = 40;

    /// <summary>A development case with no step for this many days counts as stalled (development.onTrack).</summary>
    public int StalledCaseDays { get; set; } = 180;

    /// <summary>A branch founded less than this many months before the end of the scheme's year is too young to be graded (PA-3).</summary>
    public int YoungBranchMonths { get; set; } = 12;
}

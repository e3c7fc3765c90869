namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>
/// The cap on 优秀 (docs/rules/organisation.md#o-21): of the members appraised, at most the cap's share, rounded down,
/// are confirmed 优秀 (30 %: 10 members allow 3, 9 allow 2), but never fewer than one while anyone is appraised and the cap
/// is above zero (a branch of two or three may still name one). A cap of 100 or more is no cap.
/// </summary>
public static class ExcellentCapRule
{
    public const string Article = "docs/rules/organisation.md#o-21";

    /// <summary>How many may be 优秀; null when there is no cap.</summary>
    public static int? Allowed(int appraised, int capPercent) =>
        capPercent >= 100 ? null
        : appraised <= 0 || capPercent <= 0 ? 0
        : Math.Max(1, appraised * capPercent / 100);

    public static bool Within(int appraised, int excellent, int capPercent) =>
        Allowed(appraised, capPercent) is not { } allowed || excellent <= allowed;
}

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>
/// PA-11 (docs/rules/points-and-assessment.md#pa-11): when the records raise an early warning for a party member, and the
/// basis that names its evidence (one warning per basis). Pure: the job reads the facts, these decide.
/// </summary>
public static class WarningRules
{
    public const string Article = "docs/rules/points-and-assessment.md#pa-11";

    /// <summary>Meetings missed without leave in a row, against the setting.</summary>
    public static bool Absences(int streak, int threshold) => streak >= Math.Max(1, threshold);

    /// <summary>
    /// Whole months before the current one left unpaid after the last month paid for: paid up to November, in December,
    /// is 0; paid up to August, in December, is 3 (September to November). Null when nothing was ever paid.
    /// </summary>
    public static int? ArrearsMonths(DateOnly? lastPaidMonth, DateOnly today)
    {
        if (lastPaidMonth is not { } last) return null;
        var gap = (today.Year * 12 + today.Month) - (last.Year * 12 + last.Month) - 1;
        return Math.Max(0, gap);
    }

    public static bool Arrears(int? months, int threshold) => months is { } m && m >= Math.Max(1, threshold);

    /// <summary>No check-up submitted for a closed quarter by someone in the party since before its end.</summary>
    public static bool CheckUpMissing(bool submitted, DateOnly? joinedOn, DateOnly quarterLastDay) =>
        !submitted && (joinedOn is null || joinedOn <= quarterLastDay);

    public static bool Review(CheckUpResult? result) => result == CheckUpResult.Talk;

    public static string QuarterBasis(int year, int quarter) => $"{year}Q{quarter}";

    public static string MonthBasis(DateOnly month) => $"{month.Year:D4}-{month.Month:D2}";

    public static string DayBasis(DateOnly day) => $"{day.Year:D4}-{day.Month:D2}-{day.Day:D2}";
}

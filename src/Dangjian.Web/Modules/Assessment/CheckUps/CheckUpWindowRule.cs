namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>Where a quarter's check-up stands on a day: not yet open, open for filling, or closed.</summary>
public enum WindowState
{
    NotYetOpen,
    Open,
    Closed,
}

/// <summary>
/// PA-10 (docs/rules/points-and-assessment.md#pa-10): a quarter's check-up is filled from the quarter's first day until
/// <c>graceDays</c> after its last day, both included, in China dates. Pure: no I/O.
/// </summary>
public static class CheckUpWindowRule
{
    public const string Article = "docs/rules/points-and-assessment.md#pa-10";

    public static bool IsQuarter(int year, int quarter) => year is >= 2000 and <= 2999 && quarter is >= 1 and <= 4;

    public static DateOnly FirstDay(int year, int quarter) => new(year, (quarter - 1) * 3 + 1, 1);

    public static DateOnly LastDay(int year, int quarter) => FirstDay(year, quarter).AddMonths(3).AddDays(-1);

    /// <summary>The last day a check-up of the quarter is taken.</summary>
    public static DateOnly ClosesOn(int year, int quarter, int graceDays) => LastDay(year, quarter).AddDays(Math.Max(0, graceDays));

    public static WindowState State(DateOnly today, int year, int quarter, int graceDays) =>
        today < FirstDay(year, quarter) ? WindowState.NotYetOpen
        : today > ClosesOn(year, quarter, graceDays) ? WindowState.Closed
        : WindowState.Open;

    public static (int Year, int Quarter) QuarterOf(DateOnly day) => (day.Year, (day.Month - 1) / 3 + 1);

    public static (int Year, int Quarter) Previous(int year, int quarter) => quarter == 1 ? (year - 1, 4) : (year, quarter - 1);

    /// <summary>The latest quarter whose window has closed by <paramref name="today"/>.</summary>
    public static (int Year, int Quarter) LastClosed(DateOnly today, int graceDays)
    {
        var q = QuarterOf(today);
        while (State(today, q.Year, q.Quarter, graceDays) != WindowState.Closed) q = Previous(q.Year, q.Quarter);
        return q;
    }

    /// <summary>The quarters of <paramref name="year"/> opened by <paramref name="today"/> (0 to 4): those a member is due for.</summary>
    public static int QuartersOpened(int year, DateOnly today) =>
        Enumerable.Range(1, 4).Count(q => FirstDay(year, q) <= today);
}

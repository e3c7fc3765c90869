namespace Dangjian.Web.Modules.Education.Study.Standing;

/// <summary>
/// Far below target (docs/rules/education.md#e-6): the hours as shown under <c>FarBelowPercent</c> % of the yearly target
/// pro-rated over the whole months of the year gone by (China time). A whole month rather than a day, so that nobody is
/// flagged in January for not having studied on the 2nd. Pure.
/// </summary>
public static class FarBelowRule
{
    public const string Article = "docs/rules/education.md#e-6";

    /// <summary>The share of the year's target due by <paramref name="today"/>: whole months gone by ÷ 12; a past year in full, a later one nothing.</summary>
    public static double ProRatedTarget(int target, int year, DateOnly today)
    {
        if (year < today.Year) return target;
        if (year > today.Year) return 0;
        return target * (today.Month - 1) / 12.0;
    }

    /// <summary>Whether <paramref name="hours"/> (exact; compared as shown, one decimal) are under the percent of the pro-rated target.</summary>
    public static bool IsFarBelow(double hours, int target, int percent, int year, DateOnly today)
    {
        var due = ProRatedTarget(target, year, today) * Math.Clamp(percent, 0, 100) / 100.0;
        return Archive.ArchiveRules.Round(hours) < due;
    }
}

using Dangjian.Web.Platform;
using System.Globalization;

namespace Dangjian.Web.Modules.Dues;

/// <summary>Months of the dues calendar: the first day of the month stands for the month; shown as "YYYY-MM".</summary>
[ModuleContract]
public static class DuesMonth
{
    /// <summary>Earliest and latest years a month may be entered for.</summary>
    public const int MinYear = 1949;
    public const int MaxYear = 2199;

    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static int Index(DateOnly day) => day.Year * 12 + day.Month - 1;

    /// <summary>The last day of the month.</summary>
    public static DateOnly End(DateOnly month) => Of(month).AddMonths(1).AddDays(-1);

    /// <summary>Accepts "YYYY-MM" and "YYYY-MM-01" (the first day stands for the month; any other day is refused).</summary>
    public static bool TryParse(string? text, out DateOnly month)
    {
        month = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            || (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out m) && m.Day == 1))
        {
            month = m;
            return true;
        }
        return false;
    }

    public static bool TryParseDay(string? text, out DateOnly day)
    {
        day = default;
        return !string.IsNullOrWhiteSpace(text)
               && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}

using System.Globalization;

namespace Dangjian.Web.Platform.Import;

/// <summary>Reading typed values out of the text of a spreadsheet cell, as people and Excel write them.</summary>
public static class ImportCells
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyyMMdd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", Clock.ChinaTime.WrittenPattern];
    private static readonly string[] MonthFormats = ["yyyy-MM", "yyyy/MM", "yyyy.MM", "yyyyMM", "yyyy-M", "yyyy/M", "yyyy.M", Clock.ChinaTime.WrittenMonthReadPattern];

    /// <summary>A date typed as text in one of the usual forms, or an Excel date (a serial day number).</summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        if (TrySerial(text, out date)) return true;
        return DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// A month as "2026-07" (or 2026/07, 202607, 2026年7月), the first day of a month as a date, or an Excel date cell
    /// on the first of the month. Returns the first day of the month.
    /// </summary>
    public static bool TryMonth(string text, out DateOnly month)
    {
        var s = text.Trim();
        if (DateOnly.TryParseExact(s, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out month)) return true;
        // A full date stands for its month only when it is the first day: "2026-07-15" is more likely a mistake.
        return (TrySerial(s, out month) || DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
               && month.Day == 1;
    }

    /// <summary>An amount in yuan with at most two decimals, as fen; "¥" and thousands commas are allowed.</summary>
    public static bool TryYuan(string text, out long fen)
    {
        fen = 0;
        var s = text.Trim().TrimStart('¥', '￥').Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yuan)) return false;
        var cents = yuan * 100;
        // Excel may store 1234.5 as 1234.4999999999998: round what is within a millionth of a fen, refuse real third decimals.
        var rounded = decimal.Round(cents, 0, MidpointRounding.AwayFromZero);
        if (Math.Abs(cents - rounded) > 0.000001m || Math.Abs(rounded) >= 1_000_000_000_000m) return false;
        fen = (long)rounded;
        return true;
    }

    private static bool TrySerial(string text, out DateOnly date)
    {
        date = default;
        // Excel stores dates as serial day numbers; a text with a dash is a typed date, not a number.
        if (text.Contains('-') || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial is <= 1 or >= 2958466)
        {
            return false;
        }
        date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return true;
    }
}

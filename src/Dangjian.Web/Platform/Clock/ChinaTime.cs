using System.Resources;

namespace Dangjian.Web.Platform.Clock;

/// <summary>Dates as people in China read them (UTC+8, no daylight saving), from the injected clock.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    // The patterns of dates written in Chinese (SharedResource "Date.*", zh-CN whatever the UI language).
    private static readonly ResourceManager Texts = new(typeof(SharedResource));

    /// <summary>2026年11月22日 (read as well as written).</summary>
    public static readonly string WrittenPattern = Texts.InChinese("Date.Written");

    /// <summary>2026年10月.</summary>
    public static readonly string WrittenMonthPattern = Texts.InChinese("Date.WrittenMonth");

    /// <summary>2026年7月 or 2026年07月, as a month is read.</summary>
    public static readonly string WrittenMonthReadPattern = Texts.InChinese("Date.WrittenMonthRead");

    public static DateTimeOffset Now(this TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.Now().DateTime);

    /// <summary>The calendar day in China of an instant.</summary>
    public static DateOnly Date(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    public static string Format(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date as printed on a letter: 2026年11月22日.</summary>
    public static string Written(DateOnly d) => d.ToString(WrittenPattern, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A month as printed on a letter ("党费交至 2026年10月"): YYYY年MM月.</summary>
    public static string WrittenMonth(DateOnly d) => d.ToString(WrittenMonthPattern, System.Globalization.CultureInfo.InvariantCulture);
}

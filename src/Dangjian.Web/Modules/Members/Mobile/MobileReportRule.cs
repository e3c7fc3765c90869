namespace Dangjian.Web.Modules.Members.Mobile;

/// <summary>Report interval of mobile members (docs/rules/registry.md#r-9); a setting.</summary>
public sealed class MobileOptions
{
    public const string Section = "Rules:MobileMembers";
    public int ReportIntervalMonths { get; set; } = 12;
}

[Platform.RegulationNames]
public static class MobileArticles
{
    public const string Report = "《中国共产党党员教育管理工作条例》第二十五条";
}

/// <summary>
/// 流动党员 report at least once a year: the next report is due <see cref="MobileOptions.ReportIntervalMonths"/> months
/// after the last one, or after leaving when there is none yet. Overdue from the day after the due date; an ended
/// registration owes nothing.
/// </summary>
public static class MobileReportRule
{
    public static DateOnly NextDue(DateOnly leftOn, DateOnly? lastReport, int intervalMonths) =>
        (lastReport is { } r && r > leftOn ? r : leftOn).AddMonths(intervalMonths);

    public static bool IsOverdue(DateOnly leftOn, DateOnly? lastReport, DateOnly? returnedOn, DateOnly today, int intervalMonths) =>
        returnedOn is null && today > NextDue(leftOn, lastReport, intervalMonths);
}

namespace Dangjian.Web.Modules.Education.Study.Standing;

/// <summary>When a study reminder is due (docs/rules/education.md#e-6, #e-7). Pure: dates in China time.</summary>
public static class ReminderRules
{
    public const string DeadlineArticle = "docs/rules/education.md#e-7";

    /// <summary>A deadline within <paramref name="days"/> days, today included (7: today to six days ahead); never one already past.</summary>
    public static bool IsDueSoon(DateOnly dueOn, DateOnly today, int days) =>
        dueOn >= today && dueOn.DayNumber - today.DayNumber < Math.Max(0, days);

    /// <summary>The reminders to members below target run from <paramref name="fromMonth"/> (10: the fourth quarter) to the year's end.</summary>
    public static bool InTargetSeason(DateOnly today, int fromMonth) => today.Month >= Math.Clamp(fromMonth, 1, 13);

    /// <summary>The period of a target reminder: one per member (and per branch list) and month.</summary>
    public static string MonthKey(DateOnly today) => $"{today.Year:D4}{today.Month:D2}";
}

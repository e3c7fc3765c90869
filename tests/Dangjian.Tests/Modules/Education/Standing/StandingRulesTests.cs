using Dangjian.Web.Modules.Dashboard.WeakLinks;
using Dangjian.Web.Modules.Education.Study.Standing;

namespace Dangjian.Tests.Modules.Education.Standing;

/// <summary>The far-below rule (docs/rules/education.md#e-6) and the reminders' dates (#e-7), with their boundaries.</summary>
public sealed class StandingRulesTests
{
    [Theory]
    [InlineData(32, 2026, "2026-01-31", 0.0)]       // January: no whole month gone by
    [InlineData(32, 2026, "2026-02-01", 32 / 12.0)]
    [InlineData(32, 2026, "2026-07-01", 16.0)]      // half the year
    [InlineData(56, 2026, "2026-12-31", 56 * 11 / 12.0)]
    [InlineData(32, 2025, "2026-03-01", 32.0)]      // a past year in full
    [InlineData(32, 2027, "2026-03-01", 0.0)]       // a year to come: nothing due
    public void ProRatedTarget_WholeMonthsGoneBy(int target, int year, string today, double expected) =>
        FarBelowRule.ProRatedTarget(target, year, DateOnly.Parse(today)).ShouldBe(expected, 1e-9);

    [Theory]
    [InlineData(0.0, 32, 50, 2026, "2026-01-20", false)]   // January: nobody
    [InlineData(0.0, 32, 50, 2026, "2026-02-01", true)]    // 1.33 due → under half of it
    [InlineData(7.9, 32, 50, 2026, "2026-07-01", true)]    // half of 16 is 8
    [InlineData(7.95, 32, 50, 2026, "2026-07-01", false)]  // shown as 8.0: on the boundary is not under it
    [InlineData(8.0, 32, 50, 2026, "2026-07-01", false)]
    [InlineData(13.2, 32, 50, 2026, "2026-11-22", true)]   // ten months: 26.67 due, half 13.33
    [InlineData(13.4, 32, 50, 2026, "2026-11-22", false)]
    [InlineData(23.0, 56, 50, 2026, "2026-11-22", true)]   // a leader's 56: half of 46.67 is 23.33
    [InlineData(10.0, 32, 0, 2026, "2026-11-22", false)]   // 0 % turns the rule off
    [InlineData(15.9, 32, 50, 2025, "2026-06-01", true)]   // a past year: half of the whole target
    [InlineData(16.0, 32, 50, 2025, "2026-06-01", false)]
    public void FarBelow_UnderThePercentOfTheProRatedTarget(double hours, int target, int percent, int year, string today, bool expected) =>
        FarBelowRule.IsFarBelow(hours, target, percent, year, DateOnly.Parse(today)).ShouldBe(expected);

    [Theory]
    [InlineData("2026-11-22", "2026-11-21", 7, false)]   // past
    [InlineData("2026-11-22", "2026-11-22", 7, true)]    // due today
    [InlineData("2026-11-22", "2026-11-28", 7, true)]    // the window's last day
    [InlineData("2026-11-22", "2026-11-29", 7, false)]   // the day after it
    [InlineData("2026-11-22", "2026-11-22", 1, true)]
    [InlineData("2026-11-22", "2026-11-23", 1, false)]
    [InlineData("2026-11-22", "2026-11-22", 0, false)]   // 0 days: no deadline reminders
    public void DueSoon_TodayToTheWindowsLastDay(string today, string due, int days, bool expected) =>
        ReminderRules.IsDueSoon(DateOnly.Parse(due), DateOnly.Parse(today), days).ShouldBe(expected);

    [Theory]
    [InlineData("2026-09-30", 10, false)]   // the day before the fourth quarter
    [InlineData("2026-10-01", 10, true)]    // its first day
    [InlineData("2026-12-31", 10, true)]
    [InlineData("2026-01-01", 10, false)]
    [InlineData("2026-06-15", 6, true)]
    [InlineData("2026-12-31", 13, false)]   // 13: never
    public void TargetSeason_FromTheMonth(string today, int fromMonth, bool expected) =>
        ReminderRules.InTargetSeason(DateOnly.Parse(today), fromMonth).ShouldBe(expected);

    [Theory]
    [InlineData(0.0, 26.67, 30)]   // capped at 20 above the base
    [InlineData(10.0, 13.33, 13)]
    [InlineData(13.3, 13.33, 10)]
    public void StudyScore_TheMoreMissingTheHigher(double hours, double due, int expected) =>
        WeakLinkRules.StudyScore(hours, due).ShouldBe(expected);
}

using Dangjian.Web.Modules.Assessment.CheckUps;

namespace Dangjian.Tests.Modules.Assessment.CheckUps;

/// <summary>The check-up's window (PA-10), the warnings' thresholds (PA-11) and the handling rate (PA-12), as tables of cases.</summary>
public sealed class CheckUpRulesTests
{
    [Theory]
    [InlineData("2026-09-30", 2026, 4, 15, WindowState.NotYetOpen)]
    [InlineData("2026-10-01", 2026, 4, 15, WindowState.Open)]      // the quarter's first day
    [InlineData("2026-12-31", 2026, 4, 15, WindowState.Open)]
    [InlineData("2027-01-15", 2026, 4, 15, WindowState.Open)]      // the last day of the grace
    [InlineData("2027-01-16", 2026, 4, 15, WindowState.Closed)]
    [InlineData("2026-04-01", 2026, 1, 0, WindowState.Closed)]     // no grace: closed the day after the quarter
    [InlineData("2026-03-31", 2026, 1, 0, WindowState.Open)]
    [InlineData("2026-03-31", 2026, 1, -5, WindowState.Open)]      // a negative grace counts as none
    [InlineData("2026-07-20", 2026, 2, 19, WindowState.Closed)]
    [InlineData("2026-07-20", 2026, 2, 20, WindowState.Open)]
    public void Window_FirstDayToGraceAfterEnd(string today, int year, int quarter, int grace, WindowState expected) =>
        CheckUpWindowRule.State(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), year, quarter, grace).ShouldBe(expected);

    [Theory]
    [InlineData("2026-11-22", 15, 2026, 3)]
    [InlineData("2026-10-15", 15, 2026, 2)]   // Q3 still open on its last grace day
    [InlineData("2026-10-16", 15, 2026, 3)]
    [InlineData("2026-01-10", 15, 2025, 3)]   // across the year
    [InlineData("2026-01-10", 0, 2025, 4)]
    public void LastClosed_Quarter(string today, int grace, int year, int quarter) =>
        CheckUpWindowRule.LastClosed(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), grace).ShouldBe((year, quarter));

    [Theory]
    [InlineData(2026, "2026-11-22", 4)]
    [InlineData(2026, "2026-03-31", 1)]
    [InlineData(2026, "2026-04-01", 2)]
    [InlineData(2025, "2026-11-22", 4)]
    [InlineData(2027, "2026-11-22", 0)]
    public void QuartersOpened_OfAYear(int year, string today, int expected) =>
        CheckUpWindowRule.QuartersOpened(year, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData(2, 3, false)]
    [InlineData(3, 3, true)]    // the threshold itself
    [InlineData(5, 3, true)]
    [InlineData(1, 0, true)]    // a threshold under 1 counts as 1
    [InlineData(0, 0, false)]
    public void Absences_InARow(int streak, int threshold, bool warns) => WarningRules.Absences(streak, threshold).ShouldBe(warns);

    [Theory]
    [InlineData("2026-11-01", "2026-12-10", 0)]   // paid up to last month
    [InlineData("2026-12-01", "2026-12-10", 0)]   // this month paid
    [InlineData("2027-03-01", "2026-12-10", 0)]   // paid ahead
    [InlineData("2026-08-01", "2026-12-10", 3)]   // September to November
    [InlineData("2025-12-01", "2026-01-05", 0)]   // across the year
    [InlineData("2025-09-01", "2026-01-05", 3)]
    public void ArrearsMonths_BeforeTheCurrentOne(string lastPaid, string today, int months) =>
        WarningRules.ArrearsMonths(DateOnly.Parse(lastPaid, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(months);

    [Fact]
    public void ArrearsMonths_NeverPaid_IsLeftToTheDues() => WarningRules.ArrearsMonths(null, new DateOnly(2026, 12, 1)).ShouldBeNull();

    [Theory]
    [InlineData(2, 3, false)]
    [InlineData(3, 3, true)]
    [InlineData(null, 3, false)]
    public void Arrears_Threshold(int? months, int threshold, bool warns) => WarningRules.Arrears(months, threshold).ShouldBe(warns);

    [Theory]
    [InlineData(false, "2010-07-01", true)]
    [InlineData(true, "2010-07-01", false)]
    [InlineData(false, "2026-09-30", true)]    // joined on the quarter's last day
    [InlineData(false, "2026-10-01", false)]   // joined after it ended
    [InlineData(false, null, true)]
    public void CheckUpMissing_ForThoseInTheParty(bool submitted, string? joinedOn, bool warns) =>
        WarningRules.CheckUpMissing(submitted, joinedOn is null ? null : DateOnly.Parse(joinedOn, System.Globalization.CultureInfo.InvariantCulture),
            new DateOnly(2026, 9, 30)).ShouldBe(warns);

    [Theory]
    [InlineData(CheckUpResult.Talk, true)]
    [InlineData(CheckUpResult.Attention, false)]
    [InlineData(CheckUpResult.Good, false)]
    [InlineData(null, false)]
    public void Review_Talk(CheckUpResult? result, bool warns) => WarningRules.Review(result).ShouldBe(warns);

    [Theory]
    [InlineData(0, 0, 0, null)]          // none raised
    [InlineData(3, 0, 3, null)]          // all dismissed
    [InlineData(4, 0, 0, "0")]
    [InlineData(4, 2, 0, "0.5")]
    [InlineData(4, 3, 1, "1")]           // handled ÷ (raised − dismissed)
    [InlineData(3, 1, 0, "0.3333")]      // four places
    [InlineData(3, 2, 0, "0.6667")]
    [InlineData(7, 5, 0, "0.7143")]
    public void HandlingRate(int raised, int handled, int dismissed, string? expected) =>
        HandlingRateRule.Rate(raised, handled, dismissed).ShouldBe(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void HandlingRate_NothingToHandle_CountsFullInTheAssessment()
    {
        HandlingRateRule.ForAssessment(0, 0, 0).ShouldBe(1m);
        HandlingRateRule.ForAssessment(4, 1, 0).ShouldBe(0.25m);
    }
}

using System.Globalization;
using Dangjian.Web.Modules.Members.Transfers.Incoming;

namespace Dangjian.Tests.Modules.Members;

/// <summary>
/// The dates of an incoming 介绍信 as a rule table: the validity the letter may carry (at most 90 days by default), and
/// whether the receiving branch may still accept it — on its last valid day yes, the day after no (第二十五条).
/// </summary>
public sealed class IncomingLetterRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-10", "2026-11-10", 90, LetterDateProblem.None)]               // valid for the day it was issued only
    [InlineData("2026-11-10", "2026-11-09", 90, LetterDateProblem.ValidBeforeIssued)]  // ends before it begins
    [InlineData("2026-11-10", "2026-12-10", 90, LetterDateProblem.None)]               // 30 days, elsewhere
    [InlineData("2026-11-10", "2027-02-08", 90, LetterDateProblem.None)]               // exactly 90 days
    [InlineData("2026-11-10", "2027-02-09", 90, LetterDateProblem.ValidTooLong)]       // 91 days
    [InlineData("2026-11-10", "2026-11-20", 10, LetterDateProblem.None)]               // a stricter setting: 10 days
    [InlineData("2026-11-10", "2026-11-21", 10, LetterDateProblem.ValidTooLong)]
    [InlineData("2024-02-28", "2024-03-29", 30, LetterDateProblem.None)]               // across 29 February
    [InlineData("2024-02-28", "2024-03-30", 30, LetterDateProblem.ValidTooLong)]
    public void CheckDates_IssuedAndValidUntil_ProblemOrNone(string issuedOn, string validUntil, int maxDays, LetterDateProblem expected)
    {
        IncomingLetterRules.CheckDates(D(issuedOn), D(validUntil), maxDays).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-12-10", "2026-11-22", LetterDateProblem.None)]
    [InlineData("2026-11-22", "2026-11-21", LetterDateProblem.None)]     // the day before the last valid day
    [InlineData("2026-11-22", "2026-11-22", LetterDateProblem.None)]     // the last valid day itself: accepted
    [InlineData("2026-11-22", "2026-11-23", LetterDateProblem.Expired)]  // the next day: refused
    [InlineData("2026-12-31", "2027-01-01", LetterDateProblem.Expired)]  // across the year end
    [InlineData("2026-11-22", "2027-11-22", LetterDateProblem.Expired)]
    public void CheckAcceptance_LastValidDayAcceptedNextDayRefused(string validUntil, string today, LetterDateProblem expected)
    {
        IncomingLetterRules.CheckAcceptance(D(validUntil), D(today)).ShouldBe(expected);
        IncomingLetterRules.IsExpired(D(validUntil), D(today)).ShouldBe(expected == LetterDateProblem.Expired);
    }
}

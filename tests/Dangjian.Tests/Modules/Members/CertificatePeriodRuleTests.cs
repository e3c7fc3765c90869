using System.Globalization;
using Dangjian.Web.Modules.Members.Certificates;

namespace Dangjian.Tests.Modules.Members;

/// <summary>A 党员证明信 covers six months at most (第二十五条); both days count; month ends clip like the calendar.</summary>
public sealed class CertificatePeriodRuleTests
{
    [Theory]
    [InlineData("2026-12-01", "2026-12-01", "Allowed")]           // a single day
    [InlineData("2026-12-01", "2027-06-01", "Allowed")]           // exactly six months
    [InlineData("2026-12-01", "2027-06-02", "TooLong")]           // one day more
    [InlineData("2026-08-31", "2027-02-28", "Allowed")]           // 31 August + 6 months = 28 February
    [InlineData("2026-08-31", "2027-03-01", "TooLong")]
    [InlineData("2027-08-31", "2028-02-29", "Allowed")]           // … 29 February in a leap year
    [InlineData("2026-12-10", "2026-12-09", "EndsBeforeStart")]
    [InlineData("2026-12-10", "2026-01-01", "EndsBeforeStart")]   // ends before it starts beats too long
    public void Check_Table(string from, string to, string expected) =>
        CertificatePeriodRule.Check(Date(from), Date(to)).ShouldBe(Enum.Parse<CertificatePeriod>(expected));

    [Fact]
    public void LatestEnd_SixMonthsOn() => CertificatePeriodRule.LatestEnd(Date("2026-11-22")).ShouldBe(Date("2027-05-22"));

    private static DateOnly Date(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

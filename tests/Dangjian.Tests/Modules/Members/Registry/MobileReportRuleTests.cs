using System.Globalization;
using Dangjian.Web.Modules.Members.Mobile;

namespace Dangjian.Tests.Modules.Members.Registry;

/// <summary>流动党员 report at least once every 12 months (a setting): due date and overdue at the boundary.</summary>
public sealed class MobileReportRuleTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? N(string? iso) => iso is null ? null : D(iso);

    [Theory]
    // left, last report, today → due, overdue
    [InlineData("2025-11-22", null, "2026-11-22", "2026-11-22", false)]         // due today: not yet overdue
    [InlineData("2025-11-22", null, "2026-11-23", "2026-11-22", true)]          // the day after
    [InlineData("2025-01-10", "2026-03-01", "2026-11-22", "2027-03-01", false)] // counted from the last report
    [InlineData("2024-02-29", null, "2025-02-28", "2025-02-28", false)]         // leap day: due on 28 February
    [InlineData("2024-02-29", null, "2025-03-01", "2025-02-28", true)]
    [InlineData("2025-06-01", "2025-05-01", "2026-05-15", "2026-06-01", false)] // a report before leaving does not count
    public void NextDueAndOverdue_Table(string left, string? last, string today, string due, bool overdue)
    {
        MobileReportRule.NextDue(D(left), N(last), 12).ShouldBe(D(due));
        MobileReportRule.IsOverdue(D(left), N(last), null, D(today), 12).ShouldBe(overdue);
    }

    [Fact]
    public void IsOverdue_RegistrationEnded_OwesNothing()
    {
        MobileReportRule.IsOverdue(D("2020-01-01"), null, D("2021-06-01"), D("2026-11-22"), 12).ShouldBeFalse();
    }
}

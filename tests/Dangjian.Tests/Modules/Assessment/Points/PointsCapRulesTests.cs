using Dangjian.Web.Modules.Assessment.Points;

namespace Dangjian.Tests.Modules.Assessment.Points;

/// <summary>PA-7: how much of a line fits under an item's daily, monthly and yearly caps, at the boundaries.</summary>
public sealed class PointsCapRulesTests
{
    [Theory]
    [InlineData(2, 0, 0, 0, null, null, null, 2, null)]        // no caps
    [InlineData(2, 2, 2, 2, 4, null, null, 2, null)]           // exactly reaches the daily cap
    [InlineData(2, 3, 3, 3, 4, null, null, 1, "Day")]          // one point of room left
    [InlineData(2, 4, 4, 4, 4, null, null, 0, "Day")]          // daily cap reached
    [InlineData(2, 0, 8, 8, 4, 10, null, 2, null)]             // the month's last two points
    [InlineData(2, 0, 9, 9, 4, 10, null, 1, "Month")]
    [InlineData(5, 0, 0, 10, null, null, 10, 0, "Year")]       // yearly cap reached
    [InlineData(5, 0, 0, 6, null, null, 10, 4, "Year")]
    [InlineData(-2, 0, 4, 4, null, 6, null, 2, null)]          // deductions count in absolute points
    [InlineData(-2, 0, 5, 5, null, 6, null, 1, "Month")]
    [InlineData(3, 1, 9, 19, 3, 10, 20, 1, "Month")]           // the tightest cap binds (day, month, year leave 2, 1, 1: the first of the tightest)
    [InlineData(3, 2, 0, 0, 3, 10, 20, 1, "Day")]
    public void Allowed_AtTheBoundaries(int points, int day, int month, int year, int? dailyCap, int? monthlyCap, int? yearlyCap, int allowed, string? binding)
    {
        var result = PointsCapRules.Allowed(points, day, month, year, dailyCap, monthlyCap, yearlyCap);
        result.Allowed.ShouldBe(allowed);
        result.Binding?.ToString().ShouldBe(binding);
        if (binding is null) result.Binding.ShouldBeNull();
        PointsCapRules.Fits(points, day, month, year, dailyCap, monthlyCap, yearlyCap).ShouldBe(binding is null);
    }
}

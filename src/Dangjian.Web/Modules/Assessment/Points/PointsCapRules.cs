namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>
/// The caps of an item (docs/rules/points-and-assessment.md#pa-7): how much of a line still fits under the day's, the
/// month's and the year's cap, counted in absolute points from the lines approved or pending. No I/O.
/// </summary>
public static class PointsCapRules
{
    public const string Article = "docs/rules/points-and-assessment.md#pa-7";

    public enum Cap
    {
        Day,
        Month,
        Year,
    }

    /// <summary>The absolute points of <paramref name="points"/> that still fit (0 when a cap is reached), and the cap that binds, if any.</summary>
    public static (int Allowed, Cap? Binding) Allowed(int points, int usedDay, int usedMonth, int usedYear, int? dailyCap, int? monthlyCap, int? yearlyCap)
    {
        var allowed = Math.Abs(points);
        Cap? binding = null;
        Check(dailyCap, usedDay, Cap.Day);
        Check(monthlyCap, usedMonth, Cap.Month);
        Check(yearlyCap, usedYear, Cap.Year);
        return (allowed, binding);

        void Check(int? cap, int used, Cap which)
        {
            if (cap is not { } c) return;
            var room = Math.Max(0, c - Math.Max(0, used));
            if (room < allowed)
            {
                allowed = room;
                binding = which;
            }
        }
    }

    /// <summary>Whether the whole line fits (a claim is refused otherwise).</summary>
    public static bool Fits(int points, int usedDay, int usedMonth, int usedYear, int? dailyCap, int? monthlyCap, int? yearlyCap) =>
        Allowed(points, usedDay, usedMonth, usedYear, dailyCap, monthlyCap, yearlyCap).Binding is null;
}

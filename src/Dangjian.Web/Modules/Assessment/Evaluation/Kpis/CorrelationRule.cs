namespace Dangjian.Web.Modules.Assessment.Evaluation.Kpis;

/// <summary>
/// 四同步 (docs/rules/points-and-assessment.md#pa-5): how closely the branches' party scores follow their business
/// scores — Pearson's r over the branches that have both, rounded to 3 decimals; none with fewer than 3 branches or when
/// either score does not vary. A business score is the average attainment of the year's KPIs (value over target, in
/// percent, each capped at 150 %).
/// </summary>
public static class CorrelationRule
{
    public const string Article = EvaluationArticles.Ideology;
    public const decimal AttainmentCap = 1.5m;

    public static double? Pearson(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 3) return null;
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (x, y) in points)
        {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
        }
        if (sxx <= 1e-12 || syy <= 1e-12) return null;
        return Math.Round(sxy / Math.Sqrt(sxx * syy), 3, MidpointRounding.AwayFromZero);
    }

    /// <summary>The average attainment in percent (2 decimals) of KPIs with a positive target; none without one.</summary>
    public static decimal? BusinessScore(IEnumerable<(decimal Value, decimal Target)> kpis)
    {
        var rates = kpis.Where(k => k.Target > 0).Select(k => Math.Min(AttainmentCap, Math.Max(0, k.Value / k.Target))).ToList();
        return rates.Count == 0 ? null : Math.Round(rates.Average() * 100, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>"2026Q3" → (2026, 3), or null.</summary>
    public static (int Year, int Quarter)? Period(string? text)
    {
        var t = text?.Trim().ToUpperInvariant();
        if (t is not { Length: 6 } || t[4] != 'Q' || !int.TryParse(t[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
            || y is < 2000 or > 2100 || t[5] is < '1' or > '4') return null;
        return (y, t[5] - '0');
    }
}

using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>An indicator as the rules see it (no I/O).</summary>
public sealed record IndicatorNode(Guid Id, Guid? ParentId, string Name, IndicatorKind Kind, decimal Points, string? SourceKey, decimal? Floor, decimal? Target,
    int SuperiorWeight, int PeersWeight, int MassesWeight, bool Ideology);

/// <summary>
/// PA-13: an indicator tree adds up — the roots to the scheme's full marks, each group's children to the group's points —
/// a qualitative indicator's scorer weights to 100 %, a quantitative one maps a floor rate below a target rate, a veto
/// item carries no points; and the ideology indicators weigh no more than the cap (PA-5).
/// </summary>
public static class SchemeRules
{
    public const string Article = EvaluationArticles.Weights;

    /// <summary>Every problem of the tree, in the caller's language; empty when it may be opened.</summary>
    public static List<string> Problems(decimal total, IReadOnlyList<IndicatorNode> nodes, int ideologyCapPercent, IStringLocalizer T)
    {
        var problems = new List<string>();
        if (nodes.Count == 0)
        {
            problems.Add(T["Rule.Weights.Empty"]);
            return problems;
        }
        var roots = nodes.Where(n => n.ParentId is null).ToList();
        var rootSum = roots.Sum(n => n.Points);
        if (rootSum != total) problems.Add(T["Rule.Weights.Roots", N(rootSum), N(total)]);
        foreach (var n in nodes)
        {
            var children = nodes.Where(c => c.ParentId == n.Id).ToList();
            switch (n.Kind)
            {
                case IndicatorKind.Group when children.Count == 0:
                    problems.Add(T["Rule.Weights.EmptyGroup", n.Name]);
                    break;
                case IndicatorKind.Group when children.Sum(c => c.Points) != n.Points:
                    problems.Add(T["Rule.Weights.Children", n.Name, N(children.Sum(c => c.Points)), N(n.Points)]);
                    break;
                case IndicatorKind.Quantitative when string.IsNullOrWhiteSpace(n.SourceKey):
                    problems.Add(T["Rule.Weights.NoSource", n.Name]);
                    break;
                case IndicatorKind.Quantitative when n.Floor is not { } floor || n.Target is not { } target || floor < 0 || floor >= target:
                    problems.Add(T["Rule.Weights.Range", n.Name]);
                    break;
                case IndicatorKind.Qualitative when n.SuperiorWeight + n.PeersWeight + n.MassesWeight != 100
                                                     || n.SuperiorWeight < 0 || n.PeersWeight < 0 || n.MassesWeight < 0:
                    problems.Add(T["Rule.Weights.Scorers", n.Name, n.SuperiorWeight + n.PeersWeight + n.MassesWeight]);
                    break;
                case IndicatorKind.Veto when n.Points != 0:
                    problems.Add(T["Rule.Weights.VetoPoints", n.Name]);
                    break;
            }
            if (n.Kind != IndicatorKind.Group && children.Count > 0) problems.Add(T["Rule.Weights.LeafChildren", n.Name]);
            if (n.Kind != IndicatorKind.Veto && n.Points <= 0) problems.Add(T["Rule.Weights.NoPoints", n.Name]);
        }
        // The ideology share counts the highest flagged nodes only (a flagged group's children are inside it).
        var flagged = nodes.Where(n => n.Ideology && !Ancestors(n, nodes).Any(a => a.Ideology)).Sum(n => n.Points);
        if (total > 0 && flagged * 100 > total * ideologyCapPercent) problems.Add(T["Rule.Weights.Ideology", N(flagged * 100 / total), ideologyCapPercent]);
        return problems;
    }

    /// <summary>
    /// A quantitative indicator's points: none at or below the floor, full at or above the target, linear between,
    /// rounded to 2 decimals; a branch the source has no value for gets none.
    /// </summary>
    public static decimal Linear(decimal? rate, decimal floor, decimal target, decimal points)
    {
        if (rate is not { } r || r <= floor || target <= floor) return 0m;
        if (r >= target) return points;
        return Math.Round(points * (r - floor) / (target - floor), 2, MidpointRounding.AwayFromZero);
    }

    private static IEnumerable<IndicatorNode> Ancestors(IndicatorNode n, IReadOnlyList<IndicatorNode> nodes)
    {
        var seen = new HashSet<Guid>();
        for (var p = nodes.FirstOrDefault(x => x.Id == n.ParentId); p is not null && seen.Add(p.Id); p = nodes.FirstOrDefault(x => x.Id == p.ParentId))
            yield return p;
    }

    public static string N(decimal d) => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

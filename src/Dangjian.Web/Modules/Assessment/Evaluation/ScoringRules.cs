using Dangjian.Web.Platform.Auth;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>Why a caller may not score a branch as a kind of scorer (none = may).</summary>
public enum ScoringRefusal
{
    None,
    /// <summary>A scorer may not score their own branch.</summary>
    OwnBranch,
    /// <summary>The superior (and the masses' survey, which the superior enters) needs assessment rights above the branch.</summary>
    NotSuperior,
    /// <summary>A peer runs a sibling branch under the same parent.</summary>
    NotSibling,
}

/// <summary>A scorer kind's scores of one branch on one indicator: their average and how many gave one.</summary>
public sealed record KindAverage(ScorerKind Kind, int Weight, decimal? Average, int Count);

/// <summary>
/// PA-16: who scores a branch's qualitative indicators — the superior (assessment rights on a unit above it), peers
/// (assessment rights on a sibling branch of the same parent, never on the branch scored) and the masses (their survey
/// result, entered by the superior) — and how the kinds' averages combine by their weights.
/// </summary>
public static class ScoringRules
{
    public const string Article = EvaluationArticles.Scoring;

    /// <summary>
    /// May the caller score <paramref name="branchPath"/> as <paramref name="kind"/>? <paramref name="siblingBranchPaths"/>
    /// are the paths of the other assessed branches (a peer's role must be held on one of them).
    /// </summary>
    public static ScoringRefusal Check(IReadOnlyList<ScopedRole> roles, string branchPath, ScorerKind kind, IReadOnlySet<string> siblingBranchPaths)
    {
        var parent = ParentPath(branchPath);
        var superior = parent is not null && OrgScope.Holds(roles, Permission.ManageAssessment, parent);
        if (kind is ScorerKind.Superior or ScorerKind.Masses) return superior ? ScoringRefusal.None : ScoringRefusal.NotSuperior;
        var own = roles.Any(r => r.Role.Grants(Permission.ManageAssessment) && r.OrgPath == branchPath);
        if (own) return ScoringRefusal.OwnBranch;
        var peer = roles.Any(r => r.Role.Grants(Permission.ManageAssessment) && r.OrgPath != branchPath && ParentPath(r.OrgPath) == parent
                                  && siblingBranchPaths.Contains(r.OrgPath));
        return peer ? ScoringRefusal.None : ScoringRefusal.NotSibling;
    }

    /// <summary>
    /// A qualitative indicator's points: the kinds that scored, their averages weighted and the weights re-scaled over
    /// them (a kind nobody scored is left out); none scored, no points. Rounded to 2 decimals, never above full marks.
    /// </summary>
    public static decimal Combine(IReadOnlyList<KindAverage> kinds, decimal points)
    {
        var scored = kinds.Where(k => k.Average is not null && k.Count > 0 && k.Weight > 0).ToList();
        var weights = scored.Sum(k => k.Weight);
        if (weights == 0) return 0m;
        var value = scored.Sum(k => k.Average!.Value * k.Weight) / weights;
        return Math.Min(points, Math.Round(value, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>"/a/b/c/" → "/a/b/"; a root has none.</summary>
    public static string? ParentPath(string path)
    {
        if (path.Length < 2) return null;
        var cut = path.LastIndexOf('/', path.Length - 2);
        return cut <= 0 ? null : path[..(cut + 1)];
    }
}

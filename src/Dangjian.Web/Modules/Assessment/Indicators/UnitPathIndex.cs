namespace Dangjian.Web.Modules.Assessment.Indicators;

/// <summary>
/// Which assessed unit a row filed under a path belongs to: the unit whose path is the row's or its nearest ancestor's.
/// Built once per computation so that a source sums a tenant's grouped rows in one pass, never a query per unit.
/// </summary>
public sealed class UnitPathIndex
{
    private readonly Dictionary<string, Guid> byPath;
    private readonly Dictionary<string, Guid?> cache = new(StringComparer.Ordinal);

    public UnitPathIndex(IEnumerable<IndicatorUnit> units)
    {
        byPath = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var u in units) byPath[u.Path] = u.Id;
    }

    /// <summary>The unit the path is in (itself or below it), or null when it is in none of them.</summary>
    public Guid? Find(string path)
    {
        if (cache.TryGetValue(path, out var known)) return known;
        Guid? found = null;
        for (var end = path.Length; end > 1; end = path.LastIndexOf('/', end - 2) + 1)
        {
            if (byPath.TryGetValue(path[..end], out var id))
            {
                found = id;
                break;
            }
            if (end < 2) break;
        }
        cache[path] = found;
        return found;
    }

    /// <summary>Each unit's numerator over its denominator (units with a denominator of 0 are missing).</summary>
    public static IReadOnlyDictionary<Guid, decimal> Rates(IReadOnlyDictionary<Guid, (long Part, long Whole)> sums) =>
        sums.Where(s => s.Value.Whole > 0).ToDictionary(s => s.Key, s => Math.Round((decimal)s.Value.Part / s.Value.Whole, 4, MidpointRounding.AwayFromZero));

    /// <summary>Adds to a unit's running sums.</summary>
    public static void Add(Dictionary<Guid, (long Part, long Whole)> sums, Guid unit, long part, long whole)
    {
        var (p, w) = sums.GetValueOrDefault(unit);
        sums[unit] = (p + part, w + whole);
    }
}

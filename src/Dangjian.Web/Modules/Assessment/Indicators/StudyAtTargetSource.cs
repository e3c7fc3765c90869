using Dangjian.Web.Modules.Education.Contracts;

namespace Dangjian.Web.Modules.Assessment.Indicators;

/// <summary>study.atTarget: the share of a unit's party members whose study hours of the year reached their target (the learning archive's rule).</summary>
public sealed class StudyAtTargetSource(StudyStanding standing) : IIndicatorSource
{
    public string Key => "study.atTarget";

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyList<IndicatorUnit> units, int year, CancellationToken ct)
    {
        var index = new UnitPathIndex(units);
        var sums = new Dictionary<Guid, (long Part, long Whole)>();
        foreach (var m in await standing.MembersAsync(null, year, ct))
        {
            if (index.Find(m.OrgPath) is { } unit) UnitPathIndex.Add(sums, unit, m.BelowTarget ? 0 : 1, 1);
        }
        return UnitPathIndex.Rates(sums);
    }
}

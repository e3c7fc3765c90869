using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Modules.Meetings.Compliance;

namespace Dangjian.Web.Modules.Assessment.Indicators;

/// <summary>
/// meetings.compliance: the compliance calendar's periods met (green) over the periods that have closed or been met
/// (green and red) of each branch, for the current year up to today (the calendar's own view); other years have none.
/// </summary>
public sealed class MeetingsComplianceSource(UnitCompliance compliance, TimeProvider clock) : IIndicatorSource
{
    public string Key => "meetings.compliance";

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyList<IndicatorUnit> units, int year, CancellationToken ct)
    {
        if (year != clock.Today().Year) return new Dictionary<Guid, decimal>();
        var wanted = units.Select(u => u.Id).ToHashSet();
        var sums = new Dictionary<Guid, (long Part, long Whole)>();
        foreach (var b in await compliance.AllBranchesAsync(ct))
        {
            if (wanted.Contains(b.OrgUnitId)) UnitPathIndex.Add(sums, b.OrgUnitId, b.Green, b.Green + b.Red);
        }
        return UnitPathIndex.Rates(sums);
    }
}

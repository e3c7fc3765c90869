using Dangjian.Web.Modules.Meetings.Contracts;

namespace Dangjian.Web.Modules.Assessment.Indicators;

/// <summary>meetings.attendance: people signed in (late included) over people expected less those on leave, from the year's closed rolls.</summary>
public sealed class MeetingsAttendanceSource(MeetingFacts facts) : IIndicatorSource
{
    public string Key => "meetings.attendance";

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyList<IndicatorUnit> units, int year, CancellationToken ct)
    {
        var index = new UnitPathIndex(units);
        var sums = new Dictionary<Guid, (long Part, long Whole)>();
        foreach (var roll in await facts.RollsByPathAndMonthAsync(year * 100 + 1, year * 100 + 12, null, ct))
        {
            if (index.Find(roll.OrgPath) is { } unit) UnitPathIndex.Add(sums, unit, roll.SignedIn, roll.Expected - roll.OnLeave);
        }
        return UnitPathIndex.Rates(sums);
    }
}

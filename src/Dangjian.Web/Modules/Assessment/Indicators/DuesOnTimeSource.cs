using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues.Contracts;
using Dangjian.Web.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.Indicators;

/// <summary>
/// dues.onTime: the months of the year (up to the current one) paid for by the party members of each unit, over the
/// months they owe; a member counts where they are filed now.
/// </summary>
public sealed class DuesOnTimeSource(AppDbContext db, DuesFacts dues, TimeProvider clock) : IIndicatorSource
{
    public string Key => "dues.onTime";

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyList<IndicatorUnit> units, int year, CancellationToken ct)
    {
        var today = clock.Today();
        var months = year < today.Year ? 12 : year == today.Year ? today.Month : 0;
        if (months == 0) return new Dictionary<Guid, decimal>();
        var index = new UnitPathIndex(units);
        var members = await db.Members.AsNoTracking()
            .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
            .Select(m => new { m.Id, m.OrgPath }).ToListAsync(ct);
        var unitOf = new Dictionary<Guid, Guid>();
        foreach (var m in members)
        {
            if (index.Find(m.OrgPath) is { } unit) unitOf[m.Id] = unit;
        }
        var paid = new Dictionary<Guid, int>();
        await foreach (var (member, _) in dues.PaidMonthsAsync(new DateOnly(year, 1, 1), new DateOnly(year, months, 1), ct))
        {
            if (unitOf.ContainsKey(member)) paid[member] = paid.GetValueOrDefault(member) + 1;
        }
        var sums = new Dictionary<Guid, (long Part, long Whole)>();
        foreach (var (member, unit) in unitOf) UnitPathIndex.Add(sums, unit, Math.Min(months, paid.GetValueOrDefault(member)), months);
        return UnitPathIndex.Rates(sums);
    }
}

using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>
/// <see cref="IMemberPointsTotals"/> from the yearly balances: the approved points of each member (the scheme's base not
/// added). No access check: the callers show them beside people they have already checked.
/// </summary>
internal sealed class PointsTotals(AppDbContext db) : IMemberPointsTotals
{
    public async Task<IReadOnlyDictionary<Guid, int>> TotalsAsync(IReadOnlyCollection<Guid> memberIds, int year, CancellationToken ct)
    {
        var found = new Dictionary<Guid, int>();
        foreach (var chunk in memberIds.Distinct().Chunk(500))
        {
            foreach (var b in await db.PointsBalances.AsNoTracking().Where(b => b.Year == year && chunk.Contains(b.MemberId)).Select(b => new { b.MemberId, b.Total })
                         .ToListAsync(ct))
            {
                found[b.MemberId] = b.Total;
            }
        }
        return found;
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Dues.Contracts;

/// <summary>
/// The latest month each person has paid dues for (the month paid for, not the day of payment), for the early warnings of
/// the political check-up: arrears are counted from it. One grouped query over the Dues module's own table.
/// </summary>
[ModuleContract]
public sealed class DuesLatestMonths(AppDbContext db)
{
    /// <summary>The latest month paid for, by person, for the given people or everyone.</summary>
    public async Task<Dictionary<Guid, DateOnly>> ForAsync(IReadOnlyCollection<Guid>? memberIds, CancellationToken ct)
    {
        var q = db.DuesPayments.AsNoTracking();
        if (memberIds is not null) q = q.Where(p => memberIds.Contains(p.MemberId));
        return await q.GroupBy(p => p.MemberId).Select(g => new { g.Key, Last = g.Max(p => p.Month) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
    }
}

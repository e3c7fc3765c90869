using System.Runtime.CompilerServices;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Dues.Contracts;

/// <summary>Money collected in one unit path for one month (fen).</summary>
public sealed record CollectedMonth(string OrgPath, DateOnly Month, long Fen);

/// <summary>
/// The read contract of the dues for other modules (the dashboard's roll-ups, the registry's out-of-contact rule):
/// answers from the Dues module's own tables. How a month's bill is decided stays <see cref="DuesBilling"/>'s.
/// </summary>
[ModuleContract]
public sealed class DuesFacts(AppDbContext db)
{
    /// <summary>Every (payer, month) paid for in [<paramref name="from"/>, <paramref name="to"/>], streamed: a roll-up of a whole tenant reads millions.</summary>
    public async IAsyncEnumerable<(Guid MemberId, DateOnly Month)> PaidMonthsAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var p in db.DuesPayments.AsNoTracking().Where(p => p.Month >= from && p.Month <= to).Select(p => new { p.MemberId, p.Month })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return (p.MemberId, p.Month);
        }
    }

    /// <summary>The payments of the given people for months in [<paramref name="from"/>, <paramref name="to"/>], as bills read them.</summary>
    public async Task<Dictionary<(Guid MemberId, DateOnly Month), DuesPaid>> PaymentsAsync(IQueryable<Guid> payerIds, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.DuesPayments.AsNoTracking().Where(p => payerIds.Contains(p.MemberId) && p.Month >= from && p.Month <= to)
            .Select(p => new { p.MemberId, p.Month, p.PaidOn, p.AmountFen, p.VoluntaryFen }).ToListAsync(ct))
        .ToDictionary(p => (p.MemberId, p.Month), p => new DuesPaid(p.PaidOn, p.AmountFen, p.VoluntaryFen));

    /// <summary>Money collected (where it was paid, whoever paid it) by unit path and month, optionally under a path.</summary>
    public Task<List<CollectedMonth>> CollectedByPathAndMonthAsync(DateOnly from, DateOnly to, string? underPath, CancellationToken ct)
    {
        var q = db.DuesPayments.AsNoTracking().Where(p => p.Month >= from && p.Month <= to);
        if (underPath is not null) q = q.UnderPath(underPath);
        return q.GroupBy(p => new { p.OrgPath, p.Month }).Select(g => new CollectedMonth(g.Key.OrgPath, g.Key.Month, g.Sum(p => p.AmountFen))).ToListAsync(ct);
    }

    /// <summary>Each person's latest payment date, for the given people or everyone.</summary>
    public async Task<Dictionary<Guid, DateOnly>> LastPaymentsAsync(IReadOnlyCollection<Guid>? memberIds, CancellationToken ct)
    {
        var q = db.DuesPayments.AsNoTracking();
        if (memberIds is not null) q = q.Where(p => memberIds.Contains(p.MemberId));
        return await q.GroupBy(p => p.MemberId).Select(g => new { g.Key, Last = g.Max(p => p.PaidOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
    }
}

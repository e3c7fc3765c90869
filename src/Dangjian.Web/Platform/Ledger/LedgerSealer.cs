using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Ledger;

/// <summary>
/// Turns staged entries into chained rows. Appends of one tenant are serialised by a no-op UPDATE of the tenant's
/// row taken inside the transaction before the last entry is read: a row lock on PostgreSQL, the write lock on
/// SQLite. Two concurrent requests therefore never pick the same sequence number.
/// </summary>
internal static class LedgerSealer
{
    public static async Task SealAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var tenantId = db.CurrentTenantId;
        await db.LockTenantAsync(ct);
        var last = await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? LedgerHash.Genesis;
        var at = LedgerHash.Truncate(now);
        foreach (var pending in db.PendingLedger)
        {
            var entry = new LedgerEntry
            {
                TenantId = tenantId,
                Sequence = ++sequence,
                At = at,
                Kind = pending.Kind,
                SubjectId = pending.SubjectId,
                Payload = pending.Payload,
                PreviousHash = previous,
                Hash = "",
            };
            entry.Hash = LedgerHash.Compute(entry);
            previous = entry.Hash;
            db.LedgerEntries.Add(entry);
        }
        db.PendingLedger.Clear();
    }
}

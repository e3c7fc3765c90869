using System.Text.Json;
using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Ledger;

/// <summary>Appends entries to the current tenant's chain. The entry is saved with the caller's other changes.</summary>
public sealed class Ledger(AppDbContext db, TimeProvider clock)
{
    public async Task<LedgerEntry> AppendAsync(string kind, string subjectId, object payload, CancellationToken ct = default)
    {
        var last = db.LedgerEntries.Local.Where(e => e.TenantId == db.CurrentTenantId).MaxBy(e => e.Sequence)
                   ?? await db.LedgerEntries.OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        var entry = new LedgerEntry
        {
            TenantId = db.CurrentTenantId,
            Sequence = (last?.Sequence ?? 0) + 1,
            At = LedgerHash.Truncate(clock.GetUtcNow()),
            Kind = kind,
            SubjectId = subjectId,
            Payload = JsonSerializer.Serialize(payload),
            PreviousHash = last?.Hash ?? LedgerHash.Genesis,
            Hash = "",
        };
        entry.Hash = LedgerHash.Compute(entry);
        db.LedgerEntries.Add(entry);
        return entry;
    }
}

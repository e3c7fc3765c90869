using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Ledger;

public sealed record LedgerVerification(bool Valid, long Entries, long? FirstBrokenEntry = null, string? Reason = null, string? LastHash = null);

/// <summary>
/// Recomputes the chain of the current tenant from the first entry and reports the first entry that fails; then asks
/// each <see cref="ILedgerAnchor"/> whether the rows recorded in the ledger still match their entries.
/// </summary>
public sealed class VerifyLedger(AppDbContext db, IEnumerable<ILedgerAnchor> anchors, IStringLocalizer<SharedResource> L)
{
    public async Task<LedgerVerification> HandleAsync(CancellationToken ct = default)
    {
        long expected = 1;
        var previous = LedgerHash.Genesis;
        await foreach (var e in db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Sequence != expected)
                return new(false, expected - 1, expected, L["Ledger.EntryMissing", expected, e.Sequence]);
            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
                return new(false, expected - 1, e.Sequence, L["Ledger.LinkBroken", e.Sequence]);
            if (!string.Equals(LedgerHash.Compute(e), e.Hash, StringComparison.Ordinal))
                return new(false, expected - 1, e.Sequence, L["Ledger.HashMismatch", e.Sequence]);
            previous = e.Hash;
            expected++;
        }
        foreach (var anchor in anchors)
        {
            if (await anchor.FindMismatchAsync(db, ct) is { } mismatch)
                return new(false, expected - 1, mismatch.Sequence, mismatch.Reason, previous);
        }
        return new(true, expected - 1, LastHash: previous);
    }
}

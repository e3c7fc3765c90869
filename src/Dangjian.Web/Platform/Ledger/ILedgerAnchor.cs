using Dangjian.Web.Data;

namespace Dangjian.Web.Platform.Ledger;

/// <summary>
/// A module whose rows are recorded in the ledger checks that each row still says what its entry says; the verifier
/// runs every anchor after the chain itself checks out, so a row changed behind the application's back is found too.
/// </summary>
public interface ILedgerAnchor
{
    /// <returns>The first mismatch (the entry's sequence, or null when a row has no entry, and a reason), or null.</returns>
    Task<(long? Sequence, string Reason)?> FindMismatchAsync(AppDbContext db, CancellationToken ct);
}

using System.Text.Json;
using Dangjian.Web.Data;

namespace Dangjian.Web.Platform.Ledger;

/// <summary>
/// Stages entries for the current tenant's chain. They are numbered, linked and hashed by
/// <see cref="LedgerSealer"/> inside the same SaveChanges (and transaction) as the caller's other changes.
/// </summary>
public sealed class Ledger(AppDbContext db)
{
    public void Append(string kind, string subjectId, object payload) =>
        db.PendingLedger.Add(new PendingLedgerEntry(kind, subjectId, JsonSerializer.Serialize(payload)));
}

public sealed record PendingLedgerEntry(string Kind, string SubjectId, string Payload);

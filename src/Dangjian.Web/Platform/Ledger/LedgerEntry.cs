using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Platform.Ledger;

/// <summary>
/// An append-only entry of the tamper-evident ledger: its content and the SHA-256 of the previous entry, hashed
/// together, so changing, deleting or reordering any entry breaks the chain from there on.
/// </summary>
public sealed class LedgerEntry : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Kind { get; set; }
    public required string SubjectId { get; set; }
    public required string Payload { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

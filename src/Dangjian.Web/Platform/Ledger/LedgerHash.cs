using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dangjian.Web.Platform.Ledger;

/// <summary>The canonical content of an entry and its SHA-256; an outsider can recompute it from an export.</summary>
public static class LedgerHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Canonical(Guid tenantId, long sequence, DateTimeOffset at, string kind, string subjectId, string payload, string previousHash) =>
        string.Join('\n',
            tenantId.ToString("N"),
            sequence.ToString(CultureInfo.InvariantCulture),
            at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            kind,
            subjectId,
            payload,
            previousHash);

    public static string Compute(Guid tenantId, long sequence, DateTimeOffset at, string kind, string subjectId, string payload, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            Canonical(tenantId, sequence, at, kind, subjectId, payload, previousHash))));

    public static string Compute(LedgerEntry e) =>
        Compute(e.TenantId, e.Sequence, e.At, e.Kind, e.SubjectId, e.Payload, e.PreviousHash);

    /// <summary>
    /// The hashed instant must be exactly the stored one: PostgreSQL keeps microseconds and SQLite (as binary ticks)
    /// a tenth of a millisecond, so entries are stamped to the whole millisecond.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}

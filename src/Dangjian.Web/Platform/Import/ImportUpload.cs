using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Platform.Import;

/// <summary>
/// An uploaded workbook kept, encrypted, for its preview, its application and its error report (once applied, only its
/// rejected rows); deleted when cancelled or after <c>Import:KeepMinutes</c> (ImportUploadPurgeJob, docs/security.md).
/// <see cref="Kind"/> says which import it belongs to, so an upload of one kind is never applied as another.
/// </summary>
public sealed class ImportUpload : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public Guid OrgUnitId { get; set; }

    /// <summary>The import it was uploaded to ("members", "dues-bases"); rows from before V0007 are roster uploads.</summary>
    public string Kind { get; set; } = DefaultKind;

    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
    public string? ResultJson { get; set; }

    public const string DefaultKind = "members";
}

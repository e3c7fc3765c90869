using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Modules.Members.Import;

/// <summary>An uploaded roster kept for its preview, its application and its error report; removed after a day.</summary>
public sealed class ImportUpload : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
    public string? ResultJson { get; set; }
}

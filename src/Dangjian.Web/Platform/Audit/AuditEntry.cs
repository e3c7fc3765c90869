using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Platform.Audit;

/// <summary>Something that is written to the audit log when it changes, scoped to a unit of the tree.</summary>
public interface IAudited
{
    /// <summary>The unit whose administrators may read this change; <see cref="Guid.Empty"/> = tenant level.</summary>
    Guid AuditOrgUnitId { get; }
}

/// <summary>One change: who, when, what, and the values before and after.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    [OrgPathCopy]
    public string OrgPath { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
}

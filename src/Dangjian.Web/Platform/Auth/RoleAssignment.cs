using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Platform.Auth;

/// <summary>A role held by a user on one unit of the org tree.</summary>
public sealed class RoleAssignment : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public Guid OrgUnitId { get; set; }
    public AppRole Role { get; set; }
    public DataScope Scope { get; set; }
    public DateTimeOffset GrantedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

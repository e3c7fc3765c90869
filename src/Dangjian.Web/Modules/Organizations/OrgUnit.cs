using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>Type of a party organisation (组织类别).</summary>
[ModuleContract]
public enum OrgUnitKind
{
    PartyCommittee,
    GeneralBranch,
    Branch,
    Group,
}

/// <summary>How a branch is set up (组建方式): 单独组建, 联合, 临时.</summary>
public enum OrgSetup
{
    Standalone,
    Joint,
    Temporary,
}

/// <summary>
/// A unit of the org tree. <see cref="Path"/> is the materialised path ("/k1/k2/") of unit keys from the root, so
/// "everything under this committee" is one indexed range query on any provider.
/// </summary>
[ModuleContract]
public sealed class OrgUnit : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid? ParentId { get; set; }
    public required string Key { get; set; }
    public required string Path { get; set; }
    public int Depth { get; set; }
    public required string Name { get; set; }
    public OrgUnitKind Kind { get; set; }
    public OrgSetup Setup { get; set; }

    /// <summary>单位类型 of the host organisation (a code from the unit-type code table, docs/rules/registry.md#r-3).</summary>
    public string? HostUnitType { get; set; }

    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DissolvedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => Id;
}

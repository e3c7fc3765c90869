using Dangjian.Web.Platform;
using System.Text.Json.Serialization;

namespace Dangjian.Web.Modules.Organizations;

public sealed record OrgUnitSummary(
    Guid Id, Guid? ParentId, string Name, OrgUnitKind Kind, OrgSetup Setup, string? HostUnitType,
    int Depth, int ChildCount, int PartyMemberCount);

public sealed record OrgUnitRef(Guid Id, string Name);

[ModuleContract]
public sealed record OrgUnitDetails(
    Guid Id, Guid? ParentId, string Name, OrgUnitKind Kind, OrgSetup Setup, string? HostUnitType, int Depth,
    IReadOnlyList<OrgUnitRef> Ancestors, int ChildCount, int PartyMemberCount, int FullMemberCount,
    int DirectMemberCount, DateTimeOffset CreatedAt,
    [property: JsonIgnore] string Path = "");

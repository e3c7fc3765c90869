namespace Dangjian.Web.Modules.Organizations;

/// <summary>Which kind of unit may sit under which (基层党委 → 党总支 → 党支部 → 党小组).</summary>
public static class OrgHierarchyRules
{
    public static bool CanContain(OrgUnitKind? parent, OrgUnitKind child) => (parent, child) switch
    {
        (null, OrgUnitKind.PartyCommittee) => true,
        (OrgUnitKind.PartyCommittee, OrgUnitKind.PartyCommittee) => true,
        (OrgUnitKind.PartyCommittee, OrgUnitKind.GeneralBranch) => true,
        (OrgUnitKind.PartyCommittee, OrgUnitKind.Branch) => true,
        (OrgUnitKind.GeneralBranch, OrgUnitKind.Branch) => true,
        (OrgUnitKind.Branch, OrgUnitKind.Group) => true,
        _ => false,
    };
}

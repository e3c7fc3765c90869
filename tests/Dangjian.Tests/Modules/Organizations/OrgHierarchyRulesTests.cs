using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Modules.Organizations;

/// <summary>基层党委 → 党委/党总支/党支部; 党总支 → 党支部; 党支部 → 党小组; a tree starts with a 党委.</summary>
public sealed class OrgHierarchyRulesTests
{
    public static TheoryData<OrgUnitKind?, OrgUnitKind, bool> Table()
    {
        OrgUnitKind?[] parents = [null, OrgUnitKind.PartyCommittee, OrgUnitKind.GeneralBranch, OrgUnitKind.Branch, OrgUnitKind.Group];
        var allowed = new HashSet<(OrgUnitKind?, OrgUnitKind)>
        {
            (null, OrgUnitKind.PartyCommittee),
            (OrgUnitKind.PartyCommittee, OrgUnitKind.PartyCommittee),
            (OrgUnitKind.PartyCommittee, OrgUnitKind.GeneralBranch),
            (OrgUnitKind.PartyCommittee, OrgUnitKind.Branch),
            (OrgUnitKind.GeneralBranch, OrgUnitKind.Branch),
            (OrgUnitKind.Branch, OrgUnitKind.Group),
        };
        var data = new TheoryData<OrgUnitKind?, OrgUnitKind, bool>();
        foreach (var parent in parents)
        {
            foreach (var child in Enum.GetValues<OrgUnitKind>())
            {
                data.Add(parent, child, allowed.Contains((parent, child)));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void CanContain_EveryParentChildPair_MatchesHierarchy(OrgUnitKind? parent, OrgUnitKind child, bool expected) =>
        OrgHierarchyRules.CanContain(parent, child).ShouldBe(expected);

    [Fact]
    public void CanContain_Table_CoversAllTwentyPairs() => Table().Count().ShouldBe(5 * Enum.GetValues<OrgUnitKind>().Length);
}

using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Platform.Auth;

/// <summary>A role holds on the unit it is held on and, by data scope, below it — never on siblings or ancestors.</summary>
public sealed class OrgScopeTests
{
    private const string Root = "/root000001/";
    private const string Branch = "/root000001/branchaaaa/";
    private const string Group = "/root000001/branchaaaa/groupaaaaa/";
    private const string Sibling = "/root000001/branchbbbb/";
    // Shares the whole key of Branch as a string prefix, but is a different unit.
    private const string PrefixSibling = "/root000001/branchaaaax/";

    private static ScopedRole Role(AppRole role, DataScope scope, string path = Branch) => new(role, scope, Guid.NewGuid(), path);

    [Theory]
    [InlineData(DataScope.OwnUnitAndBelow, Branch, true)]
    [InlineData(DataScope.OwnUnitAndBelow, Group, true)]
    [InlineData(DataScope.OwnUnitAndBelow, Root, false)]
    [InlineData(DataScope.OwnUnitAndBelow, Sibling, false)]
    [InlineData(DataScope.OwnUnitAndBelow, PrefixSibling, false)]
    [InlineData(DataScope.OwnUnit, Branch, true)]
    [InlineData(DataScope.OwnUnit, Group, false)]
    [InlineData(DataScope.OwnUnit, Root, false)]
    [InlineData(DataScope.OwnUnit, PrefixSibling, false)]
    [InlineData(DataScope.All, Branch, true)]
    [InlineData(DataScope.All, Root, true)]
    [InlineData(DataScope.All, Sibling, true)]
    [InlineData(DataScope.All, "/anotherroot/", true)]
    [InlineData(DataScope.Self, Branch, false)]
    [InlineData(DataScope.Self, Group, false)]
    public void Holds_ManagingRoleByScope_OnlyWithinReach(DataScope scope, string target, bool expected) =>
        OrgScope.Holds(Role(AppRole.BranchSecretary, scope), Permission.ManageOrg, target).ShouldBe(expected);

    [Theory]
    [InlineData(DataScope.Self, Branch, true)]
    [InlineData(DataScope.Self, Group, false)]
    [InlineData(DataScope.Self, Root, false)]
    [InlineData(DataScope.Self, PrefixSibling, false)]
    [InlineData(DataScope.OwnUnitAndBelow, Group, true)]
    [InlineData(DataScope.OwnUnitAndBelow, PrefixSibling, false)]
    public void Holds_MemberViewingTree_OwnUnitOnlyForSelfScope(DataScope scope, string target, bool expected) =>
        OrgScope.Holds(Role(AppRole.Member, scope), Permission.ViewOrg, target).ShouldBe(expected);

    [Fact]
    public void Holds_RoleHeldOnPrefixSibling_DoesNotReachShorterKey()
    {
        var role = Role(AppRole.SystemAdmin, DataScope.OwnUnitAndBelow, PrefixSibling);
        OrgScope.Holds(role, Permission.ViewOrg, Branch).ShouldBeFalse();
        OrgScope.Holds(role, Permission.ViewOrg, PrefixSibling + "kid0000000/").ShouldBeTrue();
    }

    [Theory]
    [InlineData(AppRole.Member, Permission.ManageOrg)]
    [InlineData(AppRole.Observer, Permission.ManageCommittee)]
    [InlineData(AppRole.BranchSecretary, Permission.ManageUsers)]
    [InlineData(AppRole.BranchSecretary, Permission.ViewAudit)]
    [InlineData(AppRole.PartyAffairsWorker, Permission.VerifyLedger)]
    [InlineData(AppRole.OrganizationCommissioner, Permission.ManageOrg)]
    public void Holds_PermissionNotGrantedByRole_FalseEvenWithAllScope(AppRole role, Permission permission) =>
        OrgScope.Holds(Role(role, DataScope.All, Root), permission, Branch).ShouldBeFalse();

    [Fact]
    public void Holds_SeveralRoles_AnyRoleThatReachesSuffices()
    {
        ScopedRole[] roles = [Role(AppRole.Member, DataScope.Self, Sibling), Role(AppRole.BranchSecretary, DataScope.OwnUnitAndBelow, Branch)];
        OrgScope.Holds(roles, Permission.ManageOrg, Group).ShouldBeTrue();
        OrgScope.Holds(roles, Permission.ManageOrg, Sibling).ShouldBeFalse();
        OrgScope.Holds(roles, Permission.ViewOrg, Sibling).ShouldBeTrue();
        OrgScope.Holds([], Permission.ViewOrg, Branch).ShouldBeFalse();
    }
}

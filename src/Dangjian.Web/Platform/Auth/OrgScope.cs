namespace Dangjian.Web.Platform.Auth;

/// <summary>One role of the caller, resolved to the materialised path of the unit it is held on.</summary>
public sealed record ScopedRole(AppRole Role, DataScope Scope, Guid OrgUnitId, string OrgPath);

/// <summary>
/// Decides whether the caller's roles hold on a unit: a role held on the unit or an ancestor, within its data scope.
/// Pure and side-effect free so that it can be tested with a table of cases.
/// </summary>
public static class OrgScope
{
    public static bool Holds(ScopedRole role, Permission permission, string targetPath)
    {
        if (!role.Role.Grants(permission)) return false;
        return role.Scope switch
        {
            DataScope.All => true,
            DataScope.OwnUnitAndBelow => targetPath.StartsWith(role.OrgPath, StringComparison.Ordinal),
            DataScope.OwnUnit => string.Equals(targetPath, role.OrgPath, StringComparison.Ordinal),
            // "Self" sees only the person's own records; of the tree, only the unit the role is held on.
            DataScope.Self => permission == Permission.ViewOrg && string.Equals(targetPath, role.OrgPath, StringComparison.Ordinal),
            _ => false,
        };
    }

    public static bool Holds(IEnumerable<ScopedRole> roles, Permission permission, string targetPath) =>
        roles.Any(r => Holds(r, permission, targetPath));
}

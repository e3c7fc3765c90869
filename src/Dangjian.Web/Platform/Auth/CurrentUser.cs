namespace Dangjian.Web.Platform.Auth;

/// <summary>The signed-in caller of this request with the roles it holds, resolved once per request.</summary>
public sealed class CurrentUser
{
    public Guid UserId { get; private set; }
    public Guid TenantId { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<ScopedRole> Roles { get; private set; } = [];
    public bool IsAuthenticated => UserId != Guid.Empty;

    public void Set(Guid userId, Guid tenantId, string userName, string displayName, IReadOnlyList<ScopedRole> roles)
    {
        UserId = userId;
        TenantId = tenantId;
        UserName = userName;
        DisplayName = displayName;
        Roles = roles;
    }

    public bool Can(Permission permission, string orgPath) => OrgScope.Holds(Roles, permission, orgPath);

    /// <summary>True when a role reaches the whole subtree of <paramref name="orgPath"/>, not just that unit.</summary>
    public bool CanInSubtree(Permission permission, string orgPath) =>
        Roles.Any(r => r.Role.Grants(permission) && (r.Scope == DataScope.All
            || (r.Scope == DataScope.OwnUnitAndBelow && orgPath.StartsWith(r.OrgPath, StringComparison.Ordinal))));

    public bool CanAnywhere(Permission permission) => Roles.Any(r => r.Role.Grants(permission));

    /// <summary>
    /// The highest paths under which the caller holds the permission for whole subtrees ("" = the whole tenant),
    /// used to bound list queries; exact-unit scopes are returned separately.
    /// </summary>
    public (IReadOnlyList<string> Subtrees, IReadOnlyList<string> Exact) Reach(Permission permission)
    {
        var granted = Roles.Where(r => r.Role.Grants(permission)).ToList();
        if (granted.Any(r => r.Scope == DataScope.All)) return ([""], []);
        var subtrees = granted.Where(r => r.Scope == DataScope.OwnUnitAndBelow).Select(r => r.OrgPath)
            .OrderBy(p => p.Length).ToList();
        var minimal = subtrees.Where((p, i) => !subtrees.Take(i).Any(q => p.StartsWith(q, StringComparison.Ordinal)))
            .Distinct().ToList();
        var exact = granted.Where(r => r.Scope is DataScope.OwnUnit or DataScope.Self
                                       && (permission == Permission.ViewOrg || r.Scope == DataScope.OwnUnit))
            .Select(r => r.OrgPath).Where(p => !minimal.Any(q => p.StartsWith(q, StringComparison.Ordinal)))
            .Distinct().ToList();
        return (minimal, exact);
    }
}

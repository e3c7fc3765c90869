using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>Who runs a unit: the users holding one of the given roles on it or on an ancestor, with a scope that reaches it.</summary>
public static class UnitResponsibles
{
    public static readonly AppRole[] Organisers =
        [AppRole.SystemAdmin, AppRole.PartyAffairsWorker, AppRole.BranchSecretary, AppRole.OrganizationCommissioner];

    public static async Task<List<Guid>> FindAsync(AppDbContext db, string unitPath, IReadOnlyCollection<AppRole> roles, CancellationToken ct)
    {
        var paths = GetOrgUnit.AncestorPaths(unitPath);
        paths.Add(unitPath);
        var holders = await db.RoleAssignments
            .Join(db.OrgUnits, r => r.OrgUnitId, u => u.Id, (r, u) => new { r.UserId, r.Role, r.Scope, u.Path })
            .Where(x => paths.Contains(x.Path) && roles.Contains(x.Role))
            .ToListAsync(ct);
        return holders.Where(h => h.Scope != DataScope.Self && (h.Scope != DataScope.OwnUnit || h.Path == unitPath))
            .Select(h => h.UserId).Distinct().ToList();
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>
/// The children of a unit, a page at a time, with their member counts. Without a parent: the top units of the
/// caller's reach (the tenant's roots for a tenant-wide role).
/// </summary>
public sealed class ListOrgUnits(AppDbContext db, CurrentUser user, OrgAccess access)
{
    public async Task<Result<Page<OrgUnitSummary>>> HandleAsync(Guid? parentId, PageRequest page, CancellationToken ct)
    {
        IQueryable<OrgUnit> query;
        if (parentId is { } pid)
        {
            var parent = await access.LoadAsync(pid, Permission.ViewOrg, ct);
            if (!parent.IsSuccess) return parent.Error!;
            query = db.OrgUnits.Where(u => u.ParentId == pid);
            if (!user.CanInSubtree(Permission.ViewOrg, parent.Value!.Path))
            {
                // Roles held on single units below: only those units are listed.
                var (_, exact) = user.Reach(Permission.ViewOrg);
                query = query.Where(u => exact.Contains(u.Path));
            }
        }
        else
        {
            var (subtrees, exact) = user.Reach(Permission.ViewOrg);
            if (subtrees.Contains(""))
            {
                query = db.OrgUnits.Where(u => u.ParentId == null);
            }
            else
            {
                var tops = subtrees.Concat(exact).ToList();
                query = db.OrgUnits.Where(u => tops.Contains(u.Path));
            }
        }

        var total = await query.CountAsync(ct);
        var units = await query.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var childCounts = await db.OrgUnits.Where(u => u.ParentId != null && ids.Contains(u.ParentId.Value))
            .GroupBy(u => u.ParentId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var memberCounts = await OrgCounts.PartyMembersPerSubtreeAsync(db, units.Select(u => u.Path).ToList(), ct);

        var items = units.Select(u => new OrgUnitSummary(u.Id, u.ParentId, u.Name, u.Kind, u.Setup, u.HostUnitType, u.Depth,
            childCounts.GetValueOrDefault(u.Id), memberCounts.GetValueOrDefault(u.Path))).ToList();
        return new Page<OrgUnitSummary>(items, page.Page, page.PageSize, total);
    }
}

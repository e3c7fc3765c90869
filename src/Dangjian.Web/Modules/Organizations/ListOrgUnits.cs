using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
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
        // One round trip for the page and its counts: correlated counts whose subtree range [Path, UpperBound(Path))
        // is computed in SQL (the same bound as OrgPaths.UpperBound), so each is one index range, not one query per child.
        var rows = await query.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(u => new
            {
                Unit = u,
                Children = db.Set<Dangjian.Web.Modules.Organizations.OrgUnit>().Count(c => c.ParentId == u.Id),
                Party = db.Set<Dangjian.Web.Modules.Members.Member>().Count(m => string.Compare(m.OrgPath, u.Path) >= 0
                                              && string.Compare(m.OrgPath, u.Path.Substring(0, u.Path.Length - 1) + "0") < 0
                                              && (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary)),
            })
            .ToListAsync(ct);

        var items = rows.Select(r => new OrgUnitSummary(r.Unit.Id, r.Unit.ParentId, r.Unit.Name, r.Unit.Kind, r.Unit.Setup,
            r.Unit.HostUnitType, r.Unit.Depth, r.Children, r.Party)).ToList();
        return new Page<OrgUnitSummary>(items, page.Page, page.PageSize, total);
    }
}

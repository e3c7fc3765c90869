using Dangjian.Web.Platform;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>One unit with its ancestors (the breadcrumb) and its counts.</summary>
[ModuleContract]
public sealed class GetOrgUnit(AppDbContext db, CurrentUser user, OrgAccess access)
{
    public async Task<Result<OrgUnitDetails>> HandleAsync(Guid id, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, Permission.ViewOrg, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var u = loaded.Value!;

        var ancestorPaths = AncestorPaths(u.Path);
        var ancestors = (await db.OrgUnits.AsNoTracking().Where(a => ancestorPaths.Contains(a.Path))
                .Select(a => new { a.Id, a.Name, a.Path }).ToListAsync(ct))
            .Where(a => user.Can(Permission.ViewOrg, a.Path))
            .OrderBy(a => a.Path.Length).Select(a => new OrgUnitRef(a.Id, a.Name)).ToList();

        var childCount = await db.OrgUnits.CountAsync(c => c.ParentId == u.Id, ct);
        var (party, full) = await OrgCounts.PartyAndFullInSubtreeAsync(db, u.Path, ct);
        var direct = await db.Members.CountAsync(m => m.OrgUnitId == u.Id, ct);
        return new OrgUnitDetails(u.Id, u.ParentId, u.Name, u.Kind, u.Setup, u.HostUnitType, u.Depth, ancestors,
            childCount, party, full, direct, u.CreatedAt, u.Path);
    }

    /// <summary>"/a/b/c/" → ["/a/", "/a/b/"]: the paths of every ancestor.</summary>
    public static List<string> AncestorPaths(string path)
    {
        var keys = path.Trim('/').Split('/');
        var result = new List<string>(keys.Length);
        var acc = "/";
        for (var i = 0; i < keys.Length - 1; i++)
        {
            acc += keys[i] + "/";
            result.Add(acc);
        }
        return result;
    }
}

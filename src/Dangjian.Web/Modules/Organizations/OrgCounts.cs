using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>Member counts over a subtree: one index range on (TenantId, OrgPath, Category).</summary>
public static class OrgCounts
{
    public static IQueryable<Member> InSubtree(this IQueryable<Member> members, string path)
    {
        var upper = OrgPaths.UpperBound(path);
        return members.Where(m => string.Compare(m.OrgPath, path) >= 0 && string.Compare(m.OrgPath, upper) < 0);
    }

    public static IQueryable<OrgUnit> InSubtree(this IQueryable<OrgUnit> units, string path)
    {
        var upper = OrgPaths.UpperBound(path);
        return units.Where(u => string.Compare(u.Path, path) >= 0 && string.Compare(u.Path, upper) < 0);
    }

    public static Task<int> PartyMembersInSubtreeAsync(AppDbContext db, string path, CancellationToken ct) =>
        db.Members.InSubtree(path)
            .CountAsync(m => m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary, ct);

    /// <summary>Party members under each of the given units: one index-range count per unit (a page holds at most 200).</summary>
    public static async Task<Dictionary<string, int>> PartyMembersPerSubtreeAsync(AppDbContext db, IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        var result = new Dictionary<string, int>();
        foreach (var path in paths)
        {
            result[path] = await PartyMembersInSubtreeAsync(db, path, ct);
        }
        return result;
    }
}

using Dangjian.Web.Platform;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>Member counts over a subtree: one index range on (TenantId, OrgPath, Category).</summary>
[ModuleContract]
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

    /// <summary>Party and full members of a subtree, in one index range scan.</summary>
    public static async Task<(int Party, int Full)> PartyAndFullInSubtreeAsync(AppDbContext db, string path, CancellationToken ct)
    {
        // Grouping by the tenant (one group; the index's leading column) gives a plain aggregate over the range.
        // GroupBy(m => 1) would make SQLite sort every row in a temp B-tree first (2-3x slower).
        var row = await db.Members.InSubtree(path)
            .Where(m => m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary)
            .GroupBy(m => m.TenantId)
            .Select(g => new { Party = g.Count(), Full = g.Count(m => m.Category == MemberCategory.Full) })
            .FirstOrDefaultAsync(ct);
        return row is null ? (0, 0) : (row.Party, row.Full);
    }
}

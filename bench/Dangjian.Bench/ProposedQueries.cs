using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Bench;

/// <summary>
/// Query shapes proposed for src/ (see docs/benchmarks.md, "Recommended changes"), kept here so that they are measured
/// against the same data as the handlers they would replace. Nothing in src/ calls these.
/// </summary>
public static class ProposedQueries
{
    public sealed record SubtreeCounts(int Party, int Full);

    /// <summary>
    /// Party and full members of a subtree in one index range scan (GetOrgUnit does two scans, GetOrgUnitWarnings a
    /// third one with GROUP BY).
    /// </summary>
    public static async Task<SubtreeCounts> PartyAndFullAsync(AppDbContext db, string path, CancellationToken ct)
    {
        var row = await db.Members.InSubtree(path)
            .Where(m => m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary)
            // Grouping by the tenant (one group; the index's leading column) yields a plain aggregate over the index
            // range. GroupBy(m => 1) would make SQLite sort the rows in a temp B-tree first (2-3x slower).
            .GroupBy(m => m.TenantId)
            .Select(g => new SubtreeCounts(g.Count(), g.Count(m => m.Category == MemberCategory.Full)))
            .FirstOrDefaultAsync(ct);
        return row ?? new SubtreeCounts(0, 0);
    }

    /// <summary>The same counts as hand-written SQL: a plain aggregate, no GROUP BY (diagnostic comparison only).</summary>
    public static async Task<SubtreeCounts> PartyAndFullRawAsync(AppDbContext db, string path, CancellationToken ct)
    {
        var upper = OrgPaths.UpperBound(path);
        var rows = await db.Database.SqlQuery<SubtreeCounts>($"""
            SELECT count(*) AS "Party", count(CASE WHEN "Category" = 'Full' THEN 1 END) AS "Full" FROM "Members"
            WHERE "TenantId" = {db.CurrentTenantId} AND "OrgPath" >= {path} AND "OrgPath" < {upper} AND "Category" IN ('Full', 'Probationary')
            """).ToListAsync(ct);
        return rows[0];
    }

    public sealed record ChildRow(OrgUnit Unit, int ChildCount, int PartyMembers);

    /// <summary>
    /// A page of children with their child and party-member counts in one round trip: correlated counts whose subtree
    /// range is computed from each child's path in SQL, instead of 2 + one query per child.
    /// </summary>
    public static Task<List<ChildRow>> ChildrenPageAsync(AppDbContext db, Guid parentId, int skip, int take, CancellationToken ct) =>
        db.OrgUnits.AsNoTracking().Where(u => u.ParentId == parentId)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Skip(skip).Take(take)
            .Select(u => new ChildRow(
                u,
                db.OrgUnits.Count(c => c.ParentId == u.Id),
                db.Members.Count(m => string.Compare(m.OrgPath, u.Path) >= 0
                                      && string.Compare(m.OrgPath, u.Path.Substring(0, u.Path.Length - 1) + "0") < 0
                                      && (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary))))
            .ToListAsync(ct);
}

using Dangjian.Web.Data;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations.Committees;

/// <summary>
/// The read contract of committees and terms for other modules: who sits on a unit's committee in office (the latest
/// term, members who have not left), which units have one, and when each unit's latest term ends.
/// </summary>
[ModuleContract]
public static class CommitteeRoster
{
    /// <summary>The people sitting on the committee in office of <paramref name="unitId"/>: composable into another query.</summary>
    public static IQueryable<Guid> SittingMemberIds(AppDbContext db, Guid unitId) =>
        db.CommitteeMembers.Where(c => c.LeftOn == null && c.MemberId != null
                && c.TermId == db.Set<CommitteeTerm>().Where(t => t.OrgUnitId == unitId).OrderByDescending(t => t.Number).Select(t => t.Id).FirstOrDefault())
            .Select(c => c.MemberId!.Value);

    /// <summary>Whether <paramref name="memberId"/> sits on the committee in office of <paramref name="unitId"/> (compiled: every sign-in to a 支委会 asks).</summary>
    public static Task<bool> IsSittingAsync(AppDbContext db, Guid unitId, Guid memberId, CancellationToken ct) => Sitting(db, unitId, memberId, ct);

    private static readonly Func<AppDbContext, Guid, Guid, CancellationToken, Task<bool>> Sitting = EF.CompileAsyncQuery(
        (AppDbContext db, Guid unitId, Guid memberId, CancellationToken ct) => db.Set<CommitteeMember>().Any(c => c.MemberId == memberId && c.LeftOn == null
            && c.TermId == db.Set<CommitteeTerm>().Where(t => t.OrgUnitId == unitId).OrderByDescending(t => t.Number).Select(t => t.Id).FirstOrDefault()));

    /// <summary>Of the given units, those with a committee in office that has at least one member.</summary>
    public static async Task<HashSet<Guid>> UnitsWithCommitteeAsync(AppDbContext db, IReadOnlyCollection<Guid> unitIds, CancellationToken ct)
    {
        var latestTerms = await db.CommitteeTerms.AsNoTracking().Where(t => unitIds.Contains(t.OrgUnitId))
            .GroupBy(t => t.OrgUnitId).Select(g => g.OrderByDescending(t => t.Number).Select(t => t.Id).First()).ToListAsync(ct);
        return (await db.CommitteeMembers.AsNoTracking().Where(c => latestTerms.Contains(c.TermId) && c.LeftOn == null)
            .Select(c => c.OrgUnitId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The end of each unit's latest term (all units of the tenant, or the given ones).</summary>
    public static async Task<Dictionary<Guid, DateOnly>> LatestTermEndsAsync(AppDbContext db, IReadOnlyCollection<Guid>? unitIds, CancellationToken ct)
    {
        var q = db.CommitteeTerms.AsNoTracking();
        if (unitIds is not null) q = q.Where(t => unitIds.Contains(t.OrgUnitId));
        return await q.GroupBy(t => t.OrgUnitId)
            .Select(g => new { Unit = g.Key, EndOn = g.OrderByDescending(t => t.Number).Select(t => t.EndOn).First() })
            .ToDictionaryAsync(x => x.Unit, x => x.EndOn, ct);
    }
}

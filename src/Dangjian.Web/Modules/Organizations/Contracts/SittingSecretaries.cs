using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations.Contracts;

/// <summary>The secretary sitting on a unit's committee in office: the member record (when linked) and the name on the committee.</summary>
public sealed record SittingSecretary(Guid OrgUnitId, Guid MemberId, string Name);

/// <summary>
/// The read contract of who is secretary now, for the units given (the secretaries' review asks it for every branch below
/// a committee): of each unit's latest term, the member on the post of secretary who has not left, linked to a member record.
/// </summary>
[ModuleContract]
public static class SittingSecretaries
{
    public static async Task<Dictionary<Guid, SittingSecretary>> OfAsync(AppDbContext db, IReadOnlyCollection<Guid> unitIds, CancellationToken ct)
    {
        var latestTerms = await db.CommitteeTerms.AsNoTracking().Where(t => unitIds.Contains(t.OrgUnitId))
            .GroupBy(t => t.OrgUnitId).Select(g => g.OrderByDescending(t => t.Number).Select(t => t.Id).First()).ToListAsync(ct);
        var rows = await db.CommitteeMembers.AsNoTracking()
            .Where(c => latestTerms.Contains(c.TermId) && c.LeftOn == null && c.Post == CommitteePost.Secretary && c.MemberId != null)
            .Select(c => new { c.OrgUnitId, MemberId = c.MemberId!.Value, c.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.OrgUnitId).ToDictionary(g => g.Key, g => g.Select(r => new SittingSecretary(r.OrgUnitId, r.MemberId, r.Name)).First());
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Honours;

/// <summary>A member's side of the honours (an account that is no member's gets 404): campaigns open to their vote or in notice, their objections, their honours.</summary>
public sealed record MyHonoursDto(IReadOnlyList<HonourCampaignDto> Open, IReadOnlyList<HonourObjectionDto> Objections, IReadOnlyList<HonourAwardDto> Awards);

public sealed class MyHonours(AppDbContext db, HonoursAccess access, Campaigns campaigns, IStringLocalizer<HonoursText> T)
{
    public async Task<Result<MyHonoursDto>> GetAsync(CancellationToken ct)
    {
        var me = await access.MeAsync(ct);
        if (me is null) return Error.NotFound(T["Mine.NotMember"]);
        var userId = access.User.UserId;
        var objections = await db.HonourObjections.AsNoTracking().Where(o => o.LodgedByUserId == userId).OrderByDescending(o => o.LodgedAt).Take(50).ToListAsync(ct);
        var nominationIds = objections.Select(o => o.NominationId).ToList();
        var nominees = await db.HonourNominations.AsNoTracking().Where(n => nominationIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.NomineeName, ct);
        var objectionRows = objections.Select(o => CampaignDetails.ToDto(o, nominees.GetValueOrDefault(o.NominationId, ""), userId)).ToList();
        var paths = GetOrgUnit.AncestorPaths(me.OrgPath);
        paths.Add(me.OrgPath);
        var open = await db.HonourCampaigns.AsNoTracking()
            .Where(c => paths.Contains(c.OrgPath) && (c.Status == HonourCampaignStatus.Vote || c.Status == HonourCampaignStatus.Notice))
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.CreatedAt).Take(50).ToListAsync(ct);
        var names = await campaigns.UnitNamesAsync(open.Select(c => c.OrgUnitId), ct);
        var awards = await db.HonourAwards.AsNoTracking().Where(a => a.NomineeId == me.Id).OrderByDescending(a => a.AwardedOn).ToListAsync(ct);
        return new MyHonoursDto(open.Select(c => Campaigns.ToDto(c, names.GetValueOrDefault(c.OrgUnitId, ""))).ToList(), objectionRows,
            awards.Select(CampaignDetails.ToDto).ToList());
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Assessment.Honours;

public sealed record HonourObjectionDto(Guid Id, Guid NominationId, string NomineeName, string Text, DateTimeOffset LodgedAt, string Outcome, string? Answer,
    DateTimeOffset? AnsweredAt, string? AnsweredBy, bool Mine);

public sealed record HonourAwardDto(Guid Id, Guid CampaignId, string CampaignTitle, int Year, string Kind, Guid NomineeId, string NomineeName, DateOnly AwardedOn);

/// <summary>
/// A campaign as the caller may see it. Those who run it see everything; a nominating unit's managers see the quotas
/// and nominations of their part; a member sees the nominees open to their vote, the notice and their own objections.
/// Tallies are counts only: who voted what is never shown, and an objection never names who lodged it.
/// </summary>
public sealed record HonourCampaignDetailsDto(HonourCampaignDto Campaign, bool Runs, bool Nominates, bool CanVote, int NoticeWorkingDays,
    IReadOnlyList<HonourQuotaDto> Quotas, IReadOnlyList<HonourNominationDto> Nominations, IReadOnlyList<HonourObjectionDto> Objections,
    IReadOnlyList<HonourAwardDto> Awards);

public sealed class CampaignDetails(AppDbContext db, HonoursAccess access, Campaigns campaigns, IOptions<HonoursOptions> options)
{
    public async Task<Result<HonourCampaignDetailsDto>> GetAsync(Guid campaignId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        var runs = access.Runs(c);
        var nominates = access.Nominates(c);
        var user = access.User;
        bool Sees(string path) => runs || user.Can(Permission.ManageAssessment, path);
        var me = await access.MeAsync(ct);
        var canVote = me is not null && me.OrgPath.StartsWith(c.OrgPath, StringComparison.Ordinal) && Members.Member.IsPartyMember(me.Category)
                      && me.Status == Members.MembershipStatus.Normal;

        var quotas = await db.HonourQuotas.AsNoTracking().Where(q => q.CampaignId == c.Id).ToListAsync(ct);
        var nominations = await db.HonourNominations.AsNoTracking().Where(n => n.CampaignId == c.Id).OrderBy(n => n.Kind).ThenBy(n => n.OrgPath).ThenBy(n => n.NominatedAt)
            .ToListAsync(ct);
        var publicStatuses = c.Status switch
        {
            HonourCampaignStatus.Vote => [HonourNominationStatus.Nominated],
            HonourCampaignStatus.Notice or HonourCampaignStatus.Awarded => new[] { HonourNominationStatus.Approved, HonourNominationStatus.Awarded },
            _ => [],
        };
        var visible = nominations.Where(n => Sees(n.OrgPath) || (me is not null && canVote && publicStatuses.Contains(n.Status))).ToList();
        var tallies = await db.HonourVotes.AsNoTracking().Where(v => v.CampaignId == c.Id).GroupBy(v => new { v.NominationId, v.Yes })
            .Select(g => new { g.Key.NominationId, g.Key.Yes, N = g.Count() }).ToListAsync(ct);
        var mine = me is null ? [] : await db.HonourVotes.AsNoTracking().Where(v => v.CampaignId == c.Id && v.VoterMemberId == me.Id)
            .ToDictionaryAsync(v => v.NominationId, v => v.Yes, ct);
        var names = await campaigns.UnitNamesAsync(quotas.Select(q => q.OrgUnitId).Concat(nominations.Select(n => n.OrgUnitId)).Append(c.OrgUnitId), ct);
        var used = nominations.Where(n => n.Status != HonourNominationStatus.Withdrawn).GroupBy(n => (n.OrgUnitId, n.Kind)).ToDictionary(g => g.Key, g => g.Count());
        var approved = nominations.Where(n => n.Status is HonourNominationStatus.Approved or HonourNominationStatus.Awarded).GroupBy(n => (n.OrgUnitId, n.Kind))
            .ToDictionary(g => g.Key, g => g.Count());
        var quotaRows = quotas.Where(q => Sees(q.OrgPath)).OrderBy(q => q.OrgPath).ThenBy(q => q.Kind)
            .Select(q => new HonourQuotaDto(q.Id, q.OrgUnitId, names.GetValueOrDefault(q.OrgUnitId, ""), q.Kind.ToString(), q.Number,
                used.GetValueOrDefault((q.OrgUnitId, q.Kind)), approved.GetValueOrDefault((q.OrgUnitId, q.Kind)))).ToList();
        int Count(Guid id, bool yes) => tallies.Where(t => t.NominationId == id && t.Yes == yes).Sum(t => t.N);
        var nominationRows = visible.Select(n => Nominations.ToDto(n, names.GetValueOrDefault(n.OrgUnitId, ""), Count(n.Id, true), Count(n.Id, false),
            mine.TryGetValue(n.Id, out var v) ? v : null)).ToList();

        var objections = await db.HonourObjections.AsNoTracking().Where(o => o.CampaignId == c.Id).OrderBy(o => o.LodgedAt).ToListAsync(ct);
        var byId = nominations.ToDictionary(n => n.Id);
        var objectionRows = objections.Where(o => runs || o.LodgedByUserId == user.UserId)
            .Select(o => ToDto(o, byId.TryGetValue(o.NominationId, out var n) ? n.NomineeName : "", user.UserId)).ToList();
        var awards = await db.HonourAwards.AsNoTracking().Where(a => a.CampaignId == c.Id).OrderBy(a => a.Kind).ThenBy(a => a.OrgPath).ToListAsync(ct);
        return new HonourCampaignDetailsDto(Campaigns.ToDto(c, names.GetValueOrDefault(c.OrgUnitId, "")), runs, nominates, canVote, options.Value.NoticeWorkingDays,
            quotaRows, nominationRows, objectionRows, awards.Select(ToDto).ToList());
    }

    public static HonourObjectionDto ToDto(HonourObjection o, string nomineeName, Guid userId) => new(o.Id, o.NominationId, nomineeName, o.Text, o.LodgedAt,
        o.Outcome.ToString(), o.Answer, o.AnsweredAt, o.AnsweredBy, o.LodgedByUserId == userId);

    public static HonourAwardDto ToDto(HonourAward a) => new(a.Id, a.CampaignId, a.CampaignTitle, a.Year, a.Kind.ToString(), a.NomineeId, a.NomineeName, a.AwardedOn);
}

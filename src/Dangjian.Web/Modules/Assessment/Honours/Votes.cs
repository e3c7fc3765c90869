using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Honours;

public sealed record VoteOnHonourNomineeRequest(Guid? NominationId, bool? Yes);

public sealed record HonourTallyDto(Guid NominationId, int Yes, int No);

/// <summary>
/// The vote: each party member in normal standing of the campaign's subtree says yes or no once per nominee (a unique
/// index holds it against a double click); the answer is the tally, never who voted what.
/// </summary>
public sealed class Votes(AppDbContext db, HonoursAccess access, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<HonoursText> T)
{
    public async Task<Result<HonourTallyDto>> CastAsync(Guid campaignId, VoteOnHonourNomineeRequest r, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        var me = await access.MeAsync(ct);
        if (me is null || !me.OrgPath.StartsWith(c.OrgPath, StringComparison.Ordinal) || !Member.IsPartyMember(me.Category) || me.Status != MembershipStatus.Normal)
            return Error.Forbidden(T["Vote.NotVoter"]);
        if (r.NominationId is not { } nominationId) return Error.Validation("nominationId", L["Validation.Required", "nominationId"]);
        if (r.Yes is not { } yes) return Error.Validation("yes", L["Validation.Required", "yes"]);
        var n = await db.HonourNominations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == nominationId && x.CampaignId == c.Id, ct);
        if (n is null) return Error.NotFound(T["Nomination.NotFound"]);
        if (access.InPhase(c, HonourAction.Vote) is { } phase) return phase;
        if (n.Status != HonourNominationStatus.Nominated) return Error.Conflict("HONOUR_NOT_NOMINATED", T["Nomination.NotOpen", n.NomineeName]);
        if (await db.HonourVotes.AnyAsync(v => v.NominationId == n.Id && v.VoterMemberId == me.Id, ct)) return Error.Conflict("HONOUR_VOTED", T["Vote.Twice", n.NomineeName]);
        db.HonourVotes.Add(new HonourVote { Id = Guid.CreateVersion7(clock.GetUtcNow()), CampaignId = c.Id, NominationId = n.Id, VoterMemberId = me.Id, Yes = yes, At = clock.GetUtcNow() });
        if (await access.SaveAsync(ct) is { } conflict) return conflict;
        var counts = await db.HonourVotes.AsNoTracking().Where(v => v.NominationId == n.Id).GroupBy(v => v.Yes).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        return new HonourTallyDto(n.Id, counts.Where(x => x.Key).Sum(x => x.N), counts.Where(x => !x.Key).Sum(x => x.N));
    }
}

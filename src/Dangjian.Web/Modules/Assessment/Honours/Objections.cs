using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Honours;

public sealed record LodgeHonourObjectionRequest(Guid? NominationId, [MaxLength(1000), MultiLine] string? Text);

public sealed record AnswerHonourObjectionRequest(bool? Upheld, [MaxLength(1000), MultiLine] string? Answer);

/// <summary>
/// Objections to the public notice (docs/rules/points-and-assessment.md#pa-19): lodged by anyone the campaign concerns
/// during the notice, answered by those who run it — upheld withdraws the nominee, dismissed keeps them, both with a reason.
/// </summary>
public sealed class Objections(AppDbContext db, HonoursAccess access, Campaigns campaigns, TimeProvider clock, IStringLocalizer<SharedResource> L,
    IStringLocalizer<HonoursText> T, InputCheck inputCheck)
{
    public async Task<Result<HonourObjectionDto>> LodgeAsync(Guid campaignId, LodgeHonourObjectionRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        if (r.NominationId is not { } nominationId) return Error.Validation("nominationId", L["Validation.Required", "nominationId"]);
        var text = r.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return Error.Validation("text", L["Validation.Required", "text"]);
        var n = await db.HonourNominations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == nominationId && x.CampaignId == c.Id, ct);
        if (n is null || n.Status is not (HonourNominationStatus.Approved)) return Error.NotFound(T["Nomination.NotFound"]);
        if (access.InPhase(c, HonourAction.Object) is { } phase) return phase;
        var today = clock.Today();
        if (today < c.NoticeStartsOn || today > c.NoticeEndsOn)
            return Error.Rule("HONOUR_OUTSIDE_NOTICE", T["Rule.OutsideNotice", ChinaTime.Format(c.NoticeStartsOn), ChinaTime.Format(c.NoticeEndsOn)], HonourPhaseRules.AwardArticle);
        var o = new HonourObjection
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), CampaignId = c.Id, CampaignUnitId = c.OrgUnitId, NominationId = n.Id, LodgedByUserId = access.User.UserId,
            Text = text, LodgedAt = clock.GetUtcNow(), Outcome = HonourObjectionOutcome.Pending,
        };
        db.HonourObjections.Add(o);
        if (await access.SaveAsync(ct) is { } conflict) return conflict;
        return CampaignDetails.ToDto(o, n.NomineeName, access.User.UserId);
    }

    public async Task<Result<HonourObjectionDto>> AnswerAsync(Guid campaignId, Guid objectionId, AnswerHonourObjectionRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadToRunAsync(campaignId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        var o = await db.HonourObjections.FirstOrDefaultAsync(x => x.Id == objectionId && x.CampaignId == c.Id, ct);
        if (o is null) return Error.NotFound(T["Objection.NotFound"]);
        if (r.Upheld is not { } upheld) return Error.Validation("upheld", L["Validation.Required", "upheld"]);
        var answer = r.Answer?.Trim();
        if (string.IsNullOrEmpty(answer)) return Error.Validation("answer", L["Validation.Required", "answer"]);
        if (access.InPhase(c, HonourAction.AnswerObjection) is { } phase) return phase;
        if (o.Outcome != HonourObjectionOutcome.Pending) return Error.Conflict("HONOUR_ANSWERED", T["Objection.Answered"]);
        var n = await db.HonourNominations.FirstAsync(x => x.Id == o.NominationId, ct);
        o.Outcome = upheld ? HonourObjectionOutcome.Upheld : HonourObjectionOutcome.Dismissed;
        o.Answer = answer;
        o.AnsweredAt = clock.GetUtcNow();
        o.AnsweredBy = access.By;
        if (upheld && n.Status == HonourNominationStatus.Approved) n.Status = HonourNominationStatus.Withdrawn;
        campaigns.Touch(c);
        if (await access.SaveAsync(ct) is { } conflict) return conflict;
        return CampaignDetails.ToDto(o, n.NomineeName, access.User.UserId);
    }
}

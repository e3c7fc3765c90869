using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>
/// 评议: a manager of the reviewing unit (上级) or a party member of the secretary's own branch scores the secretary once,
/// 0–100, within the window; a secretary never scores themselves (docs/rules/points-and-assessment.md#pa-21).
/// </summary>
public sealed class ScoreSecretary(AppDbContext db, SecretaryReviewAccess who, CurrentUser user, TimeProvider clock, GetSecretaryReviews reads,
    IStringLocalizer<SharedResource> L, IStringLocalizer<SecretaryReviewsText> T, InputCheck inputCheck)
{
    public async Task<Result<SecretaryReviewDetailDto>> HandleAsync(Guid reviewId, Guid reportId, SecretaryScoreRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var review = await db.SecretaryReviews.AsNoTracking().FirstOrDefaultAsync(x => x.Id == reviewId, ct);
        var report = review is null ? null : await db.SecretaryReports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == reportId && x.ReviewId == reviewId, ct);
        var mine = await who.MineAsync(ct);
        var manager = review is not null && who.IsManager(review);
        if (review is null || report is null || !SecretaryReviewAccess.Sees(manager, mine, report)) return Error.NotFound(T["Review.NotFound"]);
        if (mine.Any(m => m.MemberId == report.SecretaryMemberId))
            return Error.Rule("SECRETARY_SELF_SCORE", T["Review.SelfScore"], SecretaryReviewRules.ScoringArticle);
        ScorerSide side;
        if (manager) side = ScorerSide.Superior;
        else if (mine.Any(m => m.PartyMember && SecretaryReviewAccess.InBranch(m, report))) side = ScorerSide.Member;
        else return Error.Forbidden(T["Review.NotYourBranch"]);
        if (r.ReviewScore is not { } score) return Error.Validation("reviewScore", L["Validation.Required", "reviewScore"]);
        if (!SecretaryReviewRules.InRange(score))
            return Error.Validation("reviewScore", T["Review.ScoreRange", "reviewScore", SecretaryReviewRules.MinScore, SecretaryReviewRules.MaxScore]);
        var now = clock.GetUtcNow();
        if (!SecretaryReviewRules.IsOpen(now, review.OpensAt, review.ClosesAt))
            return Error.Rule(now < review.OpensAt ? "SECRETARY_REVIEW_NOT_OPEN" : "SECRETARY_REVIEW_CLOSED",
                now < review.OpensAt ? T["Review.NotOpen"] : T["Review.Closed"], SecretaryReviewRules.CampaignArticle);
        if (await db.SecretaryScores.AnyAsync(s => s.ReportId == reportId && s.ScorerUserId == user.UserId, ct))
            return Error.Conflict("SECRETARY_SCORED", T["Review.Scored"], SecretaryReviewRules.ScoringArticle);
        db.SecretaryScores.Add(new SecretaryScore
        {
            Id = Guid.CreateVersion7(now), ReviewId = reviewId, ReportId = reportId, ScorerUserId = user.UserId, Side = side, Score = score,
            Comment = string.IsNullOrWhiteSpace(r.Comment) ? null : r.Comment.Trim(), At = now,
        });
        await db.SaveChangesAsync(ct);
        return await reads.GetAsync(reviewId, ct);
    }
}

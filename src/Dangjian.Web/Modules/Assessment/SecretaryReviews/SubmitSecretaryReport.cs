using Dangjian.Web.Data;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>述职: the secretary writes (and may rewrite) their own report until the campaign closes (docs/rules/points-and-assessment.md#pa-20).</summary>
public sealed class SubmitSecretaryReport(AppDbContext db, SecretaryReviewAccess who, TimeProvider clock, GetSecretaryReviews reads,
    IStringLocalizer<SharedResource> L, IStringLocalizer<SecretaryReviewsText> T, InputCheck inputCheck)
{
    public async Task<Result<SecretaryReviewDetailDto>> HandleAsync(Guid reviewId, Guid reportId, SecretaryReportRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var review = await db.SecretaryReviews.AsNoTracking().FirstOrDefaultAsync(x => x.Id == reviewId, ct);
        var report = review is null ? null : await db.SecretaryReports.FirstOrDefaultAsync(x => x.Id == reportId && x.ReviewId == reviewId, ct);
        var mine = await who.MineAsync(ct);
        if (review is null || report is null || !SecretaryReviewAccess.Sees(who.IsManager(review), mine, report)) return Error.NotFound(T["Review.NotFound"]);
        if (mine.All(m => m.MemberId != report.SecretaryMemberId)) return Error.Forbidden(T["Review.OnlyTheSecretary"]);
        if (clock.GetUtcNow() >= review.ClosesAt) return Error.Rule("SECRETARY_REVIEW_CLOSED", T["Review.Closed"], SecretaryReviewRules.CampaignArticle);
        var text = r.Report?.Trim();
        if (string.IsNullOrEmpty(text)) return Error.Validation("report", L["Validation.Required", "report"]);
        report.Text = text;
        report.KeyFigures = string.IsNullOrWhiteSpace(r.KeyFigures) ? null : r.KeyFigures.Trim();
        report.SubmittedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await reads.GetAsync(reviewId, ct);
    }
}

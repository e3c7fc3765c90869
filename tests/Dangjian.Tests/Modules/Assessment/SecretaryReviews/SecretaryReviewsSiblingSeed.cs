using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Assessment.SecretaryReviews;

namespace Dangjian.Tests.Modules.Assessment.SecretaryReviews;

/// <summary>Each side's campaign over its own branch, with the side's member as the secretary who has reported and one score.</summary>
public sealed class SecretaryReviewsSiblingSeed : ISiblingSeed
{
    public async Task SeedAsync(AppFixture app, SiblingSeedContext side)
    {
        var now = app.Clock.GetUtcNow();
        var t = side.Tenant.TenantId;
        var review = new SecretaryReview
        {
            Id = Guid.CreateVersion7(now), TenantId = t, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, Year = 2025, Title = $"{side.Label}述职评议{side.Marker}",
            OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(10), CreatedAt = now,
        };
        var report = new SecretaryReport
        {
            Id = Guid.CreateVersion7(now), TenantId = t, ReviewId = review.Id, BranchId = side.Unit.Id, OrgPath = side.Unit.Path, BranchName = side.Unit.Name,
            SecretaryMemberId = side.Member.Id, SecretaryName = side.Member.Name, Text = $"{side.Label}述职报告{side.Marker}", SubmittedAt = now,
        };
        review.Reports.Add(report);
        var score = new SecretaryScore
        {
            Id = Guid.CreateVersion7(now), TenantId = t, ReviewId = review.Id, ReportId = report.Id, ScorerUserId = side.Secretary.Id, Side = ScorerSide.Superior,
            Score = 88, Comment = $"{side.Label}评语{side.Marker}", At = now,
        };
        await app.InTenantAsync(t, async db =>
        {
            db.SecretaryReviews.Add(review);
            db.SecretaryScores.Add(score);
            await db.SaveChangesAsync();
        });
        side.RouteValues["reviewId"] = review.Id;
        side.RouteValues["reports/reportId"] = report.Id;
        side.BodyValues["reviewscore"] = () => System.Text.Json.Nodes.JsonValue.Create(75);
        side.BodyValues["year"] = () => System.Text.Json.Nodes.JsonValue.Create(2026);
        side.Secrets.AddRange([review.Title, report.Text!, review.Id.ToString(), report.Id.ToString()]);
        side.Items["secretary-reviews:report"] = report.Id;
    }

    public async Task CheckUntouchedAsync(AppFixture app, SiblingSeedContext side)
    {
        var id = (Guid)side.Items["secretary-reviews:report"];
        var report = await app.InTenantAsync(side.Tenant.TenantId, db => db.SecretaryReports.AsNoTracking().SingleAsync(x => x.Id == id));
        report.Text.ShouldBe($"{side.Label}述职报告{side.Marker}");
        (await app.InTenantAsync(side.Tenant.TenantId, db => db.SecretaryScores.CountAsync(s => s.ReportId == id))).ShouldBe(1);
    }
}

/// <summary>What the SecretaryReviews feature's request types write.</summary>
public sealed class SecretaryReviewsRequestWrites : IRequestWrites
{
    public IReadOnlyDictionary<string, string[]> Writes { get; } = new Dictionary<string, string[]>
    {
        ["CreateSecretaryReviewRequest"] = ["SecretaryReview"],
        ["SecretaryReportRequest"] = ["report=SecretaryReport.Text", "keyFigures=SecretaryReport.KeyFigures"],
        ["SecretaryScoreRequest"] = ["SecretaryScore"],
    };
}

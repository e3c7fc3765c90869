using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>书记述职评议: /api/v1/secretary-reviews (campaigns, reports, scores, results) and a unit's campaigns. A route table of named handlers.</summary>
internal static class SecretaryReviewsApi
{
    private static readonly ResourceManager Texts = new(typeof(SecretaryReviewsApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/secretary-reviews").WithTags("Assessment").RequireAuthorization();
        g.MapPost("/", Create).Describe(Texts, "CreateSecretaryReview");
        g.MapGet("/{reviewId:guid}", Get).Describe(Texts, "GetSecretaryReview");
        g.MapPost("/{reviewId:guid}/reports/{reportId:guid}/report", Report).Describe(Texts, "SubmitSecretaryReport");
        g.MapPost("/{reviewId:guid}/reports/{reportId:guid}/score", Score).Describe(Texts, "ScoreSecretary");
        g.MapGet("/{reviewId:guid}/results.xlsx", Workbook).Describe(Texts, "ExportSecretaryReviewResults")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        var units = app.MapGroup("/api/v1/org-units").WithTags("Assessment").RequireAuthorization();
        units.MapGet("/{id:guid}/secretary-reviews", List).Describe(Texts, "ListSecretaryReviews");
    }

    private static async Task<Results<Ok<SecretaryReviewDetailDto>, ApiProblem>> Create(CreateSecretaryReviewRequest body, CreateSecretaryReview h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(body, ct));

    private static async Task<Results<Ok<SecretaryReviewDetailDto>, ApiProblem>> Get(Guid reviewId, GetSecretaryReviews h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(reviewId, ct));

    private static async Task<Results<Ok<SecretaryReviewDetailDto>, ApiProblem>> Report(Guid reviewId, Guid reportId, SecretaryReportRequest body, SubmitSecretaryReport h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(reviewId, reportId, body, ct));

    private static async Task<Results<Ok<SecretaryReviewDetailDto>, ApiProblem>> Score(Guid reviewId, Guid reportId, SecretaryScoreRequest body, ScoreSecretary h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(reviewId, reportId, body, ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Workbook(Guid reviewId, SecretaryReviewWorkbook h, CancellationToken ct) =>
        ApiReply.File(await h.HandleAsync(reviewId, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<Ok<Page<SecretaryReviewDto>>, ApiProblem>> List(Guid id, int? page, int? pageSize, GetSecretaryReviews h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(id, PageRequest.Of(page, pageSize), ct));
}

using System.Resources;
using Dangjian.Web.Modules.Meetings.Appraisal.Handling;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>
/// 民主评议党员 at a meeting: /api/v1/meetings/{id}/appraisal (ballot, scores, close, results workbook), the handling
/// cases of members appraised 不合格 (/api/v1/appraisal-cases, /api/v1/org-units/{id}/appraisal-cases). A route table of named handlers.
/// </summary>
internal static class AppraisalApi
{
    private static readonly ResourceManager Texts = new(typeof(AppraisalApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/meetings").WithTags("Meetings").RequireAuthorization();
        g.MapGet("/{id:guid}/appraisal", Get).Describe(Texts, "GetAppraisal");
        g.MapPost("/{id:guid}/appraisal/self", Self).Describe(Texts, "SubmitSelfAppraisal");
        g.MapPost("/{id:guid}/appraisal/votes", Vote).Describe(Texts, "CastAppraisalVotes");
        g.MapPost("/{id:guid}/appraisal/scores", Scores).Describe(Texts, "EnterAppraisalScores");
        g.MapPost("/{id:guid}/appraisal/close", Close).Describe(Texts, "CloseAppraisal");
        g.MapGet("/{id:guid}/appraisal/results.xlsx", Workbook).Describe(Texts, "ExportAppraisalResults")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        var cases = app.MapGroup("/api/v1/appraisal-cases").WithTags("Meetings").RequireAuthorization();
        cases.MapPost("/{caseId:guid}/steps", Step).Describe(Texts, "RecordAppraisalHandlingStep");
        var units = app.MapGroup("/api/v1/org-units").WithTags("Meetings").RequireAuthorization();
        units.MapGet("/{id:guid}/appraisal-cases", List).Describe(Texts, "ListAppraisalCases");
    }

    private static async Task<Results<Ok<AppraisalDto>, ApiProblem>> Get(Guid id, DemocraticAppraisal h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(id, ct));

    private static async Task<Results<Ok<AppraisalDto>, ApiProblem>> Self(Guid id, SelfAppraisalRequest body, DemocraticAppraisal h, CancellationToken ct) =>
        ApiReply.Ok(await h.SelfAsync(id, body, ct));

    private static async Task<Results<Ok<AppraisalDto>, ApiProblem>> Vote(Guid id, VotesRequest body, DemocraticAppraisal h, CancellationToken ct) =>
        ApiReply.Ok(await h.VoteAsync(id, body, ct));

    private static async Task<Results<Ok<AppraisalDto>, ApiProblem>> Scores(Guid id, AppraisalScoresRequest body, EnterAppraisalScores h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, body, ct));

    private static async Task<Results<Ok<AppraisalDto>, ApiProblem>> Close(Guid id, CloseAppraisalRequest body, DemocraticAppraisal h, CancellationToken ct) =>
        ApiReply.Ok(await h.CloseAsync(id, body, ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Workbook(Guid id, AppraisalWorkbook h, CancellationToken ct) =>
        ApiReply.File(await h.HandleAsync(id, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<Ok<AppraisalCaseDto>, ApiProblem>> Step(Guid caseId, HandlingStepRequest body, AppraisalHandling h, CancellationToken ct) =>
        ApiReply.Ok(await h.RecordStepAsync(caseId, body, ct));

    private static async Task<Results<Ok<Page<AppraisalCaseDto>>, ApiProblem>> List(Guid id, int? page, int? pageSize, AppraisalHandling h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(id, PageRequest.Of(page, pageSize), ct));
}

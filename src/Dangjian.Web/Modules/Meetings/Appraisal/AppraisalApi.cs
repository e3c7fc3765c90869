using System.Resources;
using Dangjian.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>民主评议党员 at a meeting: /api/v1/meetings/{id}/appraisal. A route table of named handlers.</summary>
internal static class AppraisalApi
{
    private static readonly ResourceManager Texts = new(typeof(AppraisalApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/meetings").WithTags("Meetings").RequireAuthorization();
        g.MapGet("/{id:guid}/appraisal", Get).Describe(Texts, "GetAppraisal");
        g.MapPost("/{id:guid}/appraisal/self", Self).Describe(Texts, "SubmitSelfAppraisal");
        g.MapPost("/{id:guid}/appraisal/votes", Vote).Describe(Texts, "CastAppraisalVotes");
        g.MapPost("/{id:guid}/appraisal/close", Close).Describe(Texts, "CloseAppraisal");
    }

    private static async Task<Results<Ok<AppraisalDto>, ApiProblem>> Get(Guid id, DemocraticAppraisal h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(id, ct));

    private static async Task<Results<Ok<AppraisalDto>, ApiProblem>> Self(Guid id, SelfAppraisalRequest body, DemocraticAppraisal h, CancellationToken ct) =>
        ApiReply.Ok(await h.SelfAsync(id, body, ct));

    private static async Task<Results<Ok<AppraisalDto>, ApiProblem>> Vote(Guid id, VotesRequest body, DemocraticAppraisal h, CancellationToken ct) =>
        ApiReply.Ok(await h.VoteAsync(id, body, ct));

    private static async Task<Results<Ok<AppraisalDto>, ApiProblem>> Close(Guid id, CloseAppraisalRequest body, DemocraticAppraisal h, CancellationToken ct) =>
        ApiReply.Ok(await h.CloseAsync(id, body, ct));
}

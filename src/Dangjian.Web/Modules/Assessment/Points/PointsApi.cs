using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>党员积分: the scheme, claims and their approval, statements and rankings under /api/v1. A route table of named handlers.</summary>
internal static class PointsApi
{
    private static readonly ResourceManager Texts = new(typeof(PointsApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Points").RequireAuthorization();
        g.MapGet("/points/scheme", Scheme).Describe(Texts, "GetPointsScheme");
        g.MapPut("/points/scheme", SetBase).Describe(Texts, "SetPointsBase");
        g.MapPost("/points/rules", CreateRule).Describe(Texts, "CreatePointsRule");
        g.MapPut("/points/rules/{ruleId:guid}", UpdateRule).Describe(Texts, "UpdatePointsRule");
        g.MapPost("/points/claims", Record).Describe(Texts, "RecordPointsClaim");
        g.MapPost("/points/claims/{claimId:guid}/approve", Approve).Describe(Texts, "ApprovePointsClaim");
        g.MapPost("/points/claims/{claimId:guid}/reject", Reject).Describe(Texts, "RejectPointsClaim");
        g.MapGet("/org-units/{id:guid}/points/claims", Claims).Describe(Texts, "ListPointsClaims");
        g.MapGet("/members/{id:guid}/points", Statement).Describe(Texts, "GetMemberPoints");
        g.MapGet("/me/points", Mine).Describe(Texts, "GetMyPoints");
        g.MapGet("/org-units/{id:guid}/points/ranking", Ranking).Describe(Texts, "GetPointsRanking");
        g.MapGet("/org-units/{id:guid}/points/ranking/export", Export).Describe(Texts, "ExportPointsRanking")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
    }

    private static async Task<Results<Ok<PointsSchemeDto>, ApiProblem>> Scheme(Guid? orgUnitId, PointsSchemes h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(orgUnitId, ct));

    private static async Task<Results<Ok<PointsSchemeDto>, ApiProblem>> SetBase(SetBaseRequest body, PointsSchemes h, CancellationToken ct) =>
        ApiReply.Ok(await h.SetBaseAsync(body, ct));

    private static async Task<Results<Created<PointsRuleDto>, ApiProblem>> CreateRule(SaveRuleRequest body, PointsSchemes h, CancellationToken ct) =>
        ApiReply.Created(await h.SaveRuleAsync(null, body, ct), r => $"/api/v1/points/rules/{r.Id}");

    private static async Task<Results<Ok<PointsRuleDto>, ApiProblem>> UpdateRule(Guid ruleId, SaveRuleRequest body, PointsSchemes h, CancellationToken ct) =>
        ApiReply.Ok(await h.SaveRuleAsync(ruleId, body, ct));

    private static async Task<Results<Created<ClaimDto>, ApiProblem>> Record(RecordClaimRequest body, PointsClaims h, CancellationToken ct) =>
        ApiReply.Created(await h.RecordAsync(body, ct), c => $"/api/v1/points/claims/{c.Id}");

    private static async Task<Results<Ok<ClaimDto>, ApiProblem>> Approve(Guid claimId, PointsClaims h, CancellationToken ct) =>
        ApiReply.Ok(await h.ApproveAsync(claimId, ct));

    private static async Task<Results<Ok<ClaimDto>, ApiProblem>> Reject(Guid claimId, RejectClaimRequest body, PointsClaims h, CancellationToken ct) =>
        ApiReply.Ok(await h.RejectAsync(claimId, body, ct));

    private static async Task<Results<Ok<Page<ClaimDto>>, ApiProblem>> Claims(Guid id, string? status, int? page, int? pageSize, PointsClaims h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(id, status, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<PointsStatementDto>, ApiProblem>> Statement(Guid id, int? year, PointsStatement h, CancellationToken ct) =>
        ApiReply.Ok(await h.ForMemberAsync(id, year, ct));

    private static async Task<Results<Ok<PointsStatementDto>, ApiProblem>> Mine(int? year, PointsStatement h, CancellationToken ct) =>
        ApiReply.Ok(await h.MineAsync(year, ct));

    private static async Task<Results<Ok<PointsRankingDto>, ApiProblem>> Ranking(Guid id, int? year, int? quarter, int? month, int? page, int? pageSize,
        PointsRanking h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(id, year, quarter, month, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Export(Guid id, int? year, int? quarter, int? month, PointsRanking h,
        CancellationToken ct) =>
        ApiReply.File(await h.ExportAsync(id, year, quarter, month, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);
}

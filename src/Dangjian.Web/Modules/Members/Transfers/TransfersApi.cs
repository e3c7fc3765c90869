using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Members.Transfers;

/// <summary>/api/v1/members/{id}/transfers and /api/v1/transfers: 组织关系转接. A route table of named handlers.</summary>
internal static class TransfersApi
{
    private static readonly ResourceManager Texts = new(typeof(TransfersApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/members/{id:guid}/transfers", Start).Describe(Texts, "StartTransfer").WithTags("Transfers").RequireAuthorization();

        var g = app.MapGroup("/api/v1/transfers").WithTags("Transfers").RequireAuthorization();
        g.MapGet("/", List).Describe(Texts, "ListTransfers");
        g.MapGet("/{transferId:guid}", Get).Describe(Texts, "GetTransfer");
        g.MapGet("/{transferId:guid}/letter.pdf", Letter).Describe(Texts, "GetTransferLetter")
            .Produces<byte[]>(StatusCodes.Status200OK, PdfFile.ContentType);
        g.MapPost("/{transferId:guid}/accept", Accept).Describe(Texts, "AcceptTransfer");
        g.MapPost("/{transferId:guid}/reject", Reject).Describe(Texts, "RejectTransfer");
        g.MapPost("/{transferId:guid}/cancel", Cancel).Describe(Texts, "CancelTransfer");
        g.MapPost("/{transferId:guid}/return-slip", ReturnSlip).Describe(Texts, "RecordTransferReturnSlip");
    }

    private static async Task<Results<Created<StartedTransfer>, ApiProblem>> Start(Guid id, StartTransferRequest body, StartTransfer h, CancellationToken ct) =>
        ApiReply.Created(await h.HandleAsync(id, body, ct), t => $"/api/v1/transfers/{t.Id}", t => new StartedTransfer(t.Id, t.LetterNumber, t.ValidUntil));

    private static async Task<Results<Ok<Page<TransferDto>>, ApiProblem>> List(Guid? orgUnitId, string? status, int? page, int? pageSize,
        ListTransfers h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(orgUnitId, status, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<TransferDto>, ApiProblem>> Get(Guid transferId, TransferAccess access, TimeProvider clock, CancellationToken ct)
    {
        var seen = await access.SeeAsync(transferId, ct);
        if (!seen.IsSuccess) return new ApiProblem(seen.Error!);
        var t = seen.Value!;
        return TypedResults.Ok(ListTransfers.ToDto(t, await access.FromNameAsync(t, ct), t.FromPath, clock.Today()));
    }

    private static async Task<Results<PdfFile, ApiProblem>> Letter(Guid transferId, TransferLetterPdf h, CancellationToken ct) =>
        ApiReply.Written(await h.HandleAsync(transferId, ct));

    private static async Task<Results<Ok<TransferState>, ApiProblem>> Accept(Guid transferId, DecideTransfer h, CancellationToken ct) =>
        State(await h.AcceptAsync(transferId, ct));

    private static async Task<Results<Ok<TransferState>, ApiProblem>> Reject(Guid transferId, TransferDecisionRequest body, DecideTransfer h,
        CancellationToken ct) =>
        State(await h.RejectAsync(transferId, body, ct));

    private static async Task<Results<Ok<TransferState>, ApiProblem>> Cancel(Guid transferId, DecideTransfer h, CancellationToken ct) =>
        State(await h.CancelAsync(transferId, ct));

    private static async Task<Results<Ok<TransferState>, ApiProblem>> ReturnSlip(Guid transferId, DecideTransfer h, CancellationToken ct) =>
        State(await h.ReturnSlipAsync(transferId, ct));

    private static Results<Ok<TransferState>, ApiProblem> State(Result<MemberTransfer> decided) =>
        ApiReply.Ok(decided, t => new TransferState(t.Id, t.Status.ToString()));
}

/// <summary>A transfer just started: its id, the letter's number and the date the letter runs out.</summary>
public sealed record StartedTransfer(Guid Id, string LetterNumber, DateOnly ValidUntil);

/// <summary>A transfer after a decision: its id and status.</summary>
public sealed record TransferState(Guid Id, string Status);

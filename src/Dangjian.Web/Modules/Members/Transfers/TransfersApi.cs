using Dangjian.Web.Data;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members.Transfers;

/// <summary>/api/v1/members/{id}/transfers and /api/v1/transfers: 组织关系转接.</summary>
internal static class TransfersApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/members/{id:guid}/transfers", async Task<IResult> (Guid id, StartTransferRequest body, StartTransfer h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, body, ct);
            return r.IsSuccess
                ? TypedResults.Created($"/api/v1/transfers/{r.Value!.Id}", new { id = r.Value.Id, r.Value.LetterNumber, r.Value.ValidUntil })
                : r.Error!.ToProblem();
        }).WithTags("Transfers").RequireAuthorization();

        var g = app.MapGroup("/api/v1/transfers").WithTags("Transfers").RequireAuthorization();
        g.MapGet("/", async Task<IResult> (Guid? orgUnitId, string? status, int? page, int? pageSize, ListTransfers h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(orgUnitId, status, PageRequest.Of(page, pageSize), ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapGet("/{transferId:guid}", async Task<IResult> (Guid transferId, TransferAccess access, TimeProvider clock, CancellationToken ct) =>
        {
            var seen = await access.SeeAsync(transferId, ct);
            if (!seen.IsSuccess) return seen.Error!.ToProblem();
            var t = seen.Value!;
            return TypedResults.Ok(ListTransfers.ToDto(t, await access.FromNameAsync(t, ct), t.FromPath, clock.Today()));
        });
        g.MapGet("/{transferId:guid}/letter.pdf", async Task<IResult> (Guid transferId, TransferLetterPdf h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(transferId, ct);
            return r.IsSuccess ? r.Value! : r.Error!.ToProblem();
        }).Produces(StatusCodes.Status200OK, contentType: PdfFile.ContentType);
        g.MapPost("/{transferId:guid}/accept", async Task<IResult> (Guid transferId, DecideTransfer h, CancellationToken ct) =>
            Reply(await h.AcceptAsync(transferId, ct)));
        g.MapPost("/{transferId:guid}/reject", async Task<IResult> (Guid transferId, TransferDecisionRequest body, DecideTransfer h, CancellationToken ct) =>
            Reply(await h.RejectAsync(transferId, body, ct)));
        g.MapPost("/{transferId:guid}/cancel", async Task<IResult> (Guid transferId, DecideTransfer h, CancellationToken ct) =>
            Reply(await h.CancelAsync(transferId, ct)));
        g.MapPost("/{transferId:guid}/return-slip", async Task<IResult> (Guid transferId, DecideTransfer h, CancellationToken ct) =>
            Reply(await h.ReturnSlipAsync(transferId, ct)));
    }

    private static IResult Reply(Result<MemberTransfer> r) =>
        r.IsSuccess ? TypedResults.Ok(new { id = r.Value!.Id, status = r.Value.Status.ToString() }) : r.Error!.ToProblem();
}

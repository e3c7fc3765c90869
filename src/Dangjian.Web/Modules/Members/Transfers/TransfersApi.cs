using Dangjian.Web.Data;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
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
        g.MapGet("/{transferId:guid}", async Task<IResult> (Guid transferId, AppDbContext db, TransferAccess access, TimeProvider clock,
            Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            var t = await db.MemberTransfers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == transferId, ct);
            if (t is null || !access.CanSee(t)) return Error.NotFound(L["Transfer.NotFound"]).ToProblem();
            var from = await db.OrgUnits.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter]).Where(u => u.Id == t.FromUnitId).Select(u => u.Name).FirstAsync(ct);
            return TypedResults.Ok(ListTransfers.ToDto(t, from, t.FromPath, clock.Today()));
        });
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

using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;

namespace Dangjian.Web.Modules.Members.Transfers.Incoming;

/// <summary>/api/v1/incoming-transfers: letters from outside the tenant (转入), registered, then accepted or refused.</summary>
internal static class IncomingTransfersApi
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<IncomingAccess>();
        services.AddScoped<RegisterIncomingTransfer>();
        services.AddScoped<DecideIncomingTransfer>();
        services.AddScoped<ListIncomingTransfers>();
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/incoming-transfers").WithTags("Transfers").RequireAuthorization();
        g.MapPost("/", async Task<IResult> (RegisterIncomingRequest body, RegisterIncomingTransfer h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(body, ct);
            return r.IsSuccess
                ? TypedResults.Created($"/api/v1/incoming-transfers/{r.Value!.Id}", new { id = r.Value.Id, status = r.Value.Status.ToString() })
                : r.Error!.ToProblem();
        });
        g.MapGet("/", async Task<IResult> (Guid? orgUnitId, string? status, int? page, int? pageSize, ListIncomingTransfers h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(orgUnitId, status, PageRequest.Of(page, pageSize), ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapGet("/{incomingId:guid}", async Task<IResult> (Guid incomingId, ListIncomingTransfers h, CancellationToken ct) =>
        {
            var r = await h.GetAsync(incomingId, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapPost("/{incomingId:guid}/accept", async Task<IResult> (Guid incomingId, DecideIncomingTransfer h, CancellationToken ct) =>
        {
            var r = await h.AcceptAsync(incomingId, ct);
            return r.IsSuccess
                ? TypedResults.Ok(new { id = r.Value!.Id, status = r.Value.Status.ToString(), memberId = r.Value.MemberId, returning = r.Value.Returning })
                : r.Error!.ToProblem();
        });
        g.MapPost("/{incomingId:guid}/reject", async Task<IResult> (Guid incomingId, IncomingRejectRequest body, DecideIncomingTransfer h, CancellationToken ct) =>
        {
            var r = await h.RejectAsync(incomingId, body, ct);
            return r.IsSuccess ? TypedResults.Ok(new { id = r.Value!.Id, status = r.Value.Status.ToString() }) : r.Error!.ToProblem();
        });
    }
}

using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Members.Transfers.Incoming;

/// <summary>
/// /api/v1/incoming-transfers: letters from outside the tenant (转入), registered, then accepted or refused. A route
/// table of named handlers.
/// </summary>
internal static class IncomingTransfersApi
{
    private static readonly ResourceManager Texts = new(typeof(IncomingTransfersApi));

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
        g.MapPost("/", Register).Describe(Texts, "RegisterIncomingTransfer");
        g.MapGet("/", List).Describe(Texts, "ListIncomingTransfers");
        g.MapGet("/{incomingId:guid}", Get).Describe(Texts, "GetIncomingTransfer");
        g.MapPost("/{incomingId:guid}/accept", Accept).Describe(Texts, "AcceptIncomingTransfer");
        g.MapPost("/{incomingId:guid}/reject", Reject).Describe(Texts, "RejectIncomingTransfer");
    }

    private static async Task<Results<Created<IncomingTransferState>, ApiProblem>> Register(RegisterIncomingRequest body, RegisterIncomingTransfer h,
        CancellationToken ct) =>
        ApiReply.Created(await h.HandleAsync(body, ct), t => $"/api/v1/incoming-transfers/{t.Id}", t => new IncomingTransferState(t.Id, t.Status.ToString()));

    private static async Task<Results<Ok<Page<IncomingTransferDto>>, ApiProblem>> List(Guid? orgUnitId, string? status, int? page, int? pageSize,
        ListIncomingTransfers h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(orgUnitId, status, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<IncomingTransferDto>, ApiProblem>> Get(Guid incomingId, ListIncomingTransfers h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(incomingId, ct));

    private static async Task<Results<Ok<IncomingTransferAccepted>, ApiProblem>> Accept(Guid incomingId, DecideIncomingTransfer h, CancellationToken ct) =>
        ApiReply.Ok(await h.AcceptAsync(incomingId, ct), t => new IncomingTransferAccepted(t.Id, t.Status.ToString(), t.MemberId, t.Returning));

    private static async Task<Results<Ok<IncomingTransferState>, ApiProblem>> Reject(Guid incomingId, IncomingRejectRequest body,
        DecideIncomingTransfer h, CancellationToken ct) =>
        ApiReply.Ok(await h.RejectAsync(incomingId, body, ct), t => new IncomingTransferState(t.Id, t.Status.ToString()));
}

/// <summary>An incoming letter's id and status.</summary>
public sealed record IncomingTransferState(Guid Id, string Status);

/// <summary>An incoming letter accepted: the record it created or reactivated (<c>returning</c>: someone who had transferred out before).</summary>
public sealed record IncomingTransferAccepted(Guid Id, string Status, Guid? MemberId, bool Returning);

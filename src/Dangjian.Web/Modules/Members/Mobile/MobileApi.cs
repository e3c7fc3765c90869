using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;

namespace Dangjian.Web.Modules.Members.Mobile;

/// <summary>/api/v1/members/{id}/mobile-registrations and /api/v1/mobile-registrations: 流动党员.</summary>
internal static class MobileApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/members/{id:guid}/mobile-registrations", async Task<IResult> (Guid id, MobileMembers h, CancellationToken ct) =>
            Reply(await h.ForMemberAsync(id, ct))).WithTags("MobileMembers").RequireAuthorization();
        app.MapPost("/api/v1/members/{id:guid}/mobile-registrations", async Task<IResult> (Guid id, RegisterMobileRequest body, MobileMembers h, CancellationToken ct) =>
        {
            var r = await h.RegisterAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/mobile-registrations/{r.Value!.Id}", r.Value) : r.Error!.ToProblem();
        }).WithTags("MobileMembers").RequireAuthorization();

        var g = app.MapGroup("/api/v1/mobile-registrations").WithTags("MobileMembers").RequireAuthorization();
        g.MapGet("/", async Task<IResult> (Guid? orgUnitId, bool? overdue, int? page, int? pageSize, MobileMembers h, CancellationToken ct) =>
            Reply(await h.ListAsync(orgUnitId, overdue == true, PageRequest.Of(page, pageSize), ct)));
        g.MapPost("/{registrationId:guid}/reports", async Task<IResult> (Guid registrationId, MobileReportRequest body, MobileMembers h, CancellationToken ct) =>
        {
            var r = await h.ReportAsync(registrationId, body, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/mobile-registrations/{registrationId}", r.Value) : r.Error!.ToProblem();
        });
        g.MapPost("/{registrationId:guid}/end", async Task<IResult> (Guid registrationId, EndMobileRequest body, MobileMembers h, CancellationToken ct) =>
            Reply(await h.EndAsync(registrationId, body, ct)));
    }

    private static IResult Reply<T>(Result<T> r) => r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
}

using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Members.Mobile;

/// <summary>/api/v1/members/{id}/mobile-registrations and /api/v1/mobile-registrations: 流动党员. A route table of named handlers.</summary>
internal static class MobileApi
{
    private static readonly ResourceManager Texts = new(typeof(MobileApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var member = app.MapGroup("/api/v1/members/{id:guid}/mobile-registrations").WithTags("MobileMembers").RequireAuthorization();
        member.MapGet("", ForMember).Describe(Texts, "ListMemberMobileRegistrations");
        member.MapPost("", Register).Describe(Texts, "RegisterMobileMember");

        var g = app.MapGroup("/api/v1/mobile-registrations").WithTags("MobileMembers").RequireAuthorization();
        g.MapGet("/", List).Describe(Texts, "ListMobileRegistrations");
        g.MapPost("/{registrationId:guid}/reports", Report).Describe(Texts, "RecordMobileReport");
        g.MapPost("/{registrationId:guid}/end", End).Describe(Texts, "EndMobileRegistration");
    }

    private static async Task<Results<Ok<IReadOnlyList<MobileRegistrationDto>>, ApiProblem>> ForMember(Guid id, MobileMembers h, CancellationToken ct) =>
        ApiReply.Ok(await h.ForMemberAsync(id, ct));

    private static async Task<Results<Created<MobileRegistrationDto>, ApiProblem>> Register(Guid id, RegisterMobileRequest body, MobileMembers h,
        CancellationToken ct) =>
        ApiReply.Created(await h.RegisterAsync(id, body, ct), r => $"/api/v1/mobile-registrations/{r.Id}");

    private static async Task<Results<Ok<Page<MobileRegistrationDto>>, ApiProblem>> List(Guid? orgUnitId, bool? overdue, int? page, int? pageSize,
        MobileMembers h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(orgUnitId, overdue == true, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Created<MobileRegistrationDto>, ApiProblem>> Report(Guid registrationId, MobileReportRequest body, MobileMembers h,
        CancellationToken ct) =>
        ApiReply.Created(await h.ReportAsync(registrationId, body, ct), _ => $"/api/v1/mobile-registrations/{registrationId}");

    private static async Task<Results<Ok<MobileRegistrationDto>, ApiProblem>> End(Guid registrationId, EndMobileRequest body, MobileMembers h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.EndAsync(registrationId, body, ct));
}

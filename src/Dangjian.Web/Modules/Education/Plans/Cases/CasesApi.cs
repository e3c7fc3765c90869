using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Education.Plans.Cases;

/// <summary>红色基因案例库 and 警示教育案例库: /api/v1/education/cases, and a meeting's linked cases. A route table of named handlers.</summary>
internal static class CasesApi
{
    private static readonly ResourceManager Texts = new(typeof(CasesApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/education/cases").WithTags("Education").RequireAuthorization();
        g.MapGet("/", List).Describe(Texts, "ListCases");
        g.MapGet("/{caseId:guid}", Get).Describe(Texts, "GetCase");
        g.MapPost("/{caseId:guid}/links", Link).Describe(Texts, "LinkCase");
        g.MapDelete("/links/{linkId:guid}", Unlink).Describe(Texts, "UnlinkCase");
        g.MapGet("/links/{linkId:guid}/completion", Completion).Describe(Texts, "GetCaseCompletion");
        app.MapGroup("/api/v1/education/meetings").WithTags("Education").RequireAuthorization()
            .MapGet("/{meetingId:guid}/cases", ForMeeting).Describe(Texts, "ListMeetingCases");
    }

    private static async Task<Results<Ok<Page<CaseDto>>, ApiProblem>> List(Guid? orgUnitId, string? kind, string? q, int? page, int? pageSize, CaseLibrary h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(orgUnitId, kind, q, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<CaseDetailDto>, ApiProblem>> Get(Guid caseId, CaseLibrary h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(caseId, ct));

    private static async Task<Results<Created<CaseLinkDto>, ApiProblem>> Link(Guid caseId, LinkCaseRequest body, CaseLibrary h, CancellationToken ct) =>
        ApiReply.Created(await h.LinkAsync(caseId, body, ct), l => $"/api/v1/education/cases/links/{l.Id}/completion");

    private static async Task<Results<NoContent, ApiProblem>> Unlink(Guid linkId, CaseLibrary h, CancellationToken ct) =>
        ApiReply.NoContent(await h.UnlinkAsync(linkId, ct));

    private static async Task<Results<Ok<CaseCompletionDto>, ApiProblem>> Completion(Guid linkId, Guid? orgUnitId, CaseLibrary h, CancellationToken ct) =>
        ApiReply.Ok(await h.CompletionAsync(linkId, orgUnitId, ct));

    private static async Task<Results<Ok<IReadOnlyList<CaseLinkDto>>, ApiProblem>> ForMeeting(Guid meetingId, CaseLibrary h, CancellationToken ct) =>
        ApiReply.Ok(await h.ForMeetingAsync(meetingId, ct));
}

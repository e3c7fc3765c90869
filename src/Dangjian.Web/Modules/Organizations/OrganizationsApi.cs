using System.Resources;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>/api/v1/org-units: the org tree, its rule warnings, committees and terms. A route table of named handlers.</summary>
internal static class OrganizationsApi
{
    private static readonly ResourceManager Texts = new(typeof(OrganizationsApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/org-units").WithTags("OrgUnits").RequireAuthorization();
        g.MapGet("/", List).Describe(Texts, "ListOrgUnits");
        g.MapGet("/{id:guid}", Get).Describe(Texts, "GetOrgUnit");
        g.MapPost("/", Create).Describe(Texts, "CreateOrgUnit");
        g.MapPatch("/{id:guid}", Update).Describe(Texts, "UpdateOrgUnit");
        g.MapPost("/{id:guid}/move", Move).Describe(Texts, "MoveOrgUnit");
        g.MapDelete("/{id:guid}", Dissolve).Describe(Texts, "DissolveOrgUnit");
        g.MapGet("/{id:guid}/export", Export).Describe(Texts, "ExportOrgSubtree")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        g.MapPost("/{id:guid}/restore", Restore).Describe(Texts, "RestoreOrgUnit");
        g.MapGet("/{id:guid}/warnings", Warnings).Describe(Texts, "GetOrgUnitWarnings");
        g.MapGet("/{id:guid}/terms", Terms).Describe(Texts, "GetCommittee");
        g.MapPost("/{id:guid}/terms", Elect).Describe(Texts, "RecordElection");
        g.MapPost("/{id:guid}/terms/{termId:guid}/members", AddCommitteeMember).Describe(Texts, "AddCommitteeMember");
        g.MapDelete("/{id:guid}/terms/{termId:guid}/members/{memberId:guid}", RemoveCommitteeMember).Describe(Texts, "RemoveCommitteeMember");
    }

    private static async Task<Results<Ok<Page<OrgUnitSummary>>, ApiProblem>> List(Guid? parentId, int? page, int? pageSize, ListOrgUnits h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(parentId, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<OrgUnitDetails>, ApiProblem>> Get(Guid id, GetOrgUnit h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, ct));

    private static async Task<Results<Created<OrgUnitDetails>, ApiProblem>> Create(CreateOrgUnitRequest body, CreateOrgUnit h, GetOrgUnit get, CancellationToken ct)
    {
        var created = await h.HandleAsync(body, ct);
        if (!created.IsSuccess) return new ApiProblem(created.Error!);
        return ApiReply.Created(await get.HandleAsync(created.Value!.Id, ct), d => $"/api/v1/org-units/{d.Id}");
    }

    private static async Task<Results<Ok<OrgUnitDetails>, ApiProblem>> Update(Guid id, UpdateOrgUnitRequest body, UpdateOrgUnit h, GetOrgUnit get, CancellationToken ct) =>
        await ThenDetails(await h.HandleAsync(id, body, ct), id, get, ct);

    private static async Task<Results<Ok<OrgUnitDetails>, ApiProblem>> Move(Guid id, MoveOrgUnitRequest body, MoveOrgUnit h, GetOrgUnit get, CancellationToken ct) =>
        await ThenDetails(await h.HandleAsync(id, body, ct), id, get, ct);

    private static async Task<Results<Ok<OrgUnitDetails>, ApiProblem>> Restore(Guid id, RestoreOrgUnit h, GetOrgUnit get, CancellationToken ct) =>
        await ThenDetails(await h.HandleAsync(id, ct), id, get, ct);

    private static async Task<Results<NoContent, ApiProblem>> Dissolve(Guid id, DissolveOrgUnit h, CancellationToken ct) =>
        ApiReply.NoContent(await h.HandleAsync(id, ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Export(Guid id, ExportOrgSubtree h, CancellationToken ct) =>
        ApiReply.File(await h.HandleAsync(id, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<Ok<IReadOnlyList<OrgUnitWarningDto>>, ApiProblem>> Warnings(Guid id, GetOrgUnitWarnings h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, ct));

    private static async Task<Results<Ok<IReadOnlyList<CommitteeTermDto>>, ApiProblem>> Terms(Guid id, GetCommittee h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, ct));

    private static async Task<Results<Created<CreatedTerm>, ApiProblem>> Elect(Guid id, RecordElectionRequest body, RecordElection h, CancellationToken ct) =>
        ApiReply.Created(await h.HandleAsync(id, body, ct), _ => $"/api/v1/org-units/{id}/terms",
            t => new CreatedTerm(t.Id, t.Number, t.StartOn, t.EndOn));

    private static async Task<Results<Created<CreatedId>, ApiProblem>> AddCommitteeMember(Guid id, Guid termId, CommitteeMemberInput body, ChangeCommitteeMember h, CancellationToken ct) =>
        ApiReply.Created(await h.AddAsync(id, termId, body, ct), _ => $"/api/v1/org-units/{id}/terms", m => new CreatedId(m.Id));

    private static async Task<Results<NoContent, ApiProblem>> RemoveCommitteeMember(Guid id, Guid termId, Guid memberId, ChangeCommitteeMember h, CancellationToken ct) =>
        ApiReply.NoContent(await h.RemoveAsync(id, termId, memberId, ct));

    /// <summary>A change, answered with the unit as it now stands.</summary>
    private static async Task<Results<Ok<OrgUnitDetails>, ApiProblem>> ThenDetails<T>(Platform.Errors.Result<T> changed, Guid id, GetOrgUnit get, CancellationToken ct) =>
        await ApiReply.OkThenResult(changed, _ => get.HandleAsync(id, ct));
}

/// <summary>A term just recorded.</summary>
public sealed record CreatedTerm(Guid Id, int Number, DateOnly StartOn, DateOnly EndOn);

using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>/api/v1/org-units: the org tree, its rule warnings, committees and terms.</summary>
internal static class OrganizationsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/org-units").WithTags("OrgUnits").RequireAuthorization();

        g.MapGet("/", async Task<IResult> (Guid? parentId, int? page, int? pageSize, ListOrgUnits h, CancellationToken ct) =>
            Reply(await h.HandleAsync(parentId, PageRequest.Of(page, pageSize), ct), TypedResults.Ok));

        g.MapGet("/{id:guid}", async Task<IResult> (Guid id, GetOrgUnit h, CancellationToken ct) =>
            Reply(await h.HandleAsync(id, ct), TypedResults.Ok));

        g.MapPost("/", async Task<IResult> (CreateOrgUnitRequest body, CreateOrgUnit h, GetOrgUnit get, CancellationToken ct) =>
        {
            var created = await h.HandleAsync(body, ct);
            if (!created.IsSuccess) return created.Error!.ToProblem();
            var details = await get.HandleAsync(created.Value!.Id, ct);
            return TypedResults.Created($"/api/v1/org-units/{created.Value.Id}", details.Value);
        });

        g.MapPatch("/{id:guid}", async Task<IResult> (Guid id, UpdateOrgUnitRequest body, UpdateOrgUnit h, GetOrgUnit get, CancellationToken ct) =>
        {
            var updated = await h.HandleAsync(id, body, ct);
            return updated.IsSuccess ? TypedResults.Ok((await get.HandleAsync(id, ct)).Value) : updated.Error!.ToProblem();
        });

        g.MapPost("/{id:guid}/move", async Task<IResult> (Guid id, MoveOrgUnitRequest body, MoveOrgUnit h, GetOrgUnit get, CancellationToken ct) =>
        {
            var moved = await h.HandleAsync(id, body, ct);
            return moved.IsSuccess ? TypedResults.Ok((await get.HandleAsync(id, ct)).Value) : moved.Error!.ToProblem();
        });

        g.MapDelete("/{id:guid}", async Task<IResult> (Guid id, DissolveOrgUnit h, CancellationToken ct) =>
        {
            var dissolved = await h.HandleAsync(id, ct);
            return dissolved.IsSuccess ? TypedResults.NoContent() : dissolved.Error!.ToProblem();
        });

        g.MapGet("/{id:guid}/export", async Task<IResult> (Guid id, ExportOrgSubtree h, CancellationToken ct) =>
        {
            var file = await h.HandleAsync(id, ct);
            return file.IsSuccess
                ? TypedResults.File(file.Value.Content, Platform.Export.XlsxWriter.ContentType, file.Value.FileName)
                : file.Error!.ToProblem();
        }).Produces(StatusCodes.Status200OK, contentType: Platform.Export.XlsxWriter.ContentType);

        g.MapPost("/{id:guid}/restore", async Task<IResult> (Guid id, RestoreOrgUnit h, GetOrgUnit get, CancellationToken ct) =>
        {
            var restored = await h.HandleAsync(id, ct);
            return restored.IsSuccess ? TypedResults.Ok((await get.HandleAsync(id, ct)).Value) : restored.Error!.ToProblem();
        });

        g.MapGet("/{id:guid}/warnings", async Task<IResult> (Guid id, GetOrgUnitWarnings h, CancellationToken ct) =>
            Reply(await h.HandleAsync(id, ct), TypedResults.Ok));

        g.MapGet("/{id:guid}/terms", async Task<IResult> (Guid id, GetCommittee h, CancellationToken ct) =>
            Reply(await h.HandleAsync(id, ct), TypedResults.Ok));

        g.MapPost("/{id:guid}/terms", async Task<IResult> (Guid id, RecordElectionRequest body, RecordElection h, CancellationToken ct) =>
        {
            var term = await h.HandleAsync(id, body, ct);
            return term.IsSuccess
                ? TypedResults.Created($"/api/v1/org-units/{id}/terms", new { id = term.Value!.Id, term.Value.Number, term.Value.StartOn, term.Value.EndOn })
                : term.Error!.ToProblem();
        });

        g.MapPost("/{id:guid}/terms/{termId:guid}/members", async Task<IResult> (Guid id, Guid termId, CommitteeMemberInput body, ChangeCommitteeMember h, CancellationToken ct) =>
        {
            var added = await h.AddAsync(id, termId, body, ct);
            return added.IsSuccess ? TypedResults.Created($"/api/v1/org-units/{id}/terms", new { id = added.Value!.Id }) : added.Error!.ToProblem();
        });

        g.MapDelete("/{id:guid}/terms/{termId:guid}/members/{memberId:guid}", async Task<IResult> (Guid id, Guid termId, Guid memberId, ChangeCommitteeMember h, CancellationToken ct) =>
        {
            var removed = await h.RemoveAsync(id, termId, memberId, ct);
            return removed.IsSuccess ? TypedResults.NoContent() : removed.Error!.ToProblem();
        });
    }

    private static IResult Reply<T>(Result<T> result, Func<T, Ok<T>> ok) => result.IsSuccess ? ok(result.Value!) : result.Error!.ToProblem();
}

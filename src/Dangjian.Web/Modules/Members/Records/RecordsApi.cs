using System.Resources;
using Dangjian.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Members.Records;

/// <summary>
/// /api/v1/members/{id}/records/{kind}: the record tabs (kind = post | rewardPunishment | travelAbroad | hardship | family).
/// A route table of named handlers.
/// </summary>
internal static class RecordsApi
{
    private static readonly ResourceManager Texts = new(typeof(RecordsApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/members/{id:guid}/records/{kind}").WithTags("Members").RequireAuthorization();
        g.MapGet("/", List).Describe(Texts, "ListMemberRecords");
        g.MapPost("/", Add).Describe(Texts, "AddMemberRecord");
        g.MapPut("/{entryId:guid}", Update).Describe(Texts, "UpdateMemberRecord");
        g.MapDelete("/{entryId:guid}", Delete).Describe(Texts, "DeleteMemberRecord");
    }

    private static async Task<Results<Ok<IReadOnlyList<RecordEntryDto>>, ApiProblem>> List(Guid id, string kind, MemberRecords h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(id, kind, ct));

    private static async Task<Results<Created<RecordEntryDto>, ApiProblem>> Add(Guid id, string kind, RecordEntryInput body, MemberRecords h,
        CancellationToken ct) =>
        ApiReply.Created(await h.AddAsync(id, kind, body, ct), e => $"/api/v1/members/{id}/records/{kind}/{e.Id}");

    private static async Task<Results<Ok<RecordEntryDto>, ApiProblem>> Update(Guid id, string kind, Guid entryId, RecordEntryInput body,
        MemberRecords h, CancellationToken ct) =>
        ApiReply.Ok(await h.UpdateAsync(id, kind, entryId, body, ct));

    private static async Task<Results<NoContent, ApiProblem>> Delete(Guid id, string kind, Guid entryId, MemberRecords h, CancellationToken ct) =>
        ApiReply.NoContent(await h.DeleteAsync(id, kind, entryId, ct));
}

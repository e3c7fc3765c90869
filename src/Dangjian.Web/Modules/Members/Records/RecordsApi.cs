using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Modules.Members.Records;

/// <summary>/api/v1/members/{id}/records/{kind}: the record tabs (kind = post | rewardPunishment | travelAbroad | hardship | family).</summary>
internal static class RecordsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/members/{id:guid}/records/{kind}").WithTags("Members").RequireAuthorization();
        g.MapGet("/", async Task<IResult> (Guid id, string kind, MemberRecords h, CancellationToken ct) =>
        {
            var r = await h.ListAsync(id, kind, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapPost("/", async Task<IResult> (Guid id, string kind, RecordEntryInput body, MemberRecords h, CancellationToken ct) =>
        {
            var r = await h.AddAsync(id, kind, body, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/members/{id}/records/{kind}/{r.Value!.Id}", r.Value) : r.Error!.ToProblem();
        });
        g.MapPut("/{entryId:guid}", async Task<IResult> (Guid id, string kind, Guid entryId, RecordEntryInput body, MemberRecords h, CancellationToken ct) =>
        {
            var r = await h.UpdateAsync(id, kind, entryId, body, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapDelete("/{entryId:guid}", async Task<IResult> (Guid id, string kind, Guid entryId, MemberRecords h, CancellationToken ct) =>
        {
            var r = await h.DeleteAsync(id, kind, entryId, ct);
            return r.IsSuccess ? TypedResults.NoContent() : r.Error!.ToProblem();
        });
    }
}

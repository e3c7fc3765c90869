using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Modules.Members.Contact;

/// <summary>/api/v1/members/{id}/contact: the out-of-contact state and its follow-ups.</summary>
internal static class ContactApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/members/{id:guid}/contact").WithTags("Members").RequireAuthorization();
        g.MapGet("/", async Task<IResult> (Guid id, ContactFollowUps h, CancellationToken ct) =>
        {
            var r = await h.GetAsync(id, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });
        g.MapPost("/follow-ups", async Task<IResult> (Guid id, ContactFollowUpRequest body, ContactFollowUps h, CancellationToken ct) =>
        {
            var r = await h.AddAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/members/{id}/contact", r.Value) : r.Error!.ToProblem();
        });
    }
}

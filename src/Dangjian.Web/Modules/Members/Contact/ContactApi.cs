using System.Resources;
using Dangjian.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Members.Contact;

/// <summary>/api/v1/members/{id}/contact: the out-of-contact state and its follow-ups. A route table of named handlers.</summary>
internal static class ContactApi
{
    private static readonly ResourceManager Texts = new(typeof(ContactApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/members/{id:guid}/contact").WithTags("Members").RequireAuthorization();
        g.MapGet("/", Get).Describe(Texts, "GetMemberContact");
        g.MapPost("/follow-ups", AddFollowUp).Describe(Texts, "AddContactFollowUp");
    }

    private static async Task<Results<Ok<ContactStateDto>, ApiProblem>> Get(Guid id, ContactFollowUps h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(id, ct));

    private static async Task<Results<Created<ContactStateDto>, ApiProblem>> AddFollowUp(Guid id, ContactFollowUpRequest body, ContactFollowUps h,
        CancellationToken ct) =>
        ApiReply.Created(await h.AddAsync(id, body, ct), _ => $"/api/v1/members/{id}/contact");
}

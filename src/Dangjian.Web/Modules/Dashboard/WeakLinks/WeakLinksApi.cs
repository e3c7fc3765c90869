using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Dashboard.WeakLinks;

/// <summary>薄弱环节: listed per unit, assigned and closed one by one. A route table of named handlers.</summary>
internal static class WeakLinksApi
{
    private static readonly ResourceManager Texts = new(typeof(WeakLinksApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/org-units/{id:guid}/weak-links", List).WithTags("Dashboard").RequireAuthorization().Describe(Texts, "ListWeakLinks")
            .WithDescription("Weak links of the unit's subtree, highest score first: open and assigned ones unless status= says otherwise.");
        var links = app.MapGroup("/api/v1/weak-links").WithTags("Dashboard").RequireAuthorization();
        links.MapPost("/{weakLinkId:guid}/assign", Assign).Describe(Texts, "AssignWeakLink");
        links.MapPost("/{weakLinkId:guid}/close", Close).Describe(Texts, "CloseWeakLink");
    }

    private static async Task<Results<Ok<Page<WeakLinkDto>>, ApiProblem>> List(Guid id, string? status, int? page, int? pageSize, WeakLinks h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(id, status, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<WeakLinkDto>, ApiProblem>> Assign(Guid weakLinkId, AssignWeakLinkRequest body, WeakLinks h, CancellationToken ct) =>
        ApiReply.Ok(await h.AssignAsync(weakLinkId, body, ct));

    private static async Task<Results<Ok<WeakLinkDto>, ApiProblem>> Close(Guid weakLinkId, CloseWeakLinkRequest body, WeakLinks h, CancellationToken ct) =>
        ApiReply.Ok(await h.CloseAsync(weakLinkId, body, ct));
}

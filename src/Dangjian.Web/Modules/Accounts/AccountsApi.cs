using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Accounts;

/// <summary>/api/v1/users: accounts and their roles on units. A route table of named handlers.</summary>
internal static class AccountsApi
{
    private static readonly ResourceManager Texts = new(typeof(AccountsApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        g.MapGet("/", List).Describe(Texts, "ListUsers");
        g.MapPost("/", Create).Describe(Texts, "CreateUser");
        g.MapPut("/{id:guid}/roles", SetRoles).Describe(Texts, "SetUserRoles");
        g.MapPost("/{id:guid}/password", ResetPassword).Describe(Texts, "ResetUserPassword");
        g.MapPost("/{id:guid}/unlock", Unlock).Describe(Texts, "UnlockUser");
    }

    private static async Task<Results<Ok<Page<UserDto>>, ApiProblem>> List(Guid? orgUnitId, string? search, int? page, int? pageSize, ListUsers h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(orgUnitId, search, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Created<CreatedUser>, ApiProblem>> Create(CreateUserRequest body, CreateUser h, CancellationToken ct) =>
        ApiReply.Created(await h.HandleAsync(body, ct), u => $"/api/v1/users/{u.Id}", u => new CreatedUser(u.Id, u.UserName, u.DisplayName));

    private static async Task<Results<NoContent, ApiProblem>> SetRoles(Guid id, SetUserRolesRequest body, SetUserRoles h, CancellationToken ct) =>
        ApiReply.NoContent(await h.HandleAsync(id, body, ct));

    private static async Task<Results<NoContent, ApiProblem>> ResetPassword(Guid id, ResetPasswordRequest body, ResetUserPassword h, CancellationToken ct) =>
        ApiReply.NoContent(await h.HandleAsync(id, body, ct));

    private static async Task<Results<NoContent, ApiProblem>> Unlock(Guid id, UnlockUser h, CancellationToken ct) =>
        ApiReply.NoContent(await h.HandleAsync(id, ct));
}

/// <summary>An account just created: no password or roles in the answer.</summary>
public sealed record CreatedUser(Guid Id, string? UserName, string DisplayName);

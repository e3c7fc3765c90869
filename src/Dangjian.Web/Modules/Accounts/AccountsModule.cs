using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;

namespace Dangjian.Web.Modules.Accounts;

/// <summary>User accounts and their roles on units: /api/v1/users.</summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<RoleInput>();
        services.AddScoped<UserAccess>();
        services.AddScoped<CreateUser>();
        services.AddScoped<SetUserRoles>();
        services.AddScoped<ListUsers>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();

        g.MapGet("/", async Task<IResult> (Guid? orgUnitId, string? search, int? page, int? pageSize, ListUsers h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(orgUnitId, search, PageRequest.Of(page, pageSize), ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });

        g.MapPost("/", async Task<IResult> (CreateUserRequest body, CreateUser h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(body, ct);
            return r.IsSuccess
                ? TypedResults.Created($"/api/v1/users/{r.Value!.Id}", new { id = r.Value.Id, userName = r.Value.UserName, displayName = r.Value.DisplayName })
                : r.Error!.ToProblem();
        });

        g.MapPut("/{id:guid}/roles", async Task<IResult> (Guid id, SetUserRolesRequest body, SetUserRoles h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, body, ct);
            return r.IsSuccess ? TypedResults.NoContent() : r.Error!.ToProblem();
        });
        return app;
    }
}

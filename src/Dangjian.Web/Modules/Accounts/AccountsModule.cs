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
        services.AddScoped<ResetUserPassword>();
        services.AddScoped<UnlockUser>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        AccountsApi.Map(app);
        return app;
    }
}

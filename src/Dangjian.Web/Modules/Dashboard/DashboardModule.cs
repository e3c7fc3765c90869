using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Modules.Dashboard;

/// <summary>党建红云: /api/v1/org-units/{id}/dashboard.</summary>
public static class DashboardModule
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DashboardOptions>().Bind(config.GetSection(DashboardOptions.Section));
        services.AddScoped<RollupBuilder>();
        services.AddScoped<Dashboard>();
        services.AddScoped<NaiveDashboard>();
        services.AddSingleton<Platform.Jobs.IJob, RollupJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/org-units/{id:guid}/dashboard", async Task<IResult> (Guid id, DateOnly? from, DateOnly? to, Dashboard h, CancellationToken ct) =>
            {
                var r = await h.HandleAsync(id, from, to, ct);
                return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
            })
            .WithTags("Dashboard").RequireAuthorization()
            .WithDescription("The figures of the unit's subtree from the roll-ups (asOf: when they were built), with the previous period beside them.");
        return app;
    }
}

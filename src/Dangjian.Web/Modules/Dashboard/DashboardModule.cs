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
        services.AddScoped<Contracts.StudyRollups>();
        services.AddOptions<WeakLinks.WeakLinkOptions>().Bind(config.GetSection(WeakLinks.WeakLinkOptions.Section));
        services.AddScoped<WeakLinks.WeakLinkDetector>();
        services.AddScoped<WeakLinks.WeakLinks>();
        services.AddScoped<DashboardExport>();
        services.AddSingleton<Platform.Jobs.IJob, RollupJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        DashboardApi.Map(app);
        WeakLinks.WeakLinksApi.Map(app);
        return app;
    }
}

using Dangjian.Web.Modules.Assessment.Indicators;

namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>The Points part of the Assessment module (members' points bank): its services and its routes, called from <see cref="AssessmentModule"/>.</summary>
internal static class PointsFeature
{
    public static IServiceCollection AddPoints(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<PointsOptions>().Bind(config.GetSection(PointsOptions.Section));
        services.AddScoped<PointsSchemes>();
        services.AddScoped<PointsClaims>();
        services.AddScoped<PointsAwarder>();
        services.AddScoped<PointsStatement>();
        services.AddScoped<PointsRanking>();
        services.AddScoped<PointsFigures>();
        services.AddScoped<PointsUnits>();
        services.AddScoped<IMemberPointsTotals, PointsTotals>();
        services.AddScoped<IIndicatorSource, PointsParticipationSource>();
        services.AddScoped<IIndicatorSource, PointsAverageSource>();
        services.AddSingleton<Platform.Jobs.IJob, PointsAutoJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapPoints(this IEndpointRouteBuilder app)
    {
        PointsApi.Map(app);
        return app;
    }
}

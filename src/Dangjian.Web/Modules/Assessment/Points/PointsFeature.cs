namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>The Points part of the Assessment module (members' points bank): its services and its routes, called from <see cref="AssessmentModule"/>.</summary>
internal static class PointsFeature
{
    public static IServiceCollection AddPoints(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapPoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}

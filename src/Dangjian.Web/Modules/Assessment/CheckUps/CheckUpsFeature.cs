namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>The CheckUps part of the Assessment module (quarterly political check-up and early warnings): its services and its routes, called from <see cref="AssessmentModule"/>.</summary>
internal static class CheckUpsFeature
{
    public static IServiceCollection AddCheckUps(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapCheckUps(this IEndpointRouteBuilder app)
    {
        return app;
    }
}

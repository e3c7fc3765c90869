namespace Dangjian.Web.Modules.Assessment.Honours;

/// <summary>The Honours part of the Assessment module (honours campaigns): its services and its routes, called from <see cref="AssessmentModule"/>.</summary>
internal static class HonoursFeature
{
    public static IServiceCollection AddHonours(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapHonours(this IEndpointRouteBuilder app)
    {
        return app;
    }
}

namespace Dangjian.Web.Modules.Education.Plans;

/// <summary>The Plans part of the Education module: its services and its routes, called from <see cref="EducationModule"/>.</summary>
internal static class PlansFeature
{
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration config) => services;

    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app) => app;
}

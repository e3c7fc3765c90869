namespace Dangjian.Web.Modules.Education.Study;

/// <summary>The Study part of the Education module: its services and its routes, called from <see cref="EducationModule"/>.</summary>
internal static class StudyFeature
{
    public static IServiceCollection AddStudy(this IServiceCollection services, IConfiguration config) => services;

    public static IEndpointRouteBuilder MapStudy(this IEndpointRouteBuilder app) => app;
}

namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>The Exams part of the Education module: its services and its routes, called from <see cref="EducationModule"/>.</summary>
internal static class ExamsFeature
{
    public static IServiceCollection AddExams(this IServiceCollection services, IConfiguration config) => services;

    public static IEndpointRouteBuilder MapExams(this IEndpointRouteBuilder app) => app;
}

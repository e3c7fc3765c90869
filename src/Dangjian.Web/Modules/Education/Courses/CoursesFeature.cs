namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>The Courses part of the Education module: its services and its routes, called from <see cref="EducationModule"/>.</summary>
internal static class CoursesFeature
{
    public static IServiceCollection AddCourses(this IServiceCollection services, IConfiguration config) => services;

    public static IEndpointRouteBuilder MapCourses(this IEndpointRouteBuilder app) => app;
}

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>The Courses part of the Education module: its services and its routes, called from <see cref="EducationModule"/>.</summary>
internal static class CoursesFeature
{
    public static IServiceCollection AddCourses(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CourseFileOptions>().Bind(config.GetSection(CourseFileOptions.Section));
        services.AddOptions<LiveSessionOptions>().Bind(config.GetSection(LiveSessionOptions.Section));
        services.AddScoped<CourseAccess>();
        services.AddScoped<SaveCourse>();
        services.AddScoped<PublishCourse>();
        services.AddScoped<ListCourses>();
        services.AddScoped<MyCourses>();
        services.AddScoped<CourseFiles>();
        services.AddScoped<LiveSessions>();
        return services;
    }

    public static IEndpointRouteBuilder MapCourses(this IEndpointRouteBuilder app)
    {
        CoursesApi.Map(app);
        return app;
    }
}

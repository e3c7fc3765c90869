using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Modules.Education.Plans;
using Dangjian.Web.Modules.Education.Study;

namespace Dangjian.Web.Modules.Education;

/// <summary>
/// 党员教育培训: the course library (Courses), server-verified study time and the learning archive (Study), the question
/// bank, exams and contests (Exams), layered plans, case libraries and the study → research → problem loop (Plans).
/// </summary>
public static class EducationModule
{
    public static IServiceCollection AddEducation(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<EducationOptions>().Bind(config.GetSection(EducationOptions.Section));
        services.AddCourses(config);
        services.AddStudy(config);
        services.AddExams(config);
        services.AddPlans(config);
        return services;
    }

    public static IEndpointRouteBuilder MapEducation(this IEndpointRouteBuilder app)
    {
        app.MapCourses();
        app.MapStudy();
        app.MapExams();
        app.MapPlans();
        return app;
    }
}

using Dangjian.Web.Modules.Education.Study.Archive;
using Dangjian.Web.Modules.Education.Study.Import;
using Dangjian.Web.Modules.Education.Study.Sessions;

namespace Dangjian.Web.Modules.Education.Study;

/// <summary>The Study part of the Education module: its services and its routes, called from <see cref="EducationModule"/>.</summary>
internal static class StudyFeature
{
    public static IServiceCollection AddStudy(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<StudyOptions>().Bind(config.GetSection(EducationOptions.Section));
        services.AddScoped<StudySessions>();
        services.AddScoped<LearningArchive>();
        services.AddScoped<ArchiveTotals>();
        services.AddOptions<Standing.StandingOptions>().Bind(config.GetSection(EducationOptions.Section));
        services.AddScoped<Contracts.StudyStanding>();
        services.AddScoped<Standing.ArchivePdf>();
        services.AddSingleton<Platform.Jobs.IJob, Standing.StudyReminderJob>();
        services.AddScoped<ArchiveWorkbook>();
        services.AddScoped<ImportExternalHours>();
        return services;
    }

    public static IEndpointRouteBuilder MapStudy(this IEndpointRouteBuilder app)
    {
        StudyApi.Map(app);
        Standing.ArchivePdfApi.Map(app);
        return app;
    }
}

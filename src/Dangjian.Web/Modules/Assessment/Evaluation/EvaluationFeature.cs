using Dangjian.Web.Modules.Assessment.Indicators;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>The Evaluation part of the Assessment module (branch assessment beside business KPIs): its services and its routes, called from <see cref="AssessmentModule"/>.</summary>
internal static class EvaluationFeature
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<EvaluationOptions>().Bind(config.GetSection(EvaluationOptions.Section));
        // The figures the platform's own modules offer the assessment (other features register theirs beside).
        services.AddScoped<IIndicatorSource, MeetingsComplianceSource>();
        services.AddScoped<IIndicatorSource, MeetingsAttendanceSource>();
        services.AddScoped<IIndicatorSource, DuesOnTimeSource>();
        services.AddScoped<IIndicatorSource, DevelopmentOnTrackSource>();
        services.AddScoped<IIndicatorSource, StudyAtTargetSource>();
        services.AddScoped<EvaluationAccess>();
        services.AddScoped<EvaluationSchemes>();
        services.AddScoped<EvaluationIndicators>();
        services.AddScoped<ComputeEvaluation>();
        services.AddScoped<EvaluationScoring>();
        services.AddScoped<EvaluationResults>();
        services.AddScoped<Kpis.ImportBusinessKpis>();
        services.AddScoped<Kpis.PartyBesideBusiness>();
        return services;
    }

    public static IEndpointRouteBuilder MapEvaluation(this IEndpointRouteBuilder app)
    {
        EvaluationApi.Map(app);
        return app;
    }
}

using Dangjian.Web.Modules.Assessment.Indicators;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>The CheckUps part of the Assessment module (quarterly political check-up and early warnings): its services and its routes, called from <see cref="AssessmentModule"/>.</summary>
internal static class CheckUpsFeature
{
    public static IServiceCollection AddCheckUps(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CheckUpsOptions>().Bind(config.GetSection(CheckUpsOptions.Section));
        services.AddScoped<CheckUpsAccess>();
        services.AddScoped<MyCheckUps>();
        services.AddScoped<ReviewCheckUps>();
        services.AddScoped<Warnings>();
        services.AddScoped<CheckUpSummary>();
        services.AddScoped<WarningRaiser>();
        services.AddSingleton<Platform.Jobs.IJob, CheckUpWarningsJob>();
        services.AddScoped<IIndicatorSource, SubmittedIndicator>();
        services.AddScoped<IIndicatorSource, WarningsHandledIndicator>();
        return services;
    }

    public static IEndpointRouteBuilder MapCheckUps(this IEndpointRouteBuilder app)
    {
        CheckUpsApi.Map(app);
        return app;
    }
}

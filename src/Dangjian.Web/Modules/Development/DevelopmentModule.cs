namespace Dangjian.Web.Modules.Development;

/// <summary>发展党员: its services and its routes (/api/v1/development, in <see cref="DevelopmentApi"/>).</summary>
public static class DevelopmentModule
{
    public static IServiceCollection AddDevelopment(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DevelopmentOptions>().Bind(config.GetSection(DevelopmentOptions.Section));
        services.AddScoped<CaseAccess>();
        services.AddScoped<Contracts.DevelopmentFacts>();
        services.AddScoped<OpenCase>();
        services.AddScoped<RecordStep>();
        services.AddScoped<GetCase>();
        services.AddScoped<CaseProof>();
        services.AddScoped<ListCases>();
        services.AddScoped<Review.SignReview>();
        services.AddScoped<Materials.CaseMaterials>();
        services.AddScoped<CaseDossierPdf>();
        services.AddScoped<Plans.DevelopmentPlans>();
        services.AddSingleton<Platform.Ledger.ILedgerAnchor, DevelopmentLedgerAnchor>();
        services.AddSingleton<Platform.Jobs.IJob, DevelopmentReminderJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapDevelopment(this IEndpointRouteBuilder app)
    {
        DevelopmentApi.Map(app);
        return app;
    }
}

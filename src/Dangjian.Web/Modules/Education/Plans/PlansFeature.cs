namespace Dangjian.Web.Modules.Education.Plans;

/// <summary>The Plans part of the Education module: its services and its routes, called from <see cref="EducationModule"/>.</summary>
internal static class PlansFeature
{
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<PlanAudiences>();
        services.AddScoped<PlanChoices>();
        services.AddScoped<StudyPlans>();
        services.AddScoped<MyPlans>();
        services.AddScoped<PlanProgress>();
        services.AddScoped<Recommendations.MyRecommendations>();
        services.AddScoped<Cases.CaseLibrary>();
        services.AddScoped<Research.ResearchLoop>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app)
    {
        PlansApi.Map(app);
        Cases.CasesApi.Map(app);
        Research.ResearchApi.Map(app);
        return app;
    }
}

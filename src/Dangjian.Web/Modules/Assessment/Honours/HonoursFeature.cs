namespace Dangjian.Web.Modules.Assessment.Honours;

/// <summary>The Honours part of the Assessment module (honours campaigns): its services and its routes, called from <see cref="AssessmentModule"/>.</summary>
internal static class HonoursFeature
{
    public static IServiceCollection AddHonours(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<HonoursOptions>().Bind(config.GetSection(HonoursOptions.Section));
        services.AddScoped<HonoursAccess>();
        services.AddScoped<Campaigns>();
        services.AddScoped<CampaignDetails>();
        services.AddScoped<Nominations>();
        services.AddScoped<Votes>();
        services.AddScoped<Objections>();
        services.AddScoped<HonourNotice>();
        services.AddScoped<MyHonours>();
        return services;
    }

    public static IEndpointRouteBuilder MapHonours(this IEndpointRouteBuilder app)
    {
        HonoursApi.Map(app);
        return app;
    }
}

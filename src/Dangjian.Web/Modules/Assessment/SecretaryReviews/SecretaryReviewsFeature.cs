using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>The SecretaryReviews part of the Assessment module (secretaries' yearly report and review): its services and its routes, called from <see cref="AssessmentModule"/>.</summary>
internal static class SecretaryReviewsFeature
{
    public static IServiceCollection AddSecretaryReviews(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SecretaryReviewOptions>().Bind(config.GetSection(SecretaryReviewOptions.Section));
        services.AddScoped<IOptions<SecretaryReviewOptions>>(sp => Options.Create(
            sp.GetRequiredService<IOptionsMonitor<SecretaryReviewOptions>>().CurrentValue.For(sp.GetRequiredService<Platform.Tenancy.TenantContext>().TenantId)));
        services.AddScoped<SecretaryReviewAccess>();
        services.AddScoped<GetSecretaryReviews>();
        services.AddScoped<CreateSecretaryReview>();
        services.AddScoped<SubmitSecretaryReport>();
        services.AddScoped<ScoreSecretary>();
        services.AddScoped<SecretaryReviewWorkbook>();
        return services;
    }

    public static IEndpointRouteBuilder MapSecretaryReviews(this IEndpointRouteBuilder app)
    {
        SecretaryReviewsApi.Map(app);
        return app;
    }
}

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>The SecretaryReviews part of the Assessment module (secretaries' yearly report and review): its services and its routes, called from <see cref="AssessmentModule"/>.</summary>
internal static class SecretaryReviewsFeature
{
    public static IServiceCollection AddSecretaryReviews(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapSecretaryReviews(this IEndpointRouteBuilder app)
    {
        return app;
    }
}

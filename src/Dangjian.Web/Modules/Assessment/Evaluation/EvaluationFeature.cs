namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>The Evaluation part of the Assessment module (branch assessment beside business KPIs): its services and its routes, called from <see cref="AssessmentModule"/>.</summary>
internal static class EvaluationFeature
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapEvaluation(this IEndpointRouteBuilder app)
    {
        return app;
    }
}

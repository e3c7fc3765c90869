using Dangjian.Web.Modules.Assessment.CheckUps;
using Dangjian.Web.Modules.Assessment.Evaluation;
using Dangjian.Web.Modules.Assessment.Honours;
using Dangjian.Web.Modules.Assessment.Points;
using Dangjian.Web.Modules.Assessment.SecretaryReviews;

namespace Dangjian.Web.Modules.Assessment;

/// <summary>
/// 积分与考评: the members' points bank (Points), the quarterly political check-up and its early warnings (CheckUps),
/// branch assessment beside business KPIs (Evaluation), honours (Honours) and the secretaries' yearly report and review
/// (SecretaryReviews). Democratic appraisal of members stays organisational life (Meetings/Appraisal).
/// </summary>
public static class AssessmentModule
{
    public static IServiceCollection AddAssessment(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<Contracts.AssessmentFindings>();
        services.AddPoints(config);
        services.AddCheckUps(config);
        services.AddEvaluation(config);
        services.AddHonours(config);
        services.AddSecretaryReviews(config);
        return services;
    }

    public static IEndpointRouteBuilder MapAssessment(this IEndpointRouteBuilder app)
    {
        app.MapPoints();
        app.MapCheckUps();
        app.MapEvaluation();
        app.MapHonours();
        app.MapSecretaryReviews();
        return app;
    }
}

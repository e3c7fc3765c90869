namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>The Exams part of the Education module: its services and its routes, called from <see cref="EducationModule"/>.</summary>
internal static class ExamsFeature
{
    public static IServiceCollection AddExams(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ExamsOptions>().Bind(config.GetSection(ExamsOptions.Section));
        services.AddScoped<ExamsAccess>();
        services.AddScoped<QuestionBank>();
        services.AddScoped<Papers>();
        services.AddScoped<ExamsService>();
        services.AddScoped<ExamTurnout>();
        services.AddScoped<Attempts>();
        services.AddScoped<ContestRanking>();
        services.AddScoped<WrongAnswerBook>();
        services.AddScoped<ExamScores>();
        services.AddScoped<Contracts.ExamPasses>();
        services.AddScoped<Import.ImportQuestions>();
        return services;
    }

    public static IEndpointRouteBuilder MapExams(this IEndpointRouteBuilder app)
    {
        ExamsApi.Map(app);
        return app;
    }
}

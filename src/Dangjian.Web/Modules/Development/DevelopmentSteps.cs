using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Development;

/// <summary>A step of docs/rules/development.md#the-steps: its number and stage (1–5); its name is DevelopmentText's "DevStep.{n}".</summary>
public sealed record StepDefinition(int Number, int Stage, bool Repeatable = false);

/// <summary>The 5 stages and 25 steps of 《中国共产党发展党员工作细则》 (2014); their names in DevelopmentText ("DevStage.{n}", "DevStep.{n}").</summary>
public static class DevelopmentSteps
{
    public const int Stages = 5;

    public static readonly IReadOnlyList<StepDefinition> All =
    [
        new(1, 1), new(2, 1),
        new(3, 2), new(4, 2), new(5, 2), new(6, 2, Repeatable: true),
        new(7, 3), new(8, 3), new(9, 3), new(10, 3), new(11, 3),
        new(12, 4), new(13, 4), new(14, 4), new(15, 4), new(16, 4), new(17, 4), new(18, 4),
        new(19, 5), new(20, 5), new(21, 5), new(22, 5), new(23, 5), new(24, 5), new(25, 5),
    ];

    public static StepDefinition Of(int number) => All[number - 1];

    public static string StepName(this IStringLocalizer<DevelopmentText> T, int number) => T["DevStep." + number];

    public static string StageName(this IStringLocalizer<DevelopmentText> T, int stage) => T["DevStage." + stage];

    /// <summary>第3步「推荐和确定入党积极分子」: a step as messages name it.</summary>
    public static string StepLabel(this IStringLocalizer<DevelopmentText> T, int number) => T["Dev.Rule.StepLabel", number, T.StepName(number)];
}

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>The rules of the branch assessment the code cites (docs/rules/points-and-assessment.md).</summary>
public static class EvaluationArticles
{
    public const string Weights = "docs/rules/points-and-assessment.md#pa-13";
    public const string Grades = "docs/rules/points-and-assessment.md#pa-14";
    public const string Veto = "docs/rules/points-and-assessment.md#pa-15";
    public const string Scoring = "docs/rules/points-and-assessment.md#pa-16";
    public const string Ideology = "docs/rules/points-and-assessment.md#pa-5";
}

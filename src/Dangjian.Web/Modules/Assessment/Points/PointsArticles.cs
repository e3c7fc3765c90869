namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>The rules of the points bank the code cites (docs/rules/points-and-assessment.md).</summary>
public static class PointsArticles
{
    public const string Scheme = "docs/rules/points-and-assessment.md#pa-1";
    public const string Lines = "docs/rules/points-and-assessment.md#pa-6";
    public const string Caps = PointsCapRules.Article;
    public const string Separation = "docs/rules/points-and-assessment.md#pa-8";
    public const string Ranking = "docs/rules/points-and-assessment.md#pa-9";

    /// <summary>Whether a source is counted by the platform (an <see cref="PointsKind.Auto"/> item) rather than recorded by a person.</summary>
    public static bool IsAutomatic(PointsSource s) =>
        s is PointsSource.MeetingAttended or PointsSource.AbsentWithoutLeave or PointsSource.StudyHours or PointsSource.ExamPassed
            or PointsSource.DuesOnTime or PointsSource.DuesArrears;
}

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>
/// PA-12 (docs/rules/points-and-assessment.md#pa-12), 预警处置率: handled ÷ (raised − dismissed) of the warnings raised in a
/// period, from 0 to 1 with four decimal places; null when nothing was left to handle. Pure: no I/O.
/// </summary>
public static class HandlingRateRule
{
    public const string Article = "docs/rules/points-and-assessment.md#pa-12";

    public static decimal? Rate(int raised, int handled, int dismissed)
    {
        var due = raised - dismissed;
        if (due <= 0) return null;
        return Math.Round(Math.Clamp((decimal)handled / due, 0m, 1m), 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>As the branch assessment counts it: nothing left unhandled is a full rate.</summary>
    public static decimal ForAssessment(int raised, int handled, int dismissed) => Rate(raised, handled, dismissed) ?? 1m;
}

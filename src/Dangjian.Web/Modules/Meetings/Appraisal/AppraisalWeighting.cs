namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>
/// The weighted proposal of docs/rules/organisation.md#o-20: the self grade, the peers' votes (by their grade points), the
/// masses' and the organisation's scores (0–100) combined by the tenant's weights, then banded into a grade. A member
/// without the masses' or the organisation's score, or a scheme whose weights are all zero, keeps the vote rule of O-15
/// (<see cref="AppraisalRules.Proposed"/>). Scores are <c>decimal</c> rounded to one decimal place.
/// </summary>
public static class AppraisalWeighting
{
    public const string Article = "docs/rules/organisation.md#o-20";

    /// <summary>The points a grade is worth as a 0–100 score.</summary>
    public static int Points(AppraisalGrade grade) => grade switch
    {
        AppraisalGrade.Excellent => 100,
        AppraisalGrade.Qualified => 80,
        AppraisalGrade.BasicallyQualified => 60,
        _ => 40,
    };

    /// <summary>The weighted score, or null when the weighted proposal does not apply to this member.</summary>
    public static decimal? Score(AppraisalWeights w, AppraisalGrade? self, int voters, int excellent, int qualified, int basic, int unqualified,
        int? masses, int? organisation)
    {
        if (w.Off || masses is not { } m || organisation is not { } o) return null;
        decimal sum = 0, weights = 0;
        void Add(int weight, decimal score)
        {
            if (weight <= 0) return;
            sum += weight * score;
            weights += weight;
        }
        if (self is { } s) Add(w.Self, Points(s));
        if (voters > 0)
        {
            var peers = (decimal)(excellent * Points(AppraisalGrade.Excellent) + qualified * Points(AppraisalGrade.Qualified)
                                  + basic * Points(AppraisalGrade.BasicallyQualified) + unqualified * Points(AppraisalGrade.Unqualified)) / voters;
            Add(w.Peers, peers);
        }
        Add(w.Masses, m);
        Add(w.Organisation, o);
        return weights == 0 ? null : Math.Round(sum / weights, 1, MidpointRounding.AwayFromZero);
    }

    public static AppraisalGrade Band(decimal score, AppraisalBands b) =>
        score >= b.ExcellentFrom ? AppraisalGrade.Excellent
        : score >= b.QualifiedFrom ? AppraisalGrade.Qualified
        : score >= b.BasicallyQualifiedFrom ? AppraisalGrade.BasicallyQualified
        : AppraisalGrade.Unqualified;

    /// <summary>The proposal: the weighted band when a weighted score exists, else the vote rule.</summary>
    public static AppraisalGrade Proposed(decimal? score, AppraisalBands b, int voters, int excellent, int qualified, int basic, int unqualified) =>
        score is { } s ? Band(s, b) : AppraisalRules.Proposed(voters, excellent, qualified, basic, unqualified);
}

using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>The rating bands of a secretary (docs/rules/points-and-assessment.md#pa-22).</summary>
public enum SecretaryRating
{
    Good,
    FairlyGood,
    Average,
    Poor,
}

/// <summary>
/// The rules of 书记述职评议: which units review (PA-20), the range of a score (PA-21), and the rating — the superior's
/// mean × its weight plus the members' mean × the rest, one decimal, banded 好/较好/一般/差 (PA-22).
/// </summary>
public static class SecretaryReviewRules
{
    public const string CampaignArticle = "docs/rules/points-and-assessment.md#pa-20";
    public const string ScoringArticle = "docs/rules/points-and-assessment.md#pa-21";
    public const string RatingArticle = "docs/rules/points-and-assessment.md#pa-22";
    public const int MinScore = 0;
    public const int MaxScore = 100;

    /// <summary>A 党委 or a 党总支 reviews the secretaries below it; a branch or a group does not.</summary>
    public static bool CanReview(OrgUnitKind kind) => kind is OrgUnitKind.PartyCommittee or OrgUnitKind.GeneralBranch;

    public static bool InRange(int score) => score is >= MinScore and <= MaxScore;

    /// <summary>Scoring is open in [opens, closes).</summary>
    public static bool IsOpen(DateTimeOffset now, DateTimeOffset opens, DateTimeOffset closes) => now >= opens && now < closes;

    /// <summary>The rating score, or null without any score; with one side only, that side's mean.</summary>
    public static decimal? Rating(IReadOnlyCollection<int> superior, IReadOnlyCollection<int> members, int superiorWeight)
    {
        var w = Math.Clamp(superiorWeight, 0, 100);
        decimal? s = superior.Count > 0 ? (decimal)superior.Sum() / superior.Count : null;
        decimal? m = members.Count > 0 ? (decimal)members.Sum() / members.Count : null;
        var value = (s, m) switch
        {
            ({ } a, { } b) => (a * w + b * (100 - w)) / 100,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => (decimal?)null,
        };
        return value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;
    }

    public static SecretaryRating Band(decimal rating, int goodFrom, int fairlyGoodFrom, int averageFrom) =>
        rating >= goodFrom ? SecretaryRating.Good
        : rating >= fairlyGoodFrom ? SecretaryRating.FairlyGood
        : rating >= averageFrom ? SecretaryRating.Average
        : SecretaryRating.Poor;
}

using Dangjian.Web.Modules.Members;

namespace Dangjian.Web.Modules.Assessment.Honours;

/// <summary>
/// Quotas and eligibility (docs/rules/points-and-assessment.md#pa-18): the quotas of a kind add up to no more than the
/// campaign's total; a unit nominates and has approved no more than its quota; a person is eligible when a party member
/// in normal standing, not graded 不合格 that year and not under 留党察看. No I/O.
/// </summary>
public static class HonourQuotaRules
{
    public const string Article = "docs/rules/points-and-assessment.md#pa-18";

    /// <summary>Whether a unit's quota of <paramref name="number"/> fits beside the other units' quotas of the same kind.</summary>
    public static bool QuotaFits(int total, int othersSum, int number) => number >= 0 && othersSum + number <= total;

    /// <summary>Whether one more may be put forward (or approved) when <paramref name="used"/> of <paramref name="quota"/> are taken.</summary>
    public static bool HasRoom(int quota, int used) => used < quota;

    public enum Ineligible
    {
        None,
        NotPartyMember,
        NotInNormalStanding,
        GradedUnqualified,
        UnderPartyProbation,
    }

    public static Ineligible Eligibility(MemberCategory category, MembershipStatus status, bool gradedUnqualified, bool underPartyProbation) =>
        !Member.IsPartyMember(category) ? Ineligible.NotPartyMember
        : status != MembershipStatus.Normal ? Ineligible.NotInNormalStanding
        : gradedUnqualified ? Ineligible.GradedUnqualified
        : underPartyProbation ? Ineligible.UnderPartyProbation
        : Ineligible.None;
}

using Dangjian.Web.Modules.Assessment.Honours;
using Dangjian.Web.Modules.Members;
using static Dangjian.Web.Modules.Assessment.Honours.HonourPhaseRules;

namespace Dangjian.Tests.Modules.Assessment.Honours;

/// <summary>The honours rules with their tables of cases: phases (PA-17), quotas and eligibility (PA-18), the notice and the award (PA-19).</summary>
public sealed class HonourRulesTests
{
    private static readonly DateOnly NoticeEnd = new(2026, 12, 11);

    [Theory]
    [InlineData(HonourCampaignStatus.Nomination, HonourCampaignStatus.Vote, 1, 0, 0, "2026-12-01", Refusal.None)]
    [InlineData(HonourCampaignStatus.Nomination, HonourCampaignStatus.Vote, 0, 0, 0, "2026-12-01", Refusal.NoNominees)]
    [InlineData(HonourCampaignStatus.Nomination, HonourCampaignStatus.Approval, 5, 0, 0, "2026-12-01", Refusal.NotNext)]   // a phase skipped
    [InlineData(HonourCampaignStatus.Vote, HonourCampaignStatus.Nomination, 5, 0, 0, "2026-12-01", Refusal.NotNext)]       // back
    [InlineData(HonourCampaignStatus.Vote, HonourCampaignStatus.Vote, 5, 0, 0, "2026-12-01", Refusal.NotNext)]             // again
    [InlineData(HonourCampaignStatus.Vote, HonourCampaignStatus.Approval, 5, 0, 0, "2026-12-01", Refusal.None)]
    [InlineData(HonourCampaignStatus.Approval, HonourCampaignStatus.Notice, 5, 0, 0, "2026-12-01", Refusal.NoApproved)]
    [InlineData(HonourCampaignStatus.Approval, HonourCampaignStatus.Notice, 5, 1, 0, "2026-12-01", Refusal.None)]
    [InlineData(HonourCampaignStatus.Notice, HonourCampaignStatus.Awarded, 5, 1, 0, "2026-12-11", Refusal.NoticeRunning)]  // the notice's last day
    [InlineData(HonourCampaignStatus.Notice, HonourCampaignStatus.Awarded, 5, 1, 0, "2026-12-12", Refusal.None)]           // the day after
    [InlineData(HonourCampaignStatus.Notice, HonourCampaignStatus.Awarded, 5, 1, 1, "2026-12-12", Refusal.ObjectionsPending)]
    [InlineData(HonourCampaignStatus.Awarded, HonourCampaignStatus.Awarded, 5, 1, 0, "2026-12-30", Refusal.NotNext)]
    public void Transitions_OneStepForward_WhenTheirConditionsHold(HonourCampaignStatus from, HonourCampaignStatus to, int nominated, int approved, int pending,
        string today, Refusal expected) =>
        Check(from, to, new Facts(nominated, approved, pending, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), NoticeEnd)).ShouldBe(expected);

    [Theory]
    [InlineData(Refusal.NotNext, "docs/rules/points-and-assessment.md#pa-17")]
    [InlineData(Refusal.NoNominees, "docs/rules/points-and-assessment.md#pa-17")]
    [InlineData(Refusal.NoticeRunning, "docs/rules/points-and-assessment.md#pa-19")]
    [InlineData(Refusal.ObjectionsPending, "docs/rules/points-and-assessment.md#pa-19")]
    public void Refusals_CiteTheirRule(Refusal refusal, string article) => ArticleOf(refusal).ShouldBe(article);

    [Theory]
    [InlineData("2026-12-07", "2026-12-11", 5)] // Monday to Friday
    [InlineData("2026-12-07", "2026-12-13", 5)] // and the weekend after
    [InlineData("2026-12-05", "2026-12-06", 0)] // a weekend
    [InlineData("2026-12-07", "2026-12-07", 1)] // one day, both ends included
    [InlineData("2026-12-08", "2026-12-07", 0)] // reversed
    public void WorkingDays_MondayToFriday_BothEnds(string from, string to, int expected) =>
        WorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData("2026-12-07", "2026-12-01", 5, "2026-12-11")] // published late: five working days from Monday
    [InlineData("2026-12-09", "2026-12-01", 5, "2026-12-15")] // from Wednesday over the weekend
    [InlineData("2026-12-05", "2026-12-01", 5, "2026-12-11")] // from a Saturday: Monday is the first working day
    [InlineData("2026-12-07", "2026-12-18", 5, "2026-12-18")] // the planned end is later: kept
    [InlineData("2026-12-07", "2026-12-11", 5, "2026-12-11")] // exactly enough
    public void NoticeEnd_RunsItsWorkingDaysAtLeast(string start, string planned, int days, string expected)
    {
        var end = HonourPhaseRules.NoticeEnd(D(start), D(planned), days);
        end.ShouldBe(D(expected));
        WorkingDays(D(start), end).ShouldBeGreaterThanOrEqualTo(days);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-10", "2026-01-15", "2026-01-16", "2026-01-22", "2026-01-23", true)]
    [InlineData("2026-01-01", "2026-01-01", "2026-01-01", "2026-01-01", "2026-01-01", "2026-01-02", true)]  // all on one day but the award
    [InlineData("2026-01-01", "2026-01-10", "2026-01-15", "2026-01-16", "2026-01-22", "2026-01-22", false)] // award on the notice's last day
    [InlineData("2026-01-11", "2026-01-10", "2026-01-15", "2026-01-16", "2026-01-22", "2026-01-23", false)] // nomination closes before it opens
    [InlineData("2026-01-01", "2026-01-10", "2026-01-17", "2026-01-16", "2026-01-22", "2026-01-23", false)] // notice before the vote closes
    public void Dates_FollowThePhases(string a, string b, string c, string d, string e, string f, bool expected) =>
        InOrder(D(a), D(b), D(c), D(d), D(e), D(f)).ShouldBe(expected);

    [Theory]
    [InlineData(10, 7, 3, true)]
    [InlineData(10, 7, 4, false)]
    [InlineData(10, 0, 10, true)]
    [InlineData(0, 0, 0, true)]
    [InlineData(10, 0, -1, false)]
    public void Quotas_AddUpToNoMoreThanTheTotal(int total, int others, int number, bool expected) =>
        HonourQuotaRules.QuotaFits(total, others, number).ShouldBe(expected);

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(2, 2, false)]
    [InlineData(0, 0, false)] // no quota, no nomination
    public void Room_WithinTheQuota(int quota, int used, bool expected) => HonourQuotaRules.HasRoom(quota, used).ShouldBe(expected);

    [Theory]
    [InlineData(MemberCategory.Full, MembershipStatus.Normal, false, false, HonourQuotaRules.Ineligible.None)]
    [InlineData(MemberCategory.Probationary, MembershipStatus.Normal, false, false, HonourQuotaRules.Ineligible.None)]
    [InlineData(MemberCategory.Candidate, MembershipStatus.Normal, false, false, HonourQuotaRules.Ineligible.NotPartyMember)]
    [InlineData(MemberCategory.Masses, MembershipStatus.Normal, false, false, HonourQuotaRules.Ineligible.NotPartyMember)]
    [InlineData(MemberCategory.Full, MembershipStatus.Suspended, false, false, HonourQuotaRules.Ineligible.NotInNormalStanding)]
    [InlineData(MemberCategory.Full, MembershipStatus.TransferredOut, false, false, HonourQuotaRules.Ineligible.NotInNormalStanding)]
    [InlineData(MemberCategory.Full, MembershipStatus.Normal, true, false, HonourQuotaRules.Ineligible.GradedUnqualified)]
    [InlineData(MemberCategory.Full, MembershipStatus.Normal, false, true, HonourQuotaRules.Ineligible.UnderPartyProbation)]
    public void Eligibility_PartyMemberInGoodStanding(MemberCategory category, MembershipStatus status, bool unqualified, bool probation,
        HonourQuotaRules.Ineligible expected) =>
        HonourQuotaRules.Eligibility(category, status, unqualified, probation).ShouldBe(expected);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}

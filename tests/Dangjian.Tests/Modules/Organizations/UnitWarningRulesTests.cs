using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Modules.Organizations;

/// <summary>
/// The set-up rules of docs/rules/organisation.md (O-1, O-2, O-5, O-8) at their boundaries: 3 full members to set up a branch, a committee from 7 full
/// members, at most 50 members per branch, at most 7 on a branch committee, reminders 6 months before a term ends.
/// </summary>
public sealed class UnitWarningRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly OrgRulesOptions Defaults = new();

    /// <summary>A branch that breaks no rule: 5 full members, no committee needed yet, no term on record.</summary>
    private static UnitFacts Healthy(OrgUnitKind kind = OrgUnitKind.Branch) =>
        new(kind, OrgSetup.Standalone, FullMembers: 5, PartyMembers: 5, CommitteeSize: 0, TermEndOn: null, Today);

    private static string[] Codes(UnitFacts facts) =>
        UnitWarningRules.Evaluate(facts, Defaults).Select(w => w.Code).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Evaluate_HealthyBranch_NoWarnings() => Codes(Healthy()).ShouldBeEmpty();

    [Theory]
    [InlineData(2, "BRANCH_TOO_FEW_FULL_MEMBERS")]
    [InlineData(3, "")]
    public void Evaluate_FullMembersAroundThree_TooFewOnlyBelowThree(int full, string expected)
    {
        var facts = Healthy() with { FullMembers = full, PartyMembers = full };
        Codes(facts).ShouldBe(Expected(expected));
    }

    [Theory]
    [InlineData(6, 0, "")]
    [InlineData(7, 0, "BRANCH_NEEDS_COMMITTEE")]
    [InlineData(6, 3, "")]
    [InlineData(7, 3, "")]
    [InlineData(20, 0, "BRANCH_NEEDS_COMMITTEE")]
    public void Evaluate_FullMembersAroundSeven_CommitteeNeededFromSevenWhenNone(int full, int committee, string expected)
    {
        var facts = Healthy() with { FullMembers = full, PartyMembers = full, CommitteeSize = committee };
        Codes(facts).ShouldBe(Expected(expected));
    }

    [Theory]
    [InlineData(50, "")]
    [InlineData(51, "BRANCH_TOO_LARGE")]
    public void Evaluate_PartyMembersAroundFifty_TooLargeAboveFifty(int party, string expected)
    {
        // Full members stay below the committee threshold, probationary members make up the rest.
        var facts = Healthy() with { FullMembers = 5, PartyMembers = party };
        Codes(facts).ShouldBe(Expected(expected));
    }

    [Theory]
    [InlineData(7, "")]
    [InlineData(8, "COMMITTEE_TOO_LARGE")]
    public void Evaluate_CommitteeSizeAroundSeven_TooLargeAboveSeven(int size, string expected)
    {
        var facts = Healthy() with { FullMembers = 30, PartyMembers = 30, CommitteeSize = size };
        Codes(facts).ShouldBe(Expected(expected));
    }

    [Theory]
    [InlineData(-1, 0, "TERM_EXPIRED")]
    [InlineData(0, 0, "TERM_EXPIRING")]
    [InlineData(0, 6, "TERM_EXPIRING")]
    [InlineData(1, 6, "")]
    [InlineData(0, 12, "")]
    public void Evaluate_TermEndAroundSixMonths_ExpiringWithinWindowExpiredAfter(int extraDays, int months, string expected)
    {
        var end = Today.AddMonths(months).AddDays(extraDays);
        var facts = Healthy() with { TermEndOn = end, CommitteeSize = 3 };
        Codes(facts).ShouldBe(Expected(expected));
    }

    [Theory]
    [InlineData(OrgUnitKind.PartyCommittee)]
    [InlineData(OrgUnitKind.GeneralBranch)]
    public void Evaluate_ExpiredTermOfHigherUnit_TermWarningButNoBranchWarnings(OrgUnitKind kind)
    {
        // Numbers that would break every branch rule: they do not apply above the branch.
        var facts = new UnitFacts(kind, OrgSetup.Standalone, FullMembers: 2, PartyMembers: 400, CommitteeSize: 9,
            TermEndOn: Today.AddDays(-1), Today);
        Codes(facts).ShouldBe(["TERM_EXPIRED"]);
    }

    [Fact]
    public void Evaluate_GroupBreakingEveryBranchNumber_NoWarnings()
    {
        // 党小组 elect no committee and are not branches: neither the branch nor the term rules apply.
        var facts = new UnitFacts(OrgUnitKind.Group, OrgSetup.Standalone, FullMembers: 8, PartyMembers: 60, CommitteeSize: 9,
            TermEndOn: Today.AddDays(-1), Today);
        Codes(facts).ShouldBeEmpty();
        Codes(facts with { FullMembers = 1, PartyMembers = 1, CommitteeSize = 0 }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(OrgUnitKind.PartyCommittee)]
    [InlineData(OrgUnitKind.GeneralBranch)]
    [InlineData(OrgUnitKind.Group)]
    public void Evaluate_UnitOtherThanBranch_WarningsDoNotDependOnTheRoll(OrgUnitKind kind)
    {
        // GetOrgUnitWarnings counts the roll only for branches and passes 0 for other units; this is what makes that right.
        foreach (var termEnd in new DateOnly?[] { null, Today.AddDays(-1), Today.AddDays(10), Today.AddYears(2) })
        {
            var uncounted = new UnitFacts(kind, OrgSetup.Standalone, FullMembers: 0, PartyMembers: 0, CommitteeSize: 3, termEnd, Today);
            foreach (var (full, party) in new[] { (1, 1), (2, 400), (7, 7), (60, 80) })
            {
                Codes(uncounted with { FullMembers = full, PartyMembers = party }).ShouldBe(Codes(uncounted));
            }
        }
    }

    [Fact]
    public void Evaluate_SeveralRulesBroken_EachReportedWithItsArticle()
    {
        var facts = new UnitFacts(OrgUnitKind.Branch, OrgSetup.Standalone, FullMembers: 55, PartyMembers: 60, CommitteeSize: 0,
            TermEndOn: Today.AddDays(-30), Today);
        var warnings = UnitWarningRules.Evaluate(facts, Defaults);
        warnings.Select(w => w.Code).Order(StringComparer.Ordinal)
            .ShouldBe(["BRANCH_NEEDS_COMMITTEE", "BRANCH_TOO_LARGE", "TERM_EXPIRED"]);
        warnings.ShouldAllBe(w => w.Article.StartsWith("《"));
    }

    [Fact]
    public void Evaluate_ExpiringTerm_ArgumentsCarryDaysLeft()
    {
        var warning = UnitWarningRules.Evaluate(Healthy() with { TermEndOn = Today.AddDays(10) }, Defaults).Single();
        warning.Code.ShouldBe("TERM_EXPIRING");
        warning.Args.ShouldContain(10);
        warning.Args.ShouldContain("2026-12-02");
    }

    [Fact]
    public void Evaluate_ConfiguredThresholds_AreHonoured()
    {
        var strict = new OrgRulesOptions { CommitteeThreshold = 5, MaxBranchMembers = 30 };
        var facts = Healthy() with { FullMembers = 5, PartyMembers = 31 };
        UnitWarningRules.Evaluate(facts, strict).Select(w => w.Code).Order(StringComparer.Ordinal)
            .ShouldBe(["BRANCH_NEEDS_COMMITTEE", "BRANCH_TOO_LARGE"]);
    }

    private static string[] Expected(string codes) =>
        codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToArray();
}

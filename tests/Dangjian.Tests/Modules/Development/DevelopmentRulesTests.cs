using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Modules.Development;

/// <summary>Every timing and eligibility rule of 发展党员 (docs/rules/development.md) at its boundary, with the article it names.</summary>
public sealed class DevelopmentRulesTests
{
    private static readonly DevelopmentOptions O = new();
    private static readonly DateOnly Today = new(2026, 11, 22);

    // The real resources (neutral = zh-CN), so the rule tables read the messages a user reads.
    private static readonly IStringLocalizer<DevelopmentText> Text = new StringLocalizer<DevelopmentText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CaseFacts Facts(string application, params (int Step, string Date, StepData? Data)[] done) =>
        new(D("1990-01-01"), D(application), CaseStatus.Open, done.Select(d => new DoneStep(d.Step, D(d.Date), d.Data ?? new StepData())).ToList(), null, null, 0);

    private static StepVerdict Check(int step, string date, CaseFacts facts, StepData? data = null, IReadOnlyList<PersonFacts>? people = null,
        OrgUnitKind? approver = null) =>
        DevelopmentRules.Check(new StepContext(step, D(date), Today, data ?? new StepData(), facts, people ?? [], approver), O, Text);

    /// <summary>A case that has reached <paramref name="upTo"/> with plausible dates.</summary>
    private static CaseFacts Through(int upTo, string activistOn = "2024-03-10", string? resolution = null, string? probationEnd = null, int extended = 0,
        bool vettingPassed = true, string vettingOn = "2025-05-01")
    {
        var done = new List<DoneStep> { new(1, D("2023-12-01"), new StepData()), new(2, D("2023-12-20"), new StepData()) };
        for (var s = 3; s <= upTo; s++)
        {
            var date = s switch
            {
                3 => D(activistOn), < 7 => D(activistOn).AddMonths(s - 3), 7 => D(activistOn).AddYears(1), < 10 => D("2025-04-01"),
                10 => D(vettingOn), < 15 => D("2025-05-20"), 15 => D(resolution ?? "2025-06-10"), _ => D(resolution ?? "2025-06-10").AddDays(s),
            };
            done.Add(new DoneStep(s, date, s == 10 ? new StepData { VettingPassed = vettingPassed } : new StepData()));
        }
        var res = upTo >= 15 ? D(resolution ?? "2025-06-10") : (DateOnly?)null;
        var end = probationEnd is not null ? D(probationEnd) : res?.AddMonths(12 + extended);
        return new CaseFacts(D("1990-01-01"), D("2023-12-01"), upTo >= 17 ? CaseStatus.Probation : CaseStatus.Open, done, res, end, extended);
    }

    [Theory]
    [InlineData("2008-11-22", "2026-11-22", true)]   // 18th birthday: allowed
    [InlineData("2008-11-23", "2026-11-22", false)]  // one day short
    [InlineData("2008-02-29", "2026-02-28", true)]   // born on 29 February: 18 on 28 February in a common year
    [InlineData("2008-02-29", "2026-02-27", false)]
    public void Step1_Age18OnTheApplicationDate(string birth, string applied, bool allowed)
    {
        var facts = new CaseFacts(D(birth), D(applied), CaseStatus.Open, [], null, null, 0);
        var v = DevelopmentRules.Check(new StepContext(1, D(applied), Today, new StepData(), facts, [], null), O, Text);
        (v.Refusal is null).ShouldBe(allowed);
        if (!allowed)
        {
            v.Refusal!.Status.ShouldBe(422);
            v.Refusal.Article.ShouldBe("《中国共产党发展党员工作细则》第五条");
        }
    }

    [Theory]
    [InlineData("2026-03-10", false)] // exactly one month: on time
    [InlineData("2026-03-11", true)]  // one day late: a warning that stays
    public void Step2_TalkWithinOneMonth_LateIsAWarning(string talk, bool warned)
    {
        var v = Check(2, talk, Facts("2026-02-10", (1, "2026-02-10", null)), new StepData { Talker = "张书记" });
        v.Refusal.ShouldBeNull();
        (v.Warnings.Count == 1).ShouldBe(warned);
        if (warned) v.Warnings[0].ShouldContain("第七条");
    }

    [Theory]
    [InlineData("2026-03-09", false)] // activist on 2025-03-10: refused the day before the anniversary
    [InlineData("2026-03-10", true)]
    [InlineData("2026-03-11", true)]
    public void Step7_OneYearAsActivist(string date, bool allowed)
    {
        var facts = Facts("2024-12-01", (1, "2024-12-01", null), (2, "2024-12-15", null), (3, "2025-03-10", null), (4, "2025-03-20", null),
            (5, "2025-03-25", null), (6, "2025-09-10", null));
        var v = Check(7, date, facts);
        (v.Refusal is null).ShouldBe(allowed);
        if (!allowed)
        {
            v.Refusal!.Article.ShouldBe("《中国共产党发展党员工作细则》第十三条");
            v.Refusal.Message.ShouldContain("2026年3月10日");
        }
    }

    [Theory]
    [InlineData("2025-09-10", 0)] // six months after the activist date
    [InlineData("2025-09-11", 1)]
    public void Step6_AssessmentEverySixMonths(string date, int warnings)
    {
        var facts = Facts("2024-12-01", (1, "2024-12-01", null), (2, "2024-12-15", null), (3, "2025-03-10", null), (4, "2025-03-20", null), (5, "2025-03-25", null));
        Check(6, date, facts).Warnings.Count.ShouldBe(warnings);
    }

    [Fact]
    public void Order_SkippingASteps_RefusedNamingTheNextOne()
    {
        var v = Check(7, "2026-11-01", Facts("2025-01-01", (1, "2025-01-01", null), (2, "2025-01-10", null), (3, "2025-02-01", null)));
        v.Refusal!.Code.ShouldBe("DEV_ORDER");
        v.Refusal.Message.ShouldContain("第4步");
        var earlier = Check(4, "2025-01-31", Facts("2025-01-01", (1, "2025-01-01", null), (2, "2025-01-10", null), (3, "2025-02-01", null)));
        earlier.Refusal!.Code.ShouldBe("DEV_DATE_ORDER");
    }

    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    [Theory]
    [InlineData("AB", "", true, null)]
    [InlineData("A", "", false, "DEV_SPONSORS")]      // one sponsor
    [InlineData("ABC", "", false, "DEV_SPONSORS")]    // three
    [InlineData("AA", "", false, "DEV_SPONSORS")]     // the same person twice
    [InlineData("AB", "notFullB", false, "DEV_SPONSORS")]
    [InlineData("AB", "punishedB", false, "DEV_SPONSOR_PUNISHED")] // 留党察看, rights not restored
    public void Step9_TwoFullMembersNoneUnderProbationPunishment(string sponsors, string flaw, bool allowed, string? code)
    {
        var ids = sponsors.Select(ch => ch switch { 'A' => A, 'B' => B, _ => C }).ToList();
        var people = new[] { A, B, C }.Select(id => new PersonFacts(id, id == A ? "甲" : id == B ? "乙" : "丙",
            IsFullMember: !(id == B && flaw == "notFullB"), OnRoll: true, UnderProbationPunishment: id == B && flaw == "punishedB")).ToList();
        var v = Check(9, "2025-04-05", Through(8), new StepData { SponsorIds = ids }, people);
        (v.Refusal is null).ShouldBe(allowed);
        v.Refusal?.Code.ShouldBe(code);
        if (!allowed) v.Refusal!.Article.ShouldBe("《中国共产党发展党员工作细则》第十四条");
    }

    [Theory]
    [InlineData(3, 0, true)]
    [InlineData(0, 24, true)]
    [InlineData(2, 23, false)]
    [InlineData(2, 16, false)]
    public void Step11_TrainingThreeDaysOr24Hours(int days, int hours, bool allowed)
    {
        var v = Check(11, "2025-05-20", Through(10), new StepData { TrainingDays = days, TrainingHours = hours });
        (v.Refusal is null).ShouldBe(allowed);
        if (!allowed) v.Refusal!.Article.ShouldBe("《中国共产党发展党员工作细则》第十七条");
    }

    [Theory]
    [InlineData("2025-05-12", "2025-05-16", true)]  // Monday to Friday: 5 working days
    [InlineData("2025-05-13", "2025-05-19", true)]  // Tuesday to Monday over a weekend: 5
    [InlineData("2025-05-13", "2025-05-18", false)] // Tuesday to Sunday: 4
    public void Step12_PublicNoticeFiveWorkingDays(string from, string to, bool allowed)
    {
        var v = Check(12, "2025-05-20", Through(11), new StepData { NoticeFrom = D(from), NoticeTo = D(to) });
        (v.Refusal is null).ShouldBe(allowed);
    }

    [Theory]
    // entitled, present, yes, candidates → refusal code (null = passes)
    [InlineData(20, 11, 11, 1, null)]
    [InlineData(20, 10, 10, 1, "DEV_QUORUM")]        // exactly half present: no quorum
    [InlineData(20, 20, 10, 1, "DEV_VOTE_FAILED")]   // exactly half yes: fails
    [InlineData(21, 11, 11, 1, null)]                // 11 of 21 is more than half
    [InlineData(20, 15, 11, 2, "DEV_ONE_AT_A_TIME")] // two candidates in one vote
    [InlineData(20, 21, 11, 1, "DEV_VOTE_COUNTS")]
    public void Step15_QuorumAndYesVotesOverHalfOfThoseEntitled(int entitled, int present, int yes, int candidates, string? code)
    {
        var v = Check(15, "2025-06-10", Through(14),
            new StepData { VotersEntitled = entitled, VotersPresent = present, VotesYes = yes, CandidatesInVote = candidates });
        v.Refusal?.Code.ShouldBe(code);
        if (code is null) v.Refusal.ShouldBeNull();
        if (code == "DEV_QUORUM") v.Refusal!.Article.ShouldBe("《中国共产党发展党员工作细则》第二十条");
        if (code == "DEV_VOTE_FAILED") v.Refusal!.Article.ShouldBe("《中国共产党发展党员工作细则》第二十一条");
    }

    [Theory]
    [InlineData(true, "2025-05-01", "2026-05-01", null)]                   // vetting exactly 12 months old: still valid
    [InlineData(true, "2025-05-01", "2026-05-02", "DEV_VETTING_EXPIRED")]
    [InlineData(false, "2025-05-01", "2025-06-10", "DEV_VETTING")]          // failed vetting: no admission
    public void Step15_PoliticalVettingPassedAndValid(bool passed, string vettingOn, string meeting, string? code)
    {
        var v = Check(15, meeting, Through(14, vettingPassed: passed, vettingOn: vettingOn),
            new StepData { VotersEntitled = 10, VotersPresent = 10, VotesYes = 10, CandidatesInVote = 1 });
        v.Refusal?.Code.ShouldBe(code);
        if (code is null) v.Refusal.ShouldBeNull();
    }

    [Theory]
    [InlineData("2025-09-10", OrgUnitKind.PartyCommittee, null, null)]                  // 3 months after the resolution
    [InlineData("2025-09-11", OrgUnitKind.PartyCommittee, null, "DEV_APPROVAL_DELAY_REASON")]
    [InlineData("2025-09-11", OrgUnitKind.PartyCommittee, "党委换届", null)]            // with a reason
    [InlineData("2025-12-10", OrgUnitKind.PartyCommittee, "党委换届", null)]            // 6 months: the limit
    [InlineData("2025-12-11", OrgUnitKind.PartyCommittee, "党委换届", "DEV_APPROVAL_LATE")]
    [InlineData("2025-07-01", OrgUnitKind.GeneralBranch, null, "DEV_APPROVER")]         // a 党总支 cannot approve
    public void Step17_ApprovalWithinThreeMonthsNeverByAGeneralBranch(string date, OrgUnitKind approver, string? reason, string? code)
    {
        var facts = Through(16, resolution: "2025-06-10");
        var v = Check(17, date, facts with { Done = [.. facts.Done.Take(facts.Done.Count - 1), new DoneStep(16, D("2025-06-20"), new StepData())] },
            new StepData { DelayReason = reason }, approver: approver);
        v.Refusal?.Code.ShouldBe(code);
        if (code is null) v.Refusal.ShouldBeNull();
        if (code is not null) v.Refusal!.Article.ShouldBe("《中国共产党发展党员工作细则》第二十四条");
    }

    [Theory]
    [InlineData("2025-06-10", 0, "2026-06-10")] // probation ends on the anniversary of the resolution
    [InlineData("2024-02-29", 0, "2025-02-28")] // a leap-day resolution ends on 28 February
    [InlineData("2025-06-10", 6, "2026-12-10")]
    [InlineData("2025-08-31", 6, "2027-02-28")]
    public void ProbationEnd_AnniversaryPlusExtension(string resolution, int extended, string end)
    {
        DevelopmentRules.ProbationEnd(D(resolution), 12, extended).ShouldBe(D(end));
    }

    [Theory]
    [InlineData("2026-06-09", "DEV_PROBATION_NOT_OVER")]
    [InlineData("2026-06-10", null)]
    public void Step23_NotBeforeProbationEnds(string date, string? code)
    {
        var v = Check(23, date, Through(22, resolution: "2025-06-10"), Vote() with { Outcome = "OnTime" });
        v.Refusal?.Code.ShouldBe(code);
        if (code is null) v.Refusal.ShouldBeNull();
        else v.Refusal!.Article.ShouldBe("《中国共产党发展党员工作细则》第三十二条");
    }

    [Theory]
    [InlineData(6, 0, null)]
    [InlineData(12, 0, null)]
    [InlineData(5, 0, "DEV_EXTENSION_LENGTH")]
    [InlineData(13, 0, "DEV_EXTENSION_LENGTH")]
    [InlineData(6, 6, "DEV_EXTENDED_TWICE")] // extended once already
    public void Step23_ExtendOnceBySixToTwelveMonths(int months, int alreadyExtended, string? code)
    {
        var facts = Through(22, resolution: "2025-01-10", extended: alreadyExtended);
        var v = Check(23, "2026-08-15", facts, Vote() with { Outcome = "Extend", ExtendMonths = months });
        v.Refusal?.Code.ShouldBe(code);
        if (code is null) v.Refusal.ShouldBeNull();
        else v.Refusal!.Article.ShouldBe("《中国共产党发展党员工作细则》第三十三条");
    }

    [Fact]
    public void Allowed_AfterExtensionBackToTheApplication_AfterCancelNothing()
    {
        var facts = Through(22);
        (facts with { Done = [.. facts.Done, new DoneStep(23, D("2026-06-10"), new StepData { Outcome = "Extend" })] }).Allowed.ShouldBe([22]);
        (facts with { Done = [.. facts.Done, new DoneStep(23, D("2026-06-10"), new StepData { Outcome = "Cancel" })] }).Allowed.ShouldBeEmpty();
        Through(6).Allowed.ShouldBe([6, 7]);
    }

    [Fact]
    public void WorkingDays_CountsMondayToFridayInclusive()
    {
        DevelopmentRules.WorkingDays(D("2026-11-16"), D("2026-11-22")).ShouldBe(5); // Mon..Sun
        DevelopmentRules.WorkingDays(D("2026-11-21"), D("2026-11-22")).ShouldBe(0); // a weekend
    }

    private static StepData Vote() => new() { VotersEntitled = 10, VotersPresent = 8, VotesYes = 8, CandidatesInVote = 1, NoticeFrom = D("2026-05-25"), NoticeTo = D("2026-05-29") };
}

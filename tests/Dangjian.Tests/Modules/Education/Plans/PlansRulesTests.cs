using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Plans;
using Dangjian.Web.Modules.Education.Plans.Recommendations;
using Dangjian.Web.Modules.Members;

namespace Dangjian.Tests.Modules.Education.Plans;

/// <summary>The Plans feature's pure rules: E-3 (docs/rules/education.md#e-3), the audiences and the recommendation ranking.</summary>
public sealed class PlansRulesTests
{
    // docs/rules/education.md#e-3: probationary members and new full members attend one centralised course.
    [Theory]
    [InlineData(PlanAudience.Probationary, "", false)]
    [InlineData(PlanAudience.Probationary, "Live:required", true)]
    [InlineData(PlanAudience.Probationary, "Live:optional", false)]   // an optional session does not make anyone attend
    [InlineData(PlanAudience.Probationary, "Video:required", false)]  // online study is not a centralised course
    [InlineData(PlanAudience.NewMembers, "Article:required,Live:required", true)]
    [InlineData(PlanAudience.NewMembers, "Article:required", false)]
    [InlineData(PlanAudience.AllMembers, "", true)]                   // not concerned
    [InlineData(PlanAudience.Leaders, "Video:required", true)]
    public void E3_CentralisedCourse(PlanAudience audience, string items, bool met)
    {
        var list = items.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(i => (i.EndsWith(":required", StringComparison.Ordinal), Enum.Parse<CourseKind>(i.Split(':')[0]))).ToList();
        CentralisedCourseRule.Met(audience, list).ShouldBe(met);
        CentralisedCourseRule.Citation.ShouldBe("docs/rules/education.md#e-3");
    }

    private static readonly DateOnly AsOf = new(2026, 12, 1);

    [Theory]
    [InlineData(PlanAudience.AllMembers, MemberCategory.Full, MembershipStatus.Normal, "2010-07-01", "2011-07-01", false, null, false, true)]
    [InlineData(PlanAudience.AllMembers, MemberCategory.Activist, MembershipStatus.Normal, null, null, false, null, false, false)] // not a party member
    [InlineData(PlanAudience.AllMembers, MemberCategory.Full, MembershipStatus.Suspended, "2010-07-01", "2011-07-01", false, null, false, false)]
    [InlineData(PlanAudience.Leaders, MemberCategory.Full, MembershipStatus.Normal, "2010-07-01", "2011-07-01", false, null, true, true)]
    [InlineData(PlanAudience.Leaders, MemberCategory.Full, MembershipStatus.Normal, "2010-07-01", "2011-07-01", false, null, false, false)]
    [InlineData(PlanAudience.NewMembers, MemberCategory.Probationary, MembershipStatus.Normal, "2025-12-02", null, false, null, false, true)] // a year less a day
    [InlineData(PlanAudience.NewMembers, MemberCategory.Probationary, MembershipStatus.Normal, "2025-12-01", null, false, null, false, false)] // exactly a year
    [InlineData(PlanAudience.NewMembers, MemberCategory.Full, MembershipStatus.Normal, "2024-12-01", "2026-06-01", false, null, false, true)] // full within a year
    [InlineData(PlanAudience.NewMembers, MemberCategory.Full, MembershipStatus.Normal, "2010-07-01", "2011-07-01", false, null, false, false)]
    [InlineData(PlanAudience.Probationary, MemberCategory.Probationary, MembershipStatus.Normal, "2026-03-01", null, false, null, false, true)]
    [InlineData(PlanAudience.Probationary, MemberCategory.Full, MembershipStatus.Normal, "2010-07-01", "2011-07-01", false, null, false, false)]
    [InlineData(PlanAudience.Mobile, MemberCategory.Full, MembershipStatus.Normal, "2010-07-01", "2011-07-01", true, null, false, true)]
    [InlineData(PlanAudience.Mobile, MemberCategory.Full, MembershipStatus.Normal, "2010-07-01", "2011-07-01", false, null, false, false)]
    [InlineData(PlanAudience.Retired, MemberCategory.Full, MembershipStatus.Normal, "2010-07-01", "2011-07-01", false, "retired", false, true)]
    [InlineData(PlanAudience.Retired, MemberCategory.Full, MembershipStatus.Normal, "2010-07-01", "2011-07-01", false, "other", false, false)]
    public void Audience_FromTheRecord(PlanAudience audience, MemberCategory category, MembershipStatus status, string? joined, string? full, bool mobile,
        string? job, bool sits, bool expected)
    {
        var jobPost = job == "retired" ? AudienceRules.RetiredJobPost : job;
        var facts = new AudienceFacts(category, status, joined is null ? null : DateOnly.Parse(joined, System.Globalization.CultureInfo.InvariantCulture),
            full is null ? null : DateOnly.Parse(full, System.Globalization.CultureInfo.InvariantCulture), mobile, jobPost, sits);
        AudienceRules.Matches(audience, facts, AsOf).ShouldBe(expected);
    }

    [Theory]
    [InlineData(2026, "2026-05-10", "2026-05-10")]
    [InlineData(2025, "2026-05-10", "2025-12-31")]
    [InlineData(2027, "2026-05-10", "2027-01-01")]
    public void AsOf_TheYearsDay(int year, string today, string expected) =>
        AudienceRules.AsOf(year, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static RecommendationCandidate C(string name, CourseCategory category = CourseCategory.Theory, bool required = false, string? due = null,
        int publishedDay = 0, bool completed = false, bool studied = false) =>
        new(new Guid(name.PadLeft(32, '0')), name, category, required, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            T0.AddDays(publishedDay), completed, studied);

    public static TheoryData<string, RecommendationCandidate[], CourseCategory[], string> Rankings => new()
    {
        // Required first, nearest deadline first, without a deadline after.
        { "deadlines", [C("1", required: true), C("2", required: true, due: "2026-06-01"), C("3", required: true, due: "2026-04-01")], [], "3:Required,2:Required,1:Required" },
        // A completed course is never recommended, required or not.
        { "completed", [C("1", required: true, completed: true), C("2", publishedDay: 1, completed: true), C("3")], [], "3:Newest" },
        // Under-target categories before the newest; a course already studied does not fill a gap.
        { "gaps", [C("1", CourseCategory.Policy, publishedDay: 9), C("2", CourseCategory.PartyHistory, publishedDay: 1), C("3", CourseCategory.PartyHistory, publishedDay: 5, studied: true)],
            [CourseCategory.PartyHistory], "2:CategoryGap,1:Newest,3:Newest" },
        // The rest newest first.
        { "newest", [C("1", publishedDay: 1), C("2", publishedDay: 3), C("3", publishedDay: 2)], [], "2:Newest,3:Newest,1:Newest" },
        { "all three", [C("1", publishedDay: 9), C("2", CourseCategory.Integrity), C("3", required: true, due: "2026-12-31")], [CourseCategory.Integrity],
            "3:Required,2:CategoryGap,1:Newest" },
    };

    [Theory]
    [MemberData(nameof(Rankings))]
    public void Recommendations_RankedByGaps(string caseName, RecommendationCandidate[] candidates, CourseCategory[] under, string expected)
    {
        var ranked = RecommendationRanking.Rank(candidates, under.ToHashSet(), 10);
        string.Join(",", ranked.Select(r => $"{r.Course.Title}:{r.Reason}")).ShouldBe(expected, caseName);
    }

    [Fact]
    public void Recommendations_Take() =>
        RecommendationRanking.Rank([C("1"), C("2"), C("3")], new HashSet<CourseCategory>(), 2).Count.ShouldBe(2);
}

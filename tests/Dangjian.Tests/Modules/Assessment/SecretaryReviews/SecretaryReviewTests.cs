using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Assessment.SecretaryReviews;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Assessment.SecretaryReviews;

/// <summary>书记述职评议: the rules (PA-20..PA-22) by their tables, and a campaign through the app.</summary>
public sealed class SecretaryReviewTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(new[] { 90 }, new[] { 80 }, 50, 85.0)]
    [InlineData(new[] { 90, 91 }, new[] { 80, 81, 82 }, 50, 85.8)]     // 90.5 × 0.5 + 81 × 0.5 = 85.75 → 85.8 (half away from zero)
    [InlineData(new[] { 100 }, new[] { 0 }, 70, 70.0)]
    [InlineData(new[] { 88 }, new int[0], 50, 88.0)]                   // one side only: its mean
    [InlineData(new int[0], new[] { 77, 78 }, 50, 77.5)]
    [InlineData(new[] { 60 }, new[] { 100 }, 0, 100.0)]
    public void Rating_WeightsSuperiorAndMembers(int[] superior, int[] members, int weight, double expected) =>
        SecretaryReviewRules.Rating(superior, members, weight).ShouldBe((decimal)expected);

    [Fact]
    public void Rating_WithoutScores_IsNone() => SecretaryReviewRules.Rating([], [], 50).ShouldBeNull();

    [Theory]
    [InlineData(90.0, SecretaryRating.Good)]
    [InlineData(89.9, SecretaryRating.FairlyGood)]
    [InlineData(80.0, SecretaryRating.FairlyGood)]
    [InlineData(79.9, SecretaryRating.Average)]
    [InlineData(60.0, SecretaryRating.Average)]
    [InlineData(59.9, SecretaryRating.Poor)]
    public void Band_AtTheBoundaries(double rating, SecretaryRating expected) => SecretaryReviewRules.Band((decimal)rating, 90, 80, 60).ShouldBe(expected);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Score_InRange(int score, bool ok) => SecretaryReviewRules.InRange(score).ShouldBe(ok);

    [Theory]
    [InlineData(OrgUnitKind.PartyCommittee, true)]
    [InlineData(OrgUnitKind.GeneralBranch, true)]
    [InlineData(OrgUnitKind.Branch, false)]
    [InlineData(OrgUnitKind.Group, false)]
    public void CanReview_CommitteesAndGeneralBranches(OrgUnitKind kind, bool ok) => SecretaryReviewRules.CanReview(kind).ShouldBe(ok);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(59, true)]
    [InlineData(60, false)] // closes is excluded
    public void Window_IsHalfOpen(int minutesAfterOpening, bool open)
    {
        var opens = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
        SecretaryReviewRules.IsOpen(opens.AddMinutes(minutesAfterOpening), opens, opens.AddHours(1)).ShouldBe(open);
    }

    private sealed record World(TestTenant Tenant, OrgUnit BranchA, OrgUnit BranchB, HttpClient Committee, HttpClient SecretaryA, HttpClient MemberA,
        HttpClient MemberA2, HttpClient MemberB, HttpClient OtherCommittee, Guid SecretaryAId, Guid SecretaryBId);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var a = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("甲支部"));
        var b = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("乙支部"));
        var noSecretary = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("无书记支部"));
        var elsewhere = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.GeneralBranch, TestTenant.Unique("另一党总支"));
        var membersA = await tenant.AddMembersAsync(a, 3);
        var membersB = await tenant.AddMembersAsync(b, 2);
        await tenant.AddMembersAsync(noSecretary, 1);
        var today = tenant.Today;
        var termA = await tenant.AddTermAsync(a, today.AddYears(-1), today.AddYears(2), membersA[0].Name, membersA[1].Name);
        var termB = await tenant.AddTermAsync(b, today.AddYears(-1), today.AddYears(2), membersB[0].Name);
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            foreach (var (term, member) in new[] { (termA, membersA[0]), (termB, membersB[0]) })
                await db.CommitteeMembers.Where(c => c.TermId == term.Id && c.Name == member.Name).ExecuteUpdateAsync(s => s.SetProperty(c => c.MemberId, member.Id));
        });
        return new World(tenant, a, b,
            await app.ClientForAsync(await tenant.AddUserAsync(tenant.Root, AppRole.OrganizationCommissioner)),
            await app.ClientForAsync(await tenant.AddMemberAccountAsync(a, membersA[0].Id)),
            await app.ClientForAsync(await tenant.AddMemberAccountAsync(a, membersA[1].Id)),
            await app.ClientForAsync(await tenant.AddMemberAccountAsync(a, membersA[2].Id)),
            await app.ClientForAsync(await tenant.AddMemberAccountAsync(b, membersB[1].Id)),
            await app.ClientForAsync(await tenant.AddUserAsync(elsewhere, AppRole.BranchSecretary)),
            membersA[0].Id, membersB[0].Id);
    }

    [Fact]
    public async Task Campaign_ReportScoreRateRank_ThroughTheApp()
    {
        var w = await WorldAsync();
        var now = app.Clock.GetUtcNow();
        using var onBranch = await w.Committee.PostAsJsonAsync("/api/v1/secretary-reviews", new
        {
            orgUnitId = w.BranchA.Id, year = 2025, title = "述职评议", opensAt = now.AddHours(-1), closesAt = now.AddHours(2),
        });
        (await onBranch.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("article").ShouldBe("docs/rules/points-and-assessment.md#pa-20");
        using var badDates = await w.Committee.PostAsJsonAsync("/api/v1/secretary-reviews", new
        {
            orgUnitId = w.Tenant.Root.Id, year = 2025, title = "述职评议", opensAt = now.AddHours(2), closesAt = now.AddHours(1),
        });
        (await badDates.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().ContainsKey("closesAt").ShouldBeTrue();
        (await w.OtherCommittee.PostAsJsonAsync("/api/v1/secretary-reviews", new
        {
            orgUnitId = w.Tenant.Root.Id, year = 2025, title = "越权", opensAt = now.AddHours(-1), closesAt = now.AddHours(2),
        })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var created = await w.Committee.PostAsJsonAsync("/api/v1/secretary-reviews", new
        {
            orgUnitId = w.Tenant.Root.Id, year = 2025, title = "2025年度党支部书记述职评议", opensAt = now.AddHours(-1), closesAt = now.AddHours(2),
        });
        var detail = (await created.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        var reviewId = detail["review"]!.Id();
        var lines = detail["secretaries"]!.AsArray();
        lines.Count.ShouldBe(2); // the branch without a secretary is not reviewed
        var reportA = lines.Single(l => l!.Id("branchId") == w.BranchA.Id)!.Id("reportId");
        var reportB = lines.Single(l => l!.Id("branchId") == w.BranchB.Id)!.Id("reportId");
        (await w.Committee.PostAsJsonAsync("/api/v1/secretary-reviews", new
        {
            orgUnitId = w.Tenant.Root.Id, year = 2025, title = "again", opensAt = now.AddHours(-1), closesAt = now.AddHours(2),
        })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The secretary reports; nobody else may write it.
        string Url(Guid report, string what) => $"/api/v1/secretary-reviews/{reviewId}/reports/{report}/{what}";
        (await w.MemberA.PostAsJsonAsync(Url(reportA, "report"), new { report = "代写" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await w.SecretaryA.PostAsJsonAsync(Url(reportA, "report"), new { report = "一年来的工作", keyFigures = "支部党员大会4次" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Members score their own branch's secretary once; not another branch's, not themselves, not out of range.
        using (var self = await w.SecretaryA.PostAsJsonAsync(Url(reportA, "score"), new { reviewScore = 100 }))
            (await self.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("code").ShouldBe("SECRETARY_SELF_SCORE");
        using (var high = await w.MemberA.PostAsJsonAsync(Url(reportA, "score"), new { reviewScore = 101 }))
            (await high.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().ContainsKey("reviewScore").ShouldBeTrue();
        (await w.MemberA.PostAsJsonAsync(Url(reportA, "score"), new { reviewScore = 80, comment = "好" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await w.MemberA.PostAsJsonAsync(Url(reportA, "score"), new { reviewScore = 90 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await w.MemberA2.PostAsJsonAsync(Url(reportA, "score"), new { reviewScore = 81 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await w.MemberA.PostAsJsonAsync(Url(reportB, "score"), new { reviewScore = 70 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.MemberB.PostAsJsonAsync(Url(reportB, "score"), new { reviewScore = 60 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await w.Committee.PostAsJsonAsync(Url(reportA, "score"), new { reviewScore = 90 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await w.Committee.PostAsJsonAsync(Url(reportB, "score"), new { reviewScore = 70 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await w.OtherCommittee.GetAsync($"/api/v1/secretary-reviews/{reviewId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A member sees their branch's line without the scores; the committee sees the rating and rank.
        var memberView = await w.MemberA.GetJsonAsync($"/api/v1/secretary-reviews/{reviewId}");
        var seen = memberView["secretaries"]!.AsArray().Single()!;
        (seen.Id("reportId"), seen["rating"], seen["scored"]!.GetValue<bool>()).ShouldBe((reportA, (System.Text.Json.Nodes.JsonNode?)null, true));
        var results = (await w.Committee.GetJsonAsync($"/api/v1/secretary-reviews/{reviewId}"))["secretaries"]!.AsArray().Select(x => x!).ToList();
        results[0].Id("reportId").ShouldBe(reportA);
        (results[0]["rating"]!.GetValue<decimal>(), results[0].Str("band"), results[0]["rank"]!.GetValue<int>()).ShouldBe((85.3m, "FairlyGood", 1)); // 90 × .5 + 80.5 × .5 = 85.25
        (results[1]["rating"]!.GetValue<decimal>(), results[1].Str("band"), results[1]["rank"]!.GetValue<int>()).ShouldBe((65.0m, "Average", 2));

        (await w.SecretaryA.GetStringAsync("/assessment/secretary-reviews")).ShouldContain("data-testid=\"my-reviews\"");
        using var xlsx = await w.Committee.GetAsync($"/api/v1/secretary-reviews/{reviewId}/results.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        Dangjian.Web.Platform.Export.XlsxReader.ReadRows(await xlsx.Content.ReadAsStreamAsync()).Count().ShouldBe(3);
        (await w.MemberA.GetAsync($"/api/v1/secretary-reviews/{reviewId}/results.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await w.Committee.GetJsonAsync($"/api/v1/org-units/{w.Tenant.Root.Id}/secretary-reviews"))["items"]!.AsArray().Single()!.Id().ShouldBe(reviewId);

        // The pages: the committee's list and results, a member's score form.
        (await w.Committee.GetStringAsync("/assessment/secretary-reviews")).ShouldContain("2025年度党支部书记述职评议");
        (await w.Committee.GetStringAsync($"/assessment/secretary-reviews/{reviewId}")).ShouldContain("data-testid=\"review-results\"");
        (await w.MemberB.GetStringAsync("/assessment/secretary-reviews")).ShouldContain("data-testid=\"my-reviews\"");
    }

    [Fact]
    public async Task Scoring_OutsideTheWindow_IsRefusedNamingTheRule()
    {
        var w = await WorldAsync();
        var now = app.Clock.GetUtcNow();
        using var created = await w.Committee.PostAsJsonAsync("/api/v1/secretary-reviews", new
        {
            orgUnitId = w.Tenant.Root.Id, year = 2024, title = "未开始的评议", opensAt = now.AddDays(1), closesAt = now.AddDays(2),
        });
        var detail = (await created.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        var reviewId = detail["review"]!.Id();
        var reportA = detail["secretaries"]!.AsArray().Single(l => l!.Id("branchId") == w.BranchA.Id)!.Id("reportId");
        using var early = await w.MemberA.PostAsJsonAsync($"/api/v1/secretary-reviews/{reviewId}/reports/{reportA}/score", new { reviewScore = 90 });
        var refusal = (await early.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        (refusal.Str("code"), refusal.Str("article")).ShouldBe(("SECRETARY_REVIEW_NOT_OPEN", "docs/rules/points-and-assessment.md#pa-20"));
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.SecretaryScores.CountAsync(s => s.ReviewId == reviewId))).ShouldBe(0);
    }
}

using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.Appraisal;
using Dangjian.Web.Modules.Meetings.Appraisal.Handling;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>
/// 民主评议党员, complete: the weighted proposal (O-20), the cap on 优秀 (O-21) and the handling of members graded 不合格
/// (O-22), by their rule tables and through the app.
/// </summary>
public sealed class AppraisalCompleteTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly AppraisalWeights Default = new(10, 40, 20, 30);
    private static readonly AppraisalBands Bands = new(90, 70, 60);

    [Theory]
    [InlineData(AppraisalGrade.Qualified, 10, 0, 10, 0, 0, 80, 80, 80.0)]      // every part 80
    [InlineData(AppraisalGrade.Excellent, 10, 10, 0, 0, 0, 100, 100, 100.0)]
    [InlineData(null, 10, 10, 0, 0, 0, 90, 90, 94.4)]                            // no self-appraisal: (40×100 + 20×90 + 30×90) ÷ 90
    [InlineData(null, 0, 0, 0, 0, 0, 95, 85, 89.0)]                              // neither self nor votes: (20×95 + 30×85) ÷ 50
    [InlineData(AppraisalGrade.Qualified, 4, 1, 1, 1, 1, 70, 60, 68.0)]           // peers' mean (100+80+60+40)/4 = 70: (800 + 2800 + 1400 + 1800) ÷ 100
    [InlineData(AppraisalGrade.Unqualified, 2, 0, 0, 0, 2, 0, 0, 20.0)]
    public void Score_WeightsThePartsPresent(AppraisalGrade? self, int voters, int e, int q, int b, int u, int masses, int organisation, double expected) =>
        AppraisalWeighting.Score(Default, self, voters, e, q, b, u, masses, organisation).ShouldBe((decimal)expected);

    [Fact]
    public void Score_WithoutTheMassesOrTheOrganisationOrWeights_IsNone_AndTheVoteRuleProposes()
    {
        AppraisalWeighting.Score(Default, AppraisalGrade.Qualified, 10, 6, 4, 0, 0, null, 90).ShouldBeNull();
        AppraisalWeighting.Score(Default, AppraisalGrade.Qualified, 10, 6, 4, 0, 0, 90, null).ShouldBeNull();
        AppraisalWeighting.Score(new AppraisalWeights(0, 0, 0, 0), AppraisalGrade.Qualified, 10, 6, 4, 0, 0, 10, 10).ShouldBeNull();
        // O-15 unchanged for a tenant without weights: 6 of 10 优秀 proposes 优秀.
        AppraisalWeighting.Proposed(null, Bands, 10, 6, 4, 0, 0).ShouldBe(AppraisalGrade.Excellent);
    }

    [Theory]
    [InlineData(90.0, AppraisalGrade.Excellent)]
    [InlineData(89.9, AppraisalGrade.Qualified)]
    [InlineData(70.0, AppraisalGrade.Qualified)]
    [InlineData(69.9, AppraisalGrade.BasicallyQualified)]
    [InlineData(60.0, AppraisalGrade.BasicallyQualified)]
    [InlineData(59.9, AppraisalGrade.Unqualified)]
    [InlineData(0.0, AppraisalGrade.Unqualified)]
    public void Band_AtTheBoundaries(double score, AppraisalGrade expected) => AppraisalWeighting.Band((decimal)score, Bands).ShouldBe(expected);

    [Theory]
    [InlineData(10, 30, 3)]
    [InlineData(9, 30, 2)]   // 2.7 rounded down
    [InlineData(3, 30, 1)]   // 0.9 rounded down is 0, but one is always allowed
    [InlineData(2, 30, 1)]
    [InlineData(1, 30, 1)]
    [InlineData(0, 30, 0)]
    [InlineData(10, 0, 0)]   // a cap of 0 allows none
    [InlineData(20, 30, 6)]
    [InlineData(10, 100, null)] // no cap
    public void ExcellentCap_Allowed_RoundedDown(int appraised, int cap, int? expected) => ExcellentCapRule.Allowed(appraised, cap).ShouldBe(expected);

    [Theory]
    [InlineData(10, 3, true)]
    [InlineData(10, 4, false)]
    [InlineData(9, 3, false)]
    [InlineData(3, 1, true)]
    [InlineData(3, 2, false)]
    public void ExcellentCap_Within(int appraised, int excellent, bool within) => ExcellentCapRule.Within(appraised, excellent, 30).ShouldBe(within);

    private static readonly DateOnly Day = new(2026, 3, 1);

    [Theory]
    [InlineData(null, null, null, HandlingStep.CorrectionOrdered, 0, 90, HandlingVerdict.Ok)]
    [InlineData(null, null, null, HandlingStep.CorrectionOrdered, 0, null, HandlingVerdict.DeadlineRequired)]
    [InlineData(null, null, null, HandlingStep.CorrectionOrdered, 0, 0, HandlingVerdict.DeadlineRequired)]   // the deadline on the same day
    [InlineData(null, null, null, HandlingStep.Corrected, 0, null, HandlingVerdict.OutOfOrder)]
    [InlineData(null, null, null, HandlingStep.AdvisedToWithdraw, 0, null, HandlingVerdict.OutOfOrder)]
    [InlineData(null, null, null, HandlingStep.Removed, 0, null, HandlingVerdict.OutOfOrder)]
    [InlineData(HandlingStep.CorrectionOrdered, 0, 90, HandlingStep.Corrected, 30, null, HandlingVerdict.Ok)]
    [InlineData(HandlingStep.CorrectionOrdered, 0, 90, HandlingStep.AdvisedToWithdraw, 89, null, HandlingVerdict.BeforeDeadline)]
    [InlineData(HandlingStep.CorrectionOrdered, 0, 90, HandlingStep.AdvisedToWithdraw, 90, null, HandlingVerdict.Ok)]  // on the deadline
    [InlineData(HandlingStep.CorrectionOrdered, 0, 90, HandlingStep.Removed, 120, null, HandlingVerdict.OutOfOrder)]
    [InlineData(HandlingStep.CorrectionOrdered, 10, 90, HandlingStep.Corrected, 9, null, HandlingVerdict.BeforePrevious)]
    [InlineData(HandlingStep.AdvisedToWithdraw, 90, 90, HandlingStep.Removed, 100, null, HandlingVerdict.Ok)]
    [InlineData(HandlingStep.AdvisedToWithdraw, 90, 90, HandlingStep.Withdrew, 90, null, HandlingVerdict.Ok)]
    [InlineData(HandlingStep.AdvisedToWithdraw, 90, 90, HandlingStep.Corrected, 100, null, HandlingVerdict.OutOfOrder)]
    [InlineData(HandlingStep.Corrected, 30, 90, HandlingStep.AdvisedToWithdraw, 100, null, HandlingVerdict.OutOfOrder)]
    [InlineData(HandlingStep.Removed, 100, 90, HandlingStep.CorrectionOrdered, 120, 200, HandlingVerdict.OutOfOrder)]
    public void HandlingSteps_InOrder(HandlingStep? stage, int? lastOn, int? deadline, HandlingStep step, int on, int? newDeadline, HandlingVerdict expected)
    {
        DateOnly? D(int? days) => days is { } d ? Day.AddDays(d) : null;
        AppraisalHandlingRules.Check(stage, D(lastOn), D(deadline), step, Day.AddDays(on), D(newDeadline)).ShouldBe(expected);
    }

    [Fact]
    public async Task Appraisal_WeightedScores_CapOnExcellent_HandlingCase_ThroughTheApp()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var other = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var members = await tenant.AddMembersAsync(branch, 10);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var outsider = await app.ClientForAsync(await tenant.AddUserAsync(other, AppRole.BranchSecretary));
        var start = app.Clock.GetUtcNow().AddMinutes(-10);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "DemocraticAppraisal", topic = "年度民主评议党员", startsAt = start, endsAt = start.AddHours(3),
        });
        var id = (await created.ReadJsonAsync()).Id();
        var ordered = (await secretary.GetJsonAsync($"/api/v1/meetings/{id}/appraisal"))["members"]!.AsArray().Select(m => m!.Id("memberId")).ToList();

        // Scores out of range are refused naming the field; nothing is written.
        using var bad = await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/scores", new
        {
            scores = new object[] { new { memberId = ordered[0], massesScore = 101, organisationScore = 90 }, new { memberId = ordered[1], massesScore = 90, organisationScore = -1 } },
        });
        (await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).Order()
            .ShouldBe(["scores[0].massesScore", "scores[1].organisationScore"]);
        (await app.InTenantAsync(tenant.TenantId, db => db.AppraisalScores.CountAsync())).ShouldBe(0);
        (await outsider.PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/scores", new { scores = new[] { new { memberId = ordered[0], massesScore = 90, organisationScore = 90 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Four at 95 (优秀), five at 80 (合格), one at 40 (不合格): no votes, no self-appraisals, so masses and organisation only.
        int ScoreOf(int i) => i < 4 ? 95 : i < 9 ? 80 : 40;
        using var scored = await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/scores", new
        {
            scores = ordered.Select((m, i) => new { memberId = m, massesScore = ScoreOf(i), organisationScore = ScoreOf(i) }).ToArray(),
        });
        var tally = (await scored.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        var lines = tally["members"]!.AsArray().Select(x => x!).ToList();
        lines.Select(l => l.Str("proposed")).ShouldBe([.. Enumerable.Repeat("Excellent", 4), .. Enumerable.Repeat("Qualified", 5), "Unqualified"]);
        lines[0]["score"]!.GetValue<decimal>().ShouldBe(95.0m);
        tally["scheme"]!["excellentAllowed"]!.GetValue<int>().ShouldBe(3);
        tally["scheme"]!["excellentProposed"]!.GetValue<int>().ShouldBe(4);

        // 4 优秀 of 10 exceeds 30 % (3): refused naming the rule; nothing is confirmed.
        using var over = await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/close", new { });
        var refusal = (await over.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        (refusal.Str("code"), refusal.Str("article")).ShouldBe(("APPRAISAL_EXCELLENT_CAP", "docs/rules/organisation.md#o-21"));
        (await app.InTenantAsync(tenant.TenantId, db => db.AppraisalResults.CountAsync(r => r.MeetingId == id))).ShouldBe(0);

        // Three 优秀 is the boundary: allowed.
        using var closed = await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/close", new { overrides = new[] { new { memberId = ordered[3], grade = "Qualified" } } });
        var after = (await closed.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        after["members"]!.AsArray().Count(x => x!["decided"]?.GetValue<string>() == "Excellent").ShouldBe(3);
        var cases = after["cases"]!.AsArray();
        cases.Count.ShouldBe(1);
        var caseId = cases[0]!.Id();
        cases[0]!.Id("memberId").ShouldBe(ordered[9]);
        cases[0]!["next"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["CorrectionOrdered"]);

        // The steps in the order of 党章 第九条: out of order, without a deadline, before the deadline — refused.
        var today = tenant.Today;
        async Task<HttpResponseMessage> StepAsync(string step, DateOnly on, DateOnly? deadline = null) =>
            await secretary.PostAsJsonAsync($"/api/v1/appraisal-cases/{caseId}/steps", new { step, on, deadline, decidedBy = "支部党员大会", note = "经讨论决定" });
        using (var skip = await StepAsync("Removed", today))
            (await skip.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("article").ShouldBe("docs/rules/organisation.md#o-22");
        using (var noDeadline = await StepAsync("CorrectionOrdered", today))
            (await noDeadline.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().ContainsKey("deadline").ShouldBeTrue();
        using (var ordered1 = await StepAsync("CorrectionOrdered", today, today.AddMonths(3)))
            (await ordered1.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("stage").ShouldBe("CorrectionOrdered");
        using (var early = await StepAsync("AdvisedToWithdraw", today.AddMonths(3).AddDays(-1)))
            (await early.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("code").ShouldBe("APPRAISAL_STEP_DEADLINE");
        using (var again = await StepAsync("CorrectionOrdered", today, today.AddMonths(3)))
            (await again.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("code").ShouldBe("APPRAISAL_STEP_ORDER");
        (await outsider.PostAsJsonAsync($"/api/v1/appraisal-cases/{caseId}/steps", new { step = "AdvisedToWithdraw", on = today.AddMonths(4), decidedBy = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var advised = await StepAsync("AdvisedToWithdraw", today.AddMonths(3)))
            (await advised.ShouldHaveStatusAsync(HttpStatusCode.OK))!["next"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["Withdrew", "Removed"]);
        using (var removed = await StepAsync("Removed", today.AddMonths(4)))
        {
            var done = (await removed.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
            (done.Str("stage"), done["closed"]!.GetValue<bool>(), done["steps"]!.AsArray().Count).ShouldBe(("Removed", true, 3));
        }
        (await app.InTenantAsync(tenant.TenantId, db => db.LedgerEntries.CountAsync(e => e.Kind == "appraisal.handling"))).ShouldBe(3);

        // Listed for the branch; a member sees only their own case on the appraisal page.
        var list = await secretary.GetJsonAsync($"/api/v1/org-units/{branch.Id}/appraisal-cases");
        list["items"]!.AsArray().Single()!.Id().ShouldBe(caseId);
        (await outsider.GetAsync($"/api/v1/org-units/{branch.Id}/appraisal-cases")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var handled = await app.ClientForAsync(await tenant.AddMemberAccountAsync(branch, ordered[9]));
        using var bystander = await app.ClientForAsync(await tenant.AddMemberAccountAsync(branch, ordered[0]));
        (await handled.GetJsonAsync($"/api/v1/meetings/{id}/appraisal"))["cases"]!.AsArray().Count.ShouldBe(1);
        (await bystander.GetJsonAsync($"/api/v1/meetings/{id}/appraisal"))["cases"]!.AsArray().Count.ShouldBe(0);

        // The results workbook, for the branch's organisers only.
        using var xlsx = await secretary.GetAsync($"/api/v1/meetings/{id}/appraisal/results.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(Dangjian.Web.Platform.Export.XlsxWriter.ContentType);
        var rows = Dangjian.Web.Platform.Export.XlsxReader.ReadRows(await xlsx.Content.ReadAsStreamAsync()).ToList();
        rows.Count.ShouldBe(11);
        (await bystander.GetAsync($"/api/v1/meetings/{id}/appraisal/results.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AppraisalPage_ShowsScoresSchemeCapAndCases()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var members = await tenant.AddMembersAsync(branch, 2);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var start = app.Clock.GetUtcNow().AddMinutes(-10);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "DemocraticAppraisal", topic = "评议页面", startsAt = start, endsAt = start.AddHours(3),
        });
        var id = (await created.ReadJsonAsync()).Id();
        (await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/scores", new
        {
            scores = members.Select(m => new { memberId = m.Id, massesScore = 30, organisationScore = 30 }).ToArray(),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/close", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await secretary.GetStringAsync($"/meetings/{id}/appraisal");
        html.ShouldContain("data-testid=\"appraisal-scheme\"");
        html.ShouldContain("data-testid=\"appraisal-cap\"");
        html.Split("data-testid=\"appraisal-case\"").Length.ShouldBe(3);
        html.Split("data-testid=\"step-form\"").Length.ShouldBe(3);
        html.ShouldContain("30.0");
    }
}

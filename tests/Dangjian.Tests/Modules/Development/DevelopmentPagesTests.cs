using Dangjian.Web.Modules.Development;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Development;

/// <summary>The development pages: open a case from the roll, record steps, see refusals with their article, sign the review, verify.</summary>
public sealed class DevelopmentPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OpenCase_RecordSteps_RefusalShowsArticle_PipelineAndProofRender()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var person = (await tenant.AddMembersAsync(branch, 1, MemberCategory.Masses, "发展页面"))[0];
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));

        (await secretary.GetStringAsync($"/members/{person.Id}")).ShouldContain($"/development/open?member={person.Id}");
        using var opened = await secretary.PostFormAsync($"/development/open?member={person.Id}", "dev-open", new() { ["Form.ApplicationDate"] = "2026-09-01" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect, await opened.Content.ReadAsStringAsync());
        var caseUrl = opened.Headers.Location!.OriginalString;
        var caseId = await app.InTenantAsync(tenant.TenantId, db => db.DevelopmentCases.Where(c => c.MemberId == person.Id).Select(c => c.Id).SingleAsync());
        caseUrl.ShouldEndWith($"/development/cases/{caseId}");

        var page = await secretary.GetStringAsync(caseUrl);
        page.ShouldContain("党组织派人谈话");
        page.ShouldContain("2026-10-01"); // the talk is due within a month

        using var noTalker = await secretary.PostFormAsync(caseUrl, "dev-step", new() { ["Form.Step"] = "2", ["Form.Date"] = "2026-09-10" });
        noTalker.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noTalker.Content.ReadAsStringAsync()).ShouldContain("请填写谈话人");
        using var talked = await secretary.PostFormAsync(caseUrl, "dev-step", new() { ["Form.Step"] = "2", ["Form.Date"] = "2026-09-10", ["Form.Talker"] = "王书记" });
        talked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await talked.Content.ReadAsStringAsync());
        using var activist = await secretary.PostFormAsync(caseUrl, "dev-step", new() { ["Form.Step"] = "3", ["Form.Date"] = "2026-09-20", ["Form.Method"] = "群团推优" });
        activist.StatusCode.ShouldBe(HttpStatusCode.Redirect, await activist.Content.ReadAsStringAsync());

        // Step 7 is not offered yet; posted anyway, the refusal names the rule and its article.
        using var early = await secretary.PostFormAsync(caseUrl, "dev-step", new() { ["Form.Step"] = "7", ["Form.Date"] = "2026-11-20" });
        var refused = await early.Content.ReadAsStringAsync();
        refused.ShouldContain("《中国共产党发展党员工作细则》第三条、第十八条");
        (await app.InTenantAsync(tenant.TenantId, db => db.DevelopmentSteps.CountAsync(s => s.CaseId == caseId))).ShouldBe(3);

        var pipeline = await secretary.GetStringAsync($"/development?unit={branch.Id}");
        pipeline.ShouldContain("入党积极分子的确定和培养教育");
        pipeline.ShouldContain(person.Name);
        var proof = await secretary.GetStringAsync($"{caseUrl}/proof");
        proof.ShouldContain("核验通过");
    }

    [Fact]
    public async Task ReviewForm_SignsTheAwaitedLevel_AndReturnNeedsAReason()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var person = (await tenant.AddMembersAsync(branch, 1, MemberCategory.Masses))[0];
        var full = await tenant.AddMembersAsync(branch, 2);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var opened = await secretary.PostAsJsonAsync("/api/v1/development/cases", new { memberId = person.Id, applicationDate = "2024-01-05" });
        var id = (await opened.ReadJsonAsync()).Id();
        foreach (var body in new object[]
                 {
                     new { step = 2, date = "2024-01-20", talker = "王书记" }, new { step = 3, date = "2024-02-01", method = "党员推荐" },
                     new { step = 4, date = "2024-02-05" }, new { step = 5, date = "2024-02-06", mentorIds = full.Select(m => m.Id).ToArray() },
                     new { step = 6, date = "2024-08-01" }, new { step = 7, date = "2025-02-10" },
                 })
        {
            await CaseSteps.RecordAsync(secretary, id, body);
        }
        var url = $"/development/cases/{id}";
        var page = await secretary.GetStringAsync(url);
        page.ShouldContain("四级联审");
        page.ShouldContain("dev-review");

        using var noReason = await secretary.PostFormAsync(url, "dev-review", new() { ["ReviewForm.Decision"] = "Returned" });
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("退回时须写明原因");
        using var signed = await secretary.PostFormAsync(url, "dev-review", new() { ["ReviewForm.Decision"] = "Approved", ["ReviewForm.Reason"] = "材料齐全" });
        signed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signed.Content.ReadAsStringAsync());
        var review = await app.InTenantAsync(tenant.TenantId, db => db.DevelopmentReviews.SingleAsync(r => r.CaseId == id));
        (review.Level.ToString(), review.Reason).ShouldBe(("Branch", "材料齐全"));
        // The branch has signed; the form is no longer offered to the same person.
        (await secretary.GetStringAsync(url)).ShouldNotContain("name=\"ReviewForm.Decision\"");
    }

    [Fact]
    public async Task PlanPage_CommitteeSplitsItsQuota_ARefusalIsShown()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, "计划第一支部");
        using var committee = await app.ClientForAsync(await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker));
        var url = $"/development/plan?unit={tenant.Root.Id}&year=2026";

        using var own = await committee.PostFormAsync(url, "dev-plan", new() { ["Form.OrgUnitId"] = tenant.Root.Id.ToString(), ["Form.Year"] = "2026", ["Form.Quota"] = "4" });
        own.StatusCode.ShouldBe(HttpStatusCode.Redirect, await own.Content.ReadAsStringAsync());
        using var tooMany = await committee.PostFormAsync(url, "dev-plan", new() { ["Form.OrgUnitId"] = branch.Id.ToString(), ["Form.Year"] = "2026", ["Form.Quota"] = "5" });
        (await tooMany.Content.ReadAsStringAsync()).ShouldContain("不能超过上级下达的名额");
        using var split = await committee.PostFormAsync(url, "dev-plan", new() { ["Form.OrgUnitId"] = branch.Id.ToString(), ["Form.Year"] = "2026", ["Form.Quota"] = "2" });
        split.StatusCode.ShouldBe(HttpStatusCode.Redirect, await split.Content.ReadAsStringAsync());

        var page = await committee.GetStringAsync(url);
        page.ShouldContain("计划第一支部");
        (await app.InTenantAsync(tenant.TenantId, db => db.DevelopmentQuotas.Where(q => q.Year == 2026).OrderBy(q => q.Quota).Select(q => q.Quota).ToListAsync()))
            .ShouldBe([2, 4]);
    }
}

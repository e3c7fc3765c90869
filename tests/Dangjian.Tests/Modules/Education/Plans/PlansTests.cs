using Dangjian.Web.Modules.Education.Plans;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Meetings;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Education.Plans;

/// <summary>Layered plans over HTTP: audiences, the member's view, progress per branch and its export, recommendations, scope.</summary>
public sealed class PlansTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Plans_Audiences_MemberView_ProgressPerBranch()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var one = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("一支部"));
        var two = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("二支部"));
        var members = await tenant.AddMembersAsync(one, 2);
        var probationary = (await tenant.AddMembersAsync(two, 1, MemberCategory.Probationary))[0];
        await app.InTenantAsync(tenant.TenantId, db => db.Members.Where(m => m.Id == probationary.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.JoinedOn, app.Clock.Today().AddMonths(-3))));
        var today = app.Clock.Today();
        var past = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "党章学习", category: CourseCategory.PartyRules, required: true);
        var future = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "党史学习", category: CourseCategory.PartyHistory);
        var live = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "集中培训", kind: CourseKind.Live);
        var elsewhere = await PlansData.CourseAsync(app, tenant.TenantId, one, "一支部自学");
        using var admin = await app.ClientForAsync(tenant.Admin);

        using var created = await admin.PostAsJsonAsync("/api/v1/education/plans",
            new { orgUnitId = tenant.Root.Id, year = today.Year, title = "全体党员学习计划", audience = "AllMembers" });
        var plan = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var planId = plan.Id();
        // Validation names the field, in Chinese.
        using var bad = await admin.PostAsJsonAsync("/api/v1/education/plans", new { orgUnitId = tenant.Root.Id, year = 1900, title = "", audience = "Everyone" });
        var errors = (await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["audience", "title", "year"]);
        errors["title"]![0]!.GetValue<string>().ShouldContain("必填");

        (await admin.PostAsJsonAsync($"/api/v1/education/plans/{planId}/items", new { courseId = past.Id, required = true, dueOn = today.AddDays(-1) }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"/api/v1/education/plans/{planId}/items", new { courseId = future.Id, required = false, dueOn = today.AddDays(30) }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        // A course of a unit below is not published to the plan's unit.
        using var below = await admin.PostAsJsonAsync($"/api/v1/education/plans/{planId}/items", new { courseId = elsewhere.Id });
        (await below.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["courseId"]);
        using var twice = await admin.PostAsJsonAsync($"/api/v1/education/plans/{planId}/items", new { courseId = past.Id });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var targets = await admin.PutAsJsonAsync($"/api/v1/education/plans/{planId}/targets",
            new { targets = new[] { new { category = "PartyRules", hours = 2 }, new { category = "PartyHistory", hours = 1 } } });
        (await targets.ShouldHaveStatusAsync(HttpStatusCode.OK))!["targets"]!.AsArray().Count.ShouldBe(2);

        // A probationary plan is checked against E-3 until a required live session is in it.
        using var newPlan = await admin.PostAsJsonAsync("/api/v1/education/plans",
            new { orgUnitId = tenant.Root.Id, year = today.Year, title = "预备党员培训", audience = "Probationary" });
        var probPlan = (await newPlan.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var check = probPlan["checks"]!.AsArray().Single()!;
        (check.Str("rule"), check["met"]!.GetValue<bool>(), check.Str("article")).ShouldBe(("E-3", false, "docs/rules/education.md#e-3"));
        using var withLive = await admin.PostAsJsonAsync($"/api/v1/education/plans/{probPlan.Id()}/items", new { courseId = live.Id, required = true });
        (await withLive.ShouldHaveStatusAsync(HttpStatusCode.OK))!["checks"]![0]!["met"]!.GetValue<bool>().ShouldBeTrue();

        // Study: the first member completed the required course and studied 90 minutes of party rules (2 class hours).
        await PlansData.StudyAsync(app, tenant.TenantId, members[0].Id, past.Id, 90 * 60, completed: true);
        var account = await tenant.AddMemberAccountAsync(one, members[0].Id);
        using var member = await app.ClientForAsync(account);
        var mine = await member.GetJsonAsync($"/api/v1/education/plans/mine?year={today.Year}");
        var myPlans = mine["plans"]!.AsArray();
        myPlans.Select(p => p!.Str("title")).ShouldBe(["全体党员学习计划"]); // a full member of long standing: not the probationary plan
        var items = myPlans[0]!["items"]!.AsArray();
        items.Single(i => i!.Id("courseId") == past.Id)!["done"]!.GetValue<bool>().ShouldBeTrue();
        items.Single(i => i!.Id("courseId") == future.Id)!["overdue"]!.GetValue<bool>().ShouldBeFalse();
        var hours = myPlans[0]!["hours"]!.AsArray().ToDictionary(h => h!.Str("category"), h => (h!["hours"]!.GetValue<decimal>(), h["met"]!.GetValue<bool>()));
        hours["PartyRules"].ShouldBe((2m, true));
        hours["PartyHistory"].ShouldBe((0m, false));

        // The probationary member sees both plans; the second member's required item is overdue.
        var probAccount = await tenant.AddMemberAccountAsync(two, probationary.Id);
        using var prob = await app.ClientForAsync(probAccount);
        (await prob.GetJsonAsync("/api/v1/education/plans/mine"))["plans"]!.AsArray().Select(p => p!.Str("title")).Order()
            .ShouldBe(["全体党员学习计划", "预备党员培训"]);
        var other = await tenant.AddMemberAccountAsync(one, members[1].Id);
        using var otherClient = await app.ClientForAsync(other);
        var otherItems = (await otherClient.GetJsonAsync("/api/v1/education/plans/mine"))["plans"]![0]!["items"]!.AsArray();
        otherItems.Single(i => i!.Id("courseId") == past.Id)!["overdue"]!.GetValue<bool>().ShouldBeTrue();

        // Recommendations: the required course not completed comes first, then the category under target.
        var recs = (await otherClient.GetJsonAsync("/api/v1/education/recommendations/mine")).AsArray();
        recs[0]!.Id("courseId").ShouldBe(past.Id);
        recs[0]!.Str("reason").ShouldBe("Required");
        recs[0]!.Str("reasonText").ShouldContain("必学");
        recs.Single(r => r!.Id("courseId") == future.Id)!.Str("reason").ShouldBe("CategoryGap");
        (await member.GetJsonAsync("/api/v1/education/recommendations/mine")).AsArray().Select(r => r!.Id("courseId")).ShouldNotContain(past.Id);

        // Progress per branch: one of two in the first branch completed; one overdue; the second branch has the probationary member.
        var progress = await admin.GetJsonAsync($"/api/v1/education/plans/{planId}/progress");
        var byBranch = progress["branches"]!.AsArray().ToDictionary(b => b!.Str("name"));
        byBranch[one.Name]!["expected"]!.GetValue<int>().ShouldBe(2);
        byBranch[one.Name]!["completedAll"]!.GetValue<int>().ShouldBe(1);
        byBranch[one.Name]!["overdue"]!.GetValue<int>().ShouldBe(1);
        byBranch[two.Name]!["expected"]!.GetValue<int>().ShouldBe(1);
        byBranch[two.Name]!["overdue"]!.GetValue<int>().ShouldBe(1);
        using var xlsx = await admin.GetAsync($"/api/v1/education/plans/{planId}/progress.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await xlsx.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);

        // A branch's secretary sees the root plan, only their branch's progress, and cannot change it.
        var secretary = await tenant.AddUserAsync(one, AppRole.BranchSecretary);
        using var sec = await app.ClientForAsync(secretary);
        (await sec.GetJsonAsync($"/api/v1/education/plans/{planId}/progress?orgUnitId={one.Id}"))["branches"]!.AsArray().Select(b => b!.Str("name"))
            .ShouldBe([one.Name]);
        (await sec.GetAsync($"/api/v1/education/plans/{planId}/progress?orgUnitId={two.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sec.DeleteAsync($"/api/v1/education/plans/{planId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sec.GetJsonAsync($"/api/v1/education/plans?orgUnitId={one.Id}")).AsArray().Select(p => p!.Id()).ShouldContain(planId);
        // Its own branch plan is its own; the sibling's secretary never sees it.
        using var branchPlan = await sec.PostAsJsonAsync("/api/v1/education/plans", new { orgUnitId = one.Id, year = today.Year, title = "支委学习", audience = "Leaders" });
        var branchPlanId = (await branchPlan.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        var sibling = await tenant.AddUserAsync(two, AppRole.BranchSecretary);
        using var sib = await app.ClientForAsync(sibling);
        (await sib.GetAsync($"/api/v1/education/plans/{branchPlanId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sib.GetAsync($"/api/v1/education/plans?orgUnitId={one.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sib.DeleteAsync($"/api/v1/education/plans/{branchPlanId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Deleting a plan takes its items with it.
        (await admin.DeleteAsync($"/api/v1/education/plans/{probPlan.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.InTenantAsync(tenant.TenantId, db => db.StudyPlanItems.CountAsync(i => i.PlanId == probPlan.Id()))).ShouldBe(0);
    }

    [Fact]
    public async Task Leaders_AreThoseSittingOnACommittee()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var people = await tenant.AddMembersAsync(branch, 2);
        var term = await tenant.AddTermAsync(branch, app.Clock.Today().AddYears(-1), app.Clock.Today().AddYears(2), people[0].Name);
        await app.InTenantAsync(tenant.TenantId, db => db.CommitteeMembers.Where(c => c.TermId == term.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MemberId, people[0].Id)));
        using var admin = await app.ClientForAsync(tenant.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/education/plans",
            new { orgUnitId = tenant.Root.Id, year = app.Clock.Today().Year, title = "书记和委员", audience = "Leaders" });
        var planId = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        var progress = await admin.GetJsonAsync($"/api/v1/education/plans/{planId}/progress");
        progress["expected"]!.GetValue<int>().ShouldBe(1);
        using var sitting = await app.ClientForAsync(await tenant.AddMemberAccountAsync(branch, people[0].Id));
        (await sitting.GetJsonAsync("/api/v1/education/plans/mine"))["plans"]!.AsArray().Count.ShouldBe(1);
        using var notSitting = await app.ClientForAsync(await tenant.AddMemberAccountAsync(branch, people[1].Id));
        (await notSitting.GetJsonAsync("/api/v1/education/plans/mine"))["plans"]!.AsArray().Count.ShouldBe(0);
        // Someone without a member record has no plans of their own.
        (await admin.GetAsync("/api/v1/education/plans/mine")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

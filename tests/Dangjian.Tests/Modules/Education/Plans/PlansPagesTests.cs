using System.Net;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Plans;
using Dangjian.Web.Modules.Education.Plans.Cases;
using Dangjian.Web.Modules.Education.Plans.Research;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;

namespace Dangjian.Tests.Modules.Education.Plans;

/// <summary>The pages of plans, cases and research, posted as a browser would: what each shows, what each form writes, and who is refused.</summary>
public sealed class PlansPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task PlanPages_CreateAddItemsTargets_E3Check_ProgressPerBranch_Delete()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var one = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("一支部"));
        var two = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("二支部"));
        await tenant.AddMembersAsync(one, 2, MemberCategory.Probationary);
        await tenant.AddMembersAsync(two, 1, MemberCategory.Probationary);
        var live = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "集中培训直播", kind: CourseKind.Live);
        var article = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "党章学习", category: CourseCategory.PartyRules);
        using var admin = await app.ClientForAsync(tenant.Admin);
        var year = app.Clock.Today().Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var empty = await admin.PostFormAsync("/education/plans", "plan-create", new() { ["Form.Title"] = "", ["Form.Audience"] = "Probationary", ["Form.Year"] = year });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("必填");
        using var created = await admin.PostFormAsync("/education/plans", "plan-create",
            new() { ["Form.Title"] = "预备党员培训计划", ["Form.Audience"] = "Probationary", ["Form.Year"] = year, ["Form.Note"] = "集中培训一次" });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var planId = await app.InTenantAsync(tenant.TenantId, db => db.StudyPlans.Where(p => p.Title == "预备党员培训计划").Select(p => p.Id).SingleAsync());
        var url = $"/education/plans/{planId}";
        created.Headers.Location!.OriginalString.ShouldEndWith(url);
        (await admin.GetStringAsync($"/education/plans?unit={tenant.Root.Id}&year={year}")).ShouldContain(url);

        // E-3 is shown unmet with its article until a required live session is in the plan.
        var page = await admin.GetStringAsync(url);
        page.ShouldContain("data-rule=\"E-3\" data-met=\"false\"");
        page.ShouldContain(CentralisedCourseRule.Citation);
        using var added = await admin.PostFormAsync(url, "plan-item-add", new() { ["Item.CourseId"] = live.Id.ToString(), ["Item.Required"] = "true" });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        using var second = await admin.PostFormAsync(url, "plan-item-add",
            new() { ["Item.CourseId"] = article.Id.ToString(), ["Item.DueOn"] = app.Clock.Today().AddDays(-1).ToString("yyyy-MM-dd") });
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var twice = await admin.PostFormAsync(url, "plan-item-add", new() { ["Item.CourseId"] = article.Id.ToString() });
        (await twice.Content.ReadAsStringAsync()).ShouldContain("该课程已在计划中");
        page = await admin.GetStringAsync(url);
        page.ShouldContain("data-rule=\"E-3\" data-met=\"true\"");

        using var targets = await admin.PostFormAsync(url, "plan-targets", new() { ["Targets.Hours[PartyRules]"] = "3", ["Targets.Hours[Theory]"] = "" });
        targets.StatusCode.ShouldBe(HttpStatusCode.Redirect, await targets.Content.ReadAsStringAsync());
        (await app.InTenantAsync(tenant.TenantId, db => db.StudyPlanTargets.Where(t => t.PlanId == planId).Select(t => new { t.Category, t.Hours }).ToListAsync()))
            .Select(t => (t.Category, t.Hours)).ShouldBe([(CourseCategory.PartyRules, 3)]);
        using var badTargets = await admin.PostFormAsync(url, "plan-targets", new() { ["Targets.Hours[PartyRules]"] = "5000" });
        (await badTargets.Content.ReadAsStringAsync()).ShouldContain("targets[2].hours");

        // Progress per branch: both branches with their probationary members; the overdue article counts.
        page = await admin.GetStringAsync(url);
        page.ShouldContain($"data-branch=\"{one.Id}\"");
        page.ShouldContain($"data-branch=\"{two.Id}\"");
        page.ShouldContain($"/api/v1/education/plans/{planId}/progress.xlsx");
        page.ShouldContain("0/2");

        // A secretary of the second branch sees the root's plan and only their branch; they cannot change it.
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(two, AppRole.BranchSecretary));
        var seen = await secretary.GetStringAsync(url);
        seen.ShouldContain($"data-branch=\"{two.Id}\"");
        seen.ShouldNotContain($"data-branch=\"{one.Id}\"");
        seen.ShouldNotContain("plan-delete");
        // Their own branch plan is invisible to the first branch's secretary.
        using var branchPlan = await secretary.PostFormAsync($"/education/plans?unit={two.Id}", "plan-create",
            new() { ["Form.Title"] = "二支部支委学习", ["Form.Audience"] = "Leaders", ["Form.Year"] = year });
        branchPlan.StatusCode.ShouldBe(HttpStatusCode.Redirect, await branchPlan.Content.ReadAsStringAsync());
        using var sibling = await app.ClientForAsync(await tenant.AddUserAsync(one, AppRole.BranchSecretary));
        var refused = await sibling.GetStringAsync(branchPlan.Headers.Location!.OriginalString);
        refused.ShouldContain("未找到该学习计划");
        refused.ShouldNotContain("二支部支委学习");

        var itemId = await app.InTenantAsync(tenant.TenantId, db => db.StudyPlanItems.Where(i => i.PlanId == planId && i.CourseId == article.Id).Select(i => i.Id).SingleAsync());
        using var removed = await admin.PostFormAsync(url, $"plan-item-remove-{itemId}", new() { ["Pick.Id"] = itemId.ToString() });
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var edited = await admin.PostFormAsync(url, "plan-edit", new() { ["Form.Title"] = "预备党员集中培训", ["Form.Audience"] = "Probationary" });
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InTenantAsync(tenant.TenantId, db => db.StudyPlans.Where(p => p.Id == planId).Select(p => p.Title).SingleAsync())).ShouldBe("预备党员集中培训");
        (await app.InTenantAsync(tenant.TenantId, db => db.StudyPlanItems.CountAsync(i => i.PlanId == planId))).ShouldBe(1);

        using var denied = await secretary.PostFormAsync(url, "plan-delete", []);
        denied.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // no delete form is rendered for them: the post has no handler
        (await app.InTenantAsync(tenant.TenantId, db => db.StudyPlans.AnyAsync(p => p.Id == planId))).ShouldBeTrue();
        using var deleted = await admin.PostFormAsync(url, "plan-delete", []);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InTenantAsync(tenant.TenantId, db => db.StudyPlans.AnyAsync(p => p.Id == planId))).ShouldBeFalse();
    }

    [Fact]
    public async Task MyPlans_ShowDoneOverdueAndReasons_ResearchLoopFromPages()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var one = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("一支部"));
        var two = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("二支部"));
        var members = await tenant.AddMembersAsync(one, 2);
        var outsider = (await tenant.AddMembersAsync(two, 1))[0];
        var masses = (await tenant.AddMembersAsync(one, 1, MemberCategory.Masses))[0];
        var done = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "已学课程", category: CourseCategory.PartyRules);
        var late = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "逾期课程", category: CourseCategory.PartyHistory, required: true);
        using var admin = await app.ClientForAsync(tenant.Admin);
        var year = app.Clock.Today().Year;
        using var created = await admin.PostFormAsync("/education/plans", "plan-create",
            new() { ["Form.Title"] = "全体党员计划", ["Form.Audience"] = "AllMembers", ["Form.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var planUrl = created.Headers.Location!.OriginalString;
        (await admin.PostFormAsync(planUrl, "plan-item-add", new() { ["Item.CourseId"] = done.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.PostFormAsync(planUrl, "plan-item-add", new() { ["Item.CourseId"] = late.Id.ToString(), ["Item.Required"] = "true",
            ["Item.DueOn"] = app.Clock.Today().AddDays(-2).ToString("yyyy-MM-dd") })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await PlansData.StudyAsync(app, tenant.TenantId, members[0].Id, done.Id, 1200, completed: true);
        using var member = await app.ClientForAsync(await tenant.AddMemberAccountAsync(one, members[0].Id));

        using var mineResponse = await member.GetAsync("/education/plans/mine");
        mineResponse.StatusCode.ShouldBe(HttpStatusCode.OK, mineResponse.Headers.Location?.OriginalString);
        var mine = await mineResponse.Content.ReadAsStringAsync();
        mine.ShouldContain("全体党员计划");
        mine.ShouldContain($"data-course=\"{done.Id}\" data-done=\"true\"");
        mine.ShouldContain($"data-course=\"{late.Id}\" data-done=\"false\"");
        mine.ShouldContain("data-testid=\"overdue\"");
        mine.ShouldContain($"href=\"/education/courses/{late.Id}\"");
        mine.ShouldContain($"data-course=\"{late.Id}\" data-reason=\"Required\"");
        mine.ShouldContain("必学课程");

        // A manager opens a research task from the plan's course; the owner list holds the unit's party members only.
        var research = await admin.GetStringAsync($"/education/research?unit={tenant.Root.Id}&course={late.Id}");
        research.ShouldContain(members[1].Name);
        research.ShouldNotContain(masses.Name);
        var narrowed = await admin.GetStringAsync($"/education/research?unit={tenant.Root.Id}&ownersIn={one.Id}");
        narrowed.ShouldNotContain(outsider.Name);
        using var noOwner = await admin.PostFormAsync($"/education/research?unit={tenant.Root.Id}", "research-open",
            new() { ["Form.CourseId"] = late.Id.ToString(), ["Form.Title"] = "", ["Form.DueOn"] = "" });
        (await noOwner.Content.ReadAsStringAsync()).ShouldContain("必填");
        using var opened = await admin.PostFormAsync($"/education/research?unit={tenant.Root.Id}", "research-open", new()
        {
            ["Form.CourseId"] = late.Id.ToString(), ["Form.Title"] = "党史进社区调研", ["Form.OwnerMemberId"] = members[0].Id.ToString(),
            ["Form.DueOn"] = app.Clock.Today().AddDays(10).ToString("yyyy-MM-dd"),
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect, await opened.Content.ReadAsStringAsync());
        var taskUrl = opened.Headers.Location!.OriginalString;
        var taskId = await app.InTenantAsync(tenant.TenantId, db => db.ResearchTasks.Where(t => t.Title == "党史进社区调研").Select(t => t.Id).SingleAsync());
        taskUrl.ShouldEndWith($"/education/research/{taskId}");
        (await admin.GetStringAsync($"/education/research?unit={tenant.Root.Id}")).ShouldContain($"href=\"/education/research/{taskId}\"");

        // The owner sees it on their plans page, records the findings and raises a problem they own.
        (await member.GetStringAsync("/education/plans/mine")).ShouldContain($"data-task=\"{taskId}\"");
        using var findings = await member.PostFormAsync(taskUrl, "research-findings", new() { ["Findings.Findings"] = "走访三个社区，党史资料缺乏讲解员。" });
        findings.StatusCode.ShouldBe(HttpStatusCode.Redirect, await findings.Content.ReadAsStringAsync());
        (await app.InTenantAsync(tenant.TenantId, db => db.ResearchTasks.Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync())).ShouldBe(ResearchStatus.Reported);
        using var raised = await member.PostFormAsync(taskUrl, "problem-raise", new()
        {
            ["Problem.Title"] = "缺少讲解员", ["Problem.OwnerMemberId"] = members[0].Id.ToString(), ["Problem.DueOn"] = app.Clock.Today().AddDays(5).ToString("yyyy-MM-dd"),
        });
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect, await raised.Content.ReadAsStringAsync());
        var problemId = await app.InTenantAsync(tenant.TenantId, db => db.ResearchProblems.Where(p => p.TaskId == taskId).Select(p => p.Id).SingleAsync());
        using var noOutcome = await member.PostFormAsync(taskUrl, $"problem-close-{problemId}", new() { ["Close.ProblemId"] = problemId.ToString(), ["Close.Status"] = "Solved" });
        (await noOutcome.Content.ReadAsStringAsync()).ShouldContain("须写明结果");
        using var closed = await member.PostFormAsync(taskUrl, $"problem-close-{problemId}",
            new() { ["Close.ProblemId"] = problemId.ToString(), ["Close.Status"] = "Solved", ["Close.Outcome"] = "培训志愿讲解员6名。" });
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await closed.Content.ReadAsStringAsync());
        (await member.GetStringAsync(taskUrl)).ShouldContain("培训志愿讲解员6名。");

        // A manager gives a problem to another member, who closes it from their own plans page (they cannot read the task).
        using var given = await admin.PostFormAsync(taskUrl, "problem-raise", new()
        {
            ["Problem.Title"] = "资料更新", ["Problem.OwnerMemberId"] = members[1].Id.ToString(), ["Problem.DueOn"] = app.Clock.Today().AddDays(-1).ToString("yyyy-MM-dd"),
        });
        given.StatusCode.ShouldBe(HttpStatusCode.Redirect, await given.Content.ReadAsStringAsync());
        var second = await app.InTenantAsync(tenant.TenantId, db => db.ResearchProblems.Where(p => p.Title == "资料更新").Select(p => p.Id).SingleAsync());
        using var other = await app.ClientForAsync(await tenant.AddMemberAccountAsync(one, members[1].Id));
        var theirs = await other.GetStringAsync("/education/plans/mine");
        theirs.ShouldContain($"data-problem=\"{second}\"");
        theirs.ShouldNotContain($"href=\"/education/research/{taskId}\"");
        using var closedByOwner = await other.PostFormAsync("/education/plans/mine", $"my-problem-close-{second}",
            new() { ["MyClose.ProblemId"] = second.ToString(), ["MyClose.Status"] = "Closed", ["MyClose.Outcome"] = "资料已由社区统一更新。" });
        closedByOwner.StatusCode.ShouldBe(HttpStatusCode.Redirect, await closedByOwner.Content.ReadAsStringAsync());
        (await app.InTenantAsync(tenant.TenantId, db => db.ResearchProblems.Where(p => p.Id == second).Select(p => p.Status).SingleAsync())).ShouldBe(ProblemStatus.Closed);

        // The sibling branch's member sees nothing of the task.
        using var stranger = await app.ClientForAsync(await tenant.AddMemberAccountAsync(two, outsider.Id));
        var hidden = await stranger.GetStringAsync(taskUrl);
        hidden.ShouldContain("未找到该调研任务");
        hidden.ShouldNotContain("党史进社区调研");
    }

    [Fact]
    public async Task CasePages_LibrariesByKind_LinkToMeetingAndPlan_Completion_Unlink()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var one = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("一支部"));
        var members = await tenant.AddMembersAsync(one, 2);
        var red = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "红色案例：井冈山", caseKind: CaseKind.RedGene);
        var warning = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "警示案例：收受礼金", caseKind: CaseKind.Warning, category: CourseCategory.Integrity);
        await PlansData.StudyAsync(app, tenant.TenantId, members[0].Id, warning.Id, 600, completed: true);
        var meeting = new Dangjian.Web.Modules.Meetings.Meeting
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, OrgUnitId = one.Id, OrgPath = one.Path,
            Type = Dangjian.Web.Modules.Meetings.MeetingType.ThemeDay, Topic = "主题党日：警示教育", StartsAt = app.Clock.GetUtcNow().AddDays(1),
            EndsAt = app.Clock.GetUtcNow().AddDays(1).AddHours(2), HostUserId = tenant.Admin.Id, HostName = "host",
            SignInSecret = Dangjian.Web.Modules.Meetings.SignInCode.NewSecret(), CreatedAt = app.Clock.GetUtcNow(),
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        });
        using var admin = await app.ClientForAsync(tenant.Admin);
        using var member = await app.ClientForAsync(await tenant.AddMemberAccountAsync(one, members[1].Id));

        var warnings = await member.GetStringAsync("/education/cases?kind=Warning");
        warnings.ShouldContain(warning.Title);
        warnings.ShouldNotContain(red.Title);
        (await member.GetStringAsync("/education/cases")).ShouldContain(red.Title);
        var casePage = await member.GetStringAsync($"/education/cases/{warning.Id}");
        casePage.ShouldContain($"href=\"/education/courses/{warning.Id}\"");
        casePage.ShouldNotContain("case-link-meeting");

        var url = $"/education/cases/{warning.Id}";
        using var garbage = await admin.PostFormAsync(url, "case-link-meeting", new() { ["Link.Meeting"] = "not a meeting" });
        (await garbage.Content.ReadAsStringAsync()).ShouldContain("请粘贴会议页面的地址");
        using var linked = await admin.PostFormAsync(url, "case-link-meeting", new() { ["Link.Meeting"] = $"https://dangjian.example.org/meetings/{meeting.Id}" });
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await linked.Content.ReadAsStringAsync());
        var linkId = await app.InTenantAsync(tenant.TenantId, db => db.CaseLinks.Where(l => l.TargetId == meeting.Id).Select(l => l.Id).SingleAsync());
        var completion = await admin.GetStringAsync($"{url}?link={linkId}");
        completion.ShouldContain("data-testid=\"case-completion\"");
        completion.ShouldContain($"data-branch=\"{one.Id}\"");
        completion.ShouldContain("1/2");
        completion.ShouldContain(members[1].Name);
        completion.ShouldContain($"href=\"/meetings/{meeting.Id}\"");

        using var plan = await admin.PostFormAsync("/education/plans", "plan-create",
            new() { ["Form.Title"] = "廉洁教育计划", ["Form.Audience"] = "AllMembers", ["Form.Year"] = app.Clock.Today().Year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var planId = await app.InTenantAsync(tenant.TenantId, db => db.StudyPlans.Where(p => p.Title == "廉洁教育计划").Select(p => p.Id).SingleAsync());
        (await admin.GetStringAsync(url)).ShouldContain($"<option value=\"{planId}\"");
        using var toPlan = await admin.PostFormAsync(url, "case-link-plan", new() { ["Link.PlanId"] = planId.ToString() });
        toPlan.StatusCode.ShouldBe(HttpStatusCode.Redirect, await toPlan.Content.ReadAsStringAsync());
        (await admin.GetStringAsync($"/education/plans/{planId}")).ShouldContain($"href=\"/education/cases/{warning.Id}\"");

        using var unlinked = await admin.PostFormAsync(url, $"case-unlink-{linkId}", new() { ["Pick.Id"] = linkId.ToString() });
        unlinked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InTenantAsync(tenant.TenantId, db => db.CaseLinks.Where(l => l.CourseId == warning.Id).Select(l => l.TargetKind).ToListAsync()))
            .ShouldBe([CaseTargetKind.Plan]);
    }
}

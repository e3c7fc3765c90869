using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Meetings;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Education.Plans;

/// <summary>The case libraries (filter, links to a meeting and to a plan, completion per branch) and the study → research → problem loop.</summary>
public sealed class CasesAndResearchTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Cases_Filter_LinkToMeetingAndPlan_CompletionPerBranch()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var one = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("一支部"));
        var two = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("二支部"));
        var oneMembers = await tenant.AddMembersAsync(one, 2);
        var twoMembers = await tenant.AddMembersAsync(two, 1);
        var red = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "红色基因：井冈山精神", caseKind: CaseKind.RedGene);
        var warning = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "警示教育：违规吃喝", caseKind: CaseKind.Warning, publishedMinutesAgo: 10);
        await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "普通课程");
        await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "草稿案例", caseKind: CaseKind.Warning, status: CourseStatus.Draft);
        var twoCase = await PlansData.CourseAsync(app, tenant.TenantId, two, "二支部案例", caseKind: CaseKind.RedGene);
        using var admin = await app.ClientForAsync(tenant.Admin);

        var all = await admin.GetJsonAsync($"/api/v1/education/cases?orgUnitId={one.Id}");
        all["items"]!.AsArray().Select(c => c!.Id()).ShouldBe([warning.Id, red.Id]); // published cases of the unit and above, newest first
        (await admin.GetJsonAsync($"/api/v1/education/cases?orgUnitId={one.Id}&kind=RedGene"))["items"]!.AsArray().Select(c => c!.Id()).ShouldBe([red.Id]);
        (await admin.GetJsonAsync($"/api/v1/education/cases?orgUnitId={one.Id}&q=吃喝"))["items"]!.AsArray().Select(c => c!.Id()).ShouldBe([warning.Id]);
        (await admin.GetJsonAsync($"/api/v1/education/cases?orgUnitId={two.Id}"))["total"]!.GetValue<int>().ShouldBe(3);
        (await admin.GetAsync($"/api/v1/education/cases?orgUnitId={one.Id}&kind=None")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // A member reads the libraries of their own unit without naming it.
        using var member = await app.ClientForAsync(await tenant.AddMemberAccountAsync(one, oneMembers[0].Id));
        (await member.GetJsonAsync("/api/v1/education/cases"))["items"]!.AsArray().Select(c => c!.Id()).ShouldBe([warning.Id, red.Id]);
        (await member.GetAsync($"/api/v1/education/cases/{twoCase.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Link to a meeting of the first branch; its expected members are the branch's.
        var meeting = new Dangjian.Web.Modules.Meetings.Meeting
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, OrgUnitId = one.Id, OrgPath = one.Path,
            Type = Dangjian.Web.Modules.Meetings.MeetingType.ThemeDay, Topic = "主题党日：学习案例", StartsAt = app.Clock.GetUtcNow().AddDays(1),
            EndsAt = app.Clock.GetUtcNow().AddDays(1).AddHours(2), HostUserId = tenant.Admin.Id, HostName = "host",
            SignInSecret = Dangjian.Web.Modules.Meetings.SignInCode.NewSecret(), CreatedAt = app.Clock.GetUtcNow(),
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        });
        using var linked = await admin.PostAsJsonAsync($"/api/v1/education/cases/{red.Id}/links", new { targetKind = "Meeting", targetId = meeting.Id });
        var link = (await linked.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        link.Str("targetTitle").ShouldBe(meeting.Topic);
        (await admin.PostAsJsonAsync($"/api/v1/education/cases/{red.Id}/links", new { targetKind = "Meeting", targetId = meeting.Id }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // A case of the second branch cannot be linked to the first branch's meeting.
        using var wrong = await admin.PostAsJsonAsync($"/api/v1/education/cases/{twoCase.Id}/links", new { targetKind = "Meeting", targetId = meeting.Id });
        (await wrong.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["targetId"]);
        (await member.GetJsonAsync($"/api/v1/education/meetings/{meeting.Id}/cases")).AsArray().Select(l => l!.Id("courseId")).ShouldBe([red.Id]);

        await PlansData.StudyAsync(app, tenant.TenantId, oneMembers[0].Id, red.Id, 600, completed: true);
        var completion = await admin.GetJsonAsync($"/api/v1/education/cases/links/{link.Id()}/completion");
        var row = completion["branches"]!.AsArray().Single()!;
        (row.Str("name"), row["completed"]!.GetValue<int>(), row["expected"]!.GetValue<int>()).ShouldBe((one.Name, 1, 2));
        row["gaps"]!.AsArray().Select(g => g!.Str("name")).ShouldBe([oneMembers[1].Name]);

        // Link to a plan of the root: completion per branch over the plan's audience.
        using var planCreated = await admin.PostAsJsonAsync("/api/v1/education/plans",
            new { orgUnitId = tenant.Root.Id, year = app.Clock.Today().Year, title = "警示教育计划", audience = "AllMembers" });
        var planId = (await planCreated.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        using var planLinked = await admin.PostAsJsonAsync($"/api/v1/education/cases/{red.Id}/links", new { targetKind = "Plan", targetId = planId });
        var planLink = (await planLinked.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        (await admin.GetJsonAsync($"/api/v1/education/plans/{planId}"))["cases"]!.AsArray().Select(c => c!.Id("courseId")).ShouldBe([red.Id]);
        var planCompletion = await admin.GetJsonAsync($"/api/v1/education/cases/links/{planLink.Id()}/completion");
        var rows = planCompletion["branches"]!.AsArray().ToDictionary(b => b!.Str("name"), b => (b!["completed"]!.GetValue<int>(), b["expected"]!.GetValue<int>()));
        rows[one.Name].ShouldBe((1, 2));
        rows[two.Name].ShouldBe((0, 1));

        // The second branch's secretary: the first branch's link is not theirs to read or remove.
        using var sib = await app.ClientForAsync(await tenant.AddUserAsync(two, AppRole.BranchSecretary));
        (await sib.GetAsync($"/api/v1/education/cases/links/{link.Id()}/completion")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sib.DeleteAsync($"/api/v1/education/cases/links/{link.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sib.GetAsync($"/api/v1/education/meetings/{meeting.Id}/cases")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sib.GetJsonAsync($"/api/v1/education/cases/links/{planLink.Id()}/completion?orgUnitId={two.Id}"))["branches"]!.AsArray()
            .Select(b => b!.Str("name")).ShouldBe([two.Name]);
        (await admin.DeleteAsync($"/api/v1/education/cases/links/{link.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await member.GetJsonAsync($"/api/v1/education/meetings/{meeting.Id}/cases")).AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task Research_Lifecycle_Validation_OwnerOutsideRefused()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var one = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("一支部"));
        var two = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("二支部"));
        var owner = (await tenant.AddMembersAsync(one, 1))[0];
        var outsider = (await tenant.AddMembersAsync(two, 1))[0];
        var course = await PlansData.CourseAsync(app, tenant.TenantId, tenant.Root, "乡村振兴专题");
        using var sec = await app.ClientForAsync(await tenant.AddUserAsync(one, AppRole.BranchSecretary));
        var due = app.Clock.Today().AddDays(10);

        using var bad = await sec.PostAsJsonAsync("/api/v1/education/research", new { orgUnitId = one.Id, courseId = course.Id, title = "", ownerMemberId = outsider.Id });
        var errors = (await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["dueOn", "ownerMemberId", "title"]);
        errors["ownerMemberId"]![0]!.GetValue<string>().ShouldContain("负责人");
        using var opened = await sec.PostAsJsonAsync("/api/v1/education/research",
            new { orgUnitId = one.Id, courseId = course.Id, title = "调研产业发展", ownerMemberId = owner.Id, dueOn = due });
        var task = (await opened.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        task.Str("status").ShouldBe("Open");
        task["overdue"]!.GetValue<bool>().ShouldBeFalse();

        // The owner records findings and raises a problem; an owner outside the subtree is refused.
        var ownerAccount = await tenant.AddMemberAccountAsync(one, owner.Id);
        var ownerClient = await app.ClientForAsync(ownerAccount);
        (await ownerClient.PutAsJsonAsync($"/api/v1/education/research/{task.Id()}/findings", new { findings = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var reported = await ownerClient.PutAsJsonAsync($"/api/v1/education/research/{task.Id()}/findings", new { findings = "销售渠道不畅" });
        (await reported.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Reported");
        using var outside = await ownerClient.PostAsJsonAsync($"/api/v1/education/research/{task.Id()}/problems",
            new { title = "打通销售渠道", ownerMemberId = outsider.Id, dueOn = due });
        (await outside.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["ownerMemberId"]);
        using var raised = await ownerClient.PostAsJsonAsync($"/api/v1/education/research/{task.Id()}/problems",
            new { title = "打通销售渠道", ownerMemberId = owner.Id, dueOn = app.Clock.Today().AddDays(1) });
        var problem = (await raised.ShouldHaveStatusAsync(HttpStatusCode.OK))!["problems"]![0]!;
        problem.Str("status").ShouldBe("Open");

        app.Clock.Advance(TimeSpan.FromDays(3));
        using var later = await app.ClientForAsync(await tenant.AddUserAsync(one, AppRole.BranchSecretary));
        ownerClient = await app.ClientForAsync(ownerAccount);
        var mine = await ownerClient.GetJsonAsync("/api/v1/education/research/mine");
        mine["problems"]!.AsArray().Single()!["overdue"]!.GetValue<bool>().ShouldBeTrue();
        mine["tasks"]!.AsArray().Single()!.Id().ShouldBe(task.Id());

        // Closing needs the outcome; it happens once.
        using var noOutcome = await later.PostAsJsonAsync($"/api/v1/education/research/problems/{problem.Id()}/close", new { status = "Solved" });
        (await noOutcome.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["outcome"]);
        using var solved = await later.PostAsJsonAsync($"/api/v1/education/research/problems/{problem.Id()}/close",
            new { status = "Solved", outcome = "与电商平台签订协议" });
        var closed = (await solved.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        (closed.Str("status"), closed["overdue"]!.GetValue<bool>()).ShouldBe(("Solved", false));
        (await later.PostAsJsonAsync($"/api/v1/education/research/problems/{problem.Id()}/close", new { status = "Closed", outcome = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The loop of the unit: course → task → problem; the sibling branch sees none of it.
        var loop = await later.GetJsonAsync($"/api/v1/education/research?orgUnitId={one.Id}");
        var row = loop["items"]!.AsArray().Single()!;
        (row.Str("courseTitle"), row["problems"]!.AsArray().Count).ShouldBe(("乡村振兴专题", 1));
        using var sib = await app.ClientForAsync(await tenant.AddUserAsync(two, AppRole.BranchSecretary));
        (await sib.GetAsync($"/api/v1/education/research/{task.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sib.GetAsync($"/api/v1/education/research?orgUnitId={one.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sib.PutAsJsonAsync($"/api/v1/education/research/{task.Id()}/findings", new { findings = "越权" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sib.GetJsonAsync($"/api/v1/education/research?orgUnitId={two.Id}"))["total"]!.GetValue<int>().ShouldBe(0);
    }
}

using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Jobs;

namespace Dangjian.Tests.Modules.Development;

/// <summary>The daily reminders: a talk overdue goes to the branch's secretary, a review awaiting goes to whoever may sign it, each once.</summary>
public sealed class DevelopmentReminderJobTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task RunAsync() =>
        app.Services.GetServices<IJob>().Single(j => j.Name == "development-reminders").RunAsync(app.Services, CancellationToken.None);

    [Fact]
    public async Task OverdueTalk_AndAwaitedReview_NotifyTheRightPeopleOnce()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var people = await tenant.AddMembersAsync(branch, 2, MemberCategory.Masses);
        var full = await tenant.AddMembersAsync(branch, 2);
        var secretaryUser = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        var otherSecretary = await tenant.AddUserAsync(sibling, AppRole.BranchSecretary);
        var commissioner = await tenant.AddUserAsync(tenant.Root, AppRole.OrganizationCommissioner);
        using var secretary = await app.ClientForAsync(secretaryUser);

        // One application two months ago and no talk yet: overdue (第七条: within a month).
        var late = await (await secretary.PostAsJsonAsync("/api/v1/development/cases",
            new { memberId = people[0].Id, applicationDate = tenant.Today.AddMonths(-2).ToString("yyyy-MM-dd") })).ReadJsonAsync();
        // Another at 确定发展对象, signed by the branch: the committee's 组织委员 is next.
        var reviewed = (await (await secretary.PostAsJsonAsync("/api/v1/development/cases",
            new { memberId = people[1].Id, applicationDate = "2024-01-05" })).ReadJsonAsync()).Id();
        foreach (var body in new object[]
                 {
                     new { step = 2, date = "2024-01-20", talker = "王书记" }, new { step = 3, date = "2024-02-01", method = "党员推荐" },
                     new { step = 4, date = "2024-02-05" }, new { step = 5, date = "2024-02-06", mentorIds = full.Select(m => m.Id).ToArray() },
                     new { step = 6, date = "2024-08-01" }, new { step = 7, date = "2025-02-10" },
                 })
        {
            (await secretary.PostAsJsonAsync($"/api/v1/development/cases/{reviewed}/steps", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await secretary.PostAsJsonAsync($"/api/v1/development/cases/{reviewed}/reviews", new { decision = "Approved" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await RunAsync();
        await RunAsync(); // a second run sends nothing new

        var notes = await app.InTenantAsync(tenant.TenantId, db => db.Notifications.AsNoTracking().Where(n => n.DedupKey.StartsWith("dev:")).ToListAsync());
        var toSecretary = notes.Where(n => n.UserId == secretaryUser.Id).ToList();
        toSecretary.Count.ShouldBe(1);
        toSecretary[0].Title.ShouldContain("党组织派人谈话");
        toSecretary[0].Title.ShouldContain("逾期");
        toSecretary[0].Link.ShouldBe($"/development/cases/{late.Id()}");
        var toCommissioner = notes.Where(n => n.UserId == commissioner.Id).ToList();
        toCommissioner.Select(n => n.Link).ShouldContain($"/development/cases/{reviewed}");
        toCommissioner.Single(n => n.Link == $"/development/cases/{reviewed}").Title.ShouldContain("联审");
        notes.ShouldNotContain(n => n.UserId == otherSecretary.Id);
        notes.Count(n => n.Link == $"/development/cases/{reviewed}").ShouldBe(2); // the commissioner and the root's admin, not the branch again
    }
}

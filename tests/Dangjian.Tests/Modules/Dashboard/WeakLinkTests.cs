using Dangjian.Web.Modules.Dashboard;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Seeding;

namespace Dangjian.Tests.Modules.Dashboard;

/// <summary>Weak links found in a seeded tenant, ranked, scoped to the subtree, assigned and closed; a closed one stays closed, a cured one resolves.</summary>
public sealed class WeakLinkTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task RunJobAsync() =>
        app.Services.GetServices<Dangjian.Web.Platform.Jobs.IJob>().Single(j => j.Name == "dashboard-rollups").RunAsync(app.Services, CancellationToken.None);

    [Fact]
    public async Task Found_Ranked_Scoped_AssignedClosed_Resolved()
    {
        var (tenant, _) = await TestTenant.SeedAsync(app, 400);
        await app.InTenantAsync(tenant.TenantId, db => MeetingsDemo.SeedAsync(db, app.Clock));
        var lost = await app.InTenantAsync(tenant.TenantId, db => db.Members.OrderBy(m => m.Id)
            .FirstAsync(m => m.Category == MemberCategory.Full && m.Status == MembershipStatus.Normal));
        var today = Dangjian.Web.Platform.Clock.ChinaTime.Date(app.Clock.GetUtcNow());
        await app.InTenantAsync(tenant.TenantId, db => db.Members.Where(m => m.Id == lost.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OutOfContactSince, today.AddMonths(-7))));
        await RunJobAsync();
        using var admin = await app.ClientForAsync(tenant.Admin);

        var page = await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/weak-links?pageSize=200");
        var items = page["items"]!.AsArray();
        items.Count.ShouldBeGreaterThan(0);
        var scores = items.Select(i => i!["score"]!.GetValue<int>()).ToList();
        scores.ShouldBe(scores.OrderByDescending(s => s).ToList());
        items.Select(i => i!.Str("rule")).ShouldContain("meetings-missed"); // the branches without a meeting this year
        var mine = items.Single(i => i!.Str("rule") == "out-of-contact")!;
        mine.Id("memberId").ShouldBe(lost.Id);
        mine.Str("reason").ShouldContain("失联");
        mine.Str("article").ShouldContain("第二十四条");
        items.ShouldAllBe(i => i!.Str("status") == "Open");

        // Scope: the secretary of one branch sees that branch's items only.
        var branch = await app.InTenantAsync(tenant.TenantId, db => db.OrgUnits.FirstAsync(u => u.Id == lost.OrgUnitId || (u.Kind == OrgUnitKind.Branch && u.Path == lost.OrgPath)));
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var theirs = (await secretary.GetJsonAsync($"/api/v1/org-units/{branch.Id}/weak-links?pageSize=200"))["items"]!.AsArray();
        theirs.ShouldAllBe(i => items.Any(x => x!.Id("id") == i!.Id("id")));
        theirs.Count.ShouldBeLessThan(items.Count);
        (await secretary.GetAsync($"/api/v1/org-units/{tenant.Root.Id}/weak-links")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Assigned, then closed with a note (a note is required); closed stays closed when found again.
        var id = mine.Id("id");
        using (var noName = await admin.PostAsJsonAsync($"/api/v1/weak-links/{id}/assign", new { assignedTo = " " }))
            (await noName.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["assignedTo"]);
        using (var assigned = await admin.PostAsJsonAsync($"/api/v1/weak-links/{id}/assign", new { assignedTo = "组织委员", note = "本周内走访" }))
            (await assigned.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Assigned");
        using (var noNote = await admin.PostAsJsonAsync($"/api/v1/weak-links/{id}/close", new { }))
            (await noNote.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["note"]);
        using (var closed = await admin.PostAsJsonAsync($"/api/v1/weak-links/{id}/close", new { note = "已联系上，在外地务工" }))
        {
            var body = (await closed.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
            body.Str("status").ShouldBe("Closed");
            body.Str("note").ShouldContain("本周内走访");
            body.Str("note").ShouldContain("已联系上");
        }
        await RunJobAsync();
        (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/weak-links?status=Closed"))["items"]!.AsArray().Select(i => i!.Id("id")).ShouldContain(id);
        using (var again = await admin.PostAsJsonAsync($"/api/v1/weak-links/{id}/close", new { note = "再次关闭" }))
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // A finding that no longer holds (here: the branch was dissolved) resolves by itself at the next run.
        var missed = items.First(i => i!.Str("rule") == "meetings-missed")!;
        var missedId = missed.Id("id");
        var unitId = missed.Id("orgUnitId");
        (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/weak-links?status=Bogus", HttpStatusCode.BadRequest))["errors"]!.AsObject()
            .Select(e => e.Key).ShouldBe(["status"]);
        await app.InTenantAsync(tenant.TenantId, db => db.OrgUnits.Where(u => u.Id == unitId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DissolvedAt, app.Clock.GetUtcNow())));
        await RunJobAsync();
        (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/weak-links?status=Resolved&pageSize=200"))["items"]!.AsArray()
            .Select(i => i!.Id("id")).ShouldContain(missedId);
    }

    [Fact]
    public async Task Pages_DashboardListsThem_AssignedAndClosedFromTheList()
    {
        var (tenant, _) = await TestTenant.SeedAsync(app, 300);
        using var admin = await app.ClientForAsync(tenant.Admin);
        var board = await admin.GetStringAsync($"/dashboard?unit={tenant.Root.Id}");
        board.ShouldContain("data-testid=\"dashboard-weak-links\"");
        board.ShouldContain("本年度有");

        var url = $"/dashboard/weak-links?unit={tenant.Root.Id}";
        var listPage = await admin.GetStringAsync(url);
        listPage.ShouldContain("未按规定召开组织生活");
        // Each item is labelled with its rule in Chinese, never the code.
        listPage.ShouldContain("data-testid=\"weak-link-rule\">未按规定召开</span>");
        listPage.ShouldNotContain(">meetings-missed<");
        var first = await app.InTenantAsync(tenant.TenantId, db => db.WeakLinks.OrderByDescending(w => w.Score).ThenBy(w => w.OrgPath).ThenBy(w => w.Key).FirstAsync());
        using (var assigned = await admin.PostFormAsync(url, $"assign-{first.Id}", new() { ["AssignedTo"] = "宣传委员" }))
            assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect, await assigned.Content.ReadAsStringAsync());
        using (var noNote = await admin.PostFormAsync(url, $"close-{first.Id}", new()))
        {
            noNote.StatusCode.ShouldBe(HttpStatusCode.OK, noNote.Headers.Location?.ToString());
            (await noNote.Content.ReadAsStringAsync()).ShouldContain("关闭时须写明整改或跟进情况");
        }
        using (var closed = await admin.PostFormAsync(url, $"close-{first.Id}", new() { ["CloseNote"] = "已补开支部党员大会" }))
            closed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await closed.Content.ReadAsStringAsync());
        var stored = await app.InTenantAsync(tenant.TenantId, db => db.WeakLinks.SingleAsync(w => w.Id == first.Id));
        stored.Status.ShouldBe(Dangjian.Web.Modules.Dashboard.WeakLinks.WeakLinkStatus.Closed);
        stored.AssignedTo.ShouldBe("宣传委员");
        (await admin.GetStringAsync(url + "&status=Closed")).ShouldContain("已补开支部党员大会");
    }
}

using Dangjian.Web.Modules.Meetings;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>心得: written by those expected once the meeting started, rewritten not duplicated, read by the host; changes audited.</summary>
public sealed class ReflectionTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Reflection_WrittenOnThePhone_RewrittenOnce_HostReadsAll_OthersOnlyTheirOwn()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var members = await tenant.AddMembersAsync(branch, 2);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var phones = new List<HttpClient>();
        foreach (var m in members)
        {
            var user = await tenant.AddMemberAccountAsync(branch, m.Id);
            phones.Add(await app.ClientForAsync(user));
        }
        var start = app.Clock.GetUtcNow().AddMinutes(20);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "PartyLecture", topic = "专题党课", startsAt = start, endsAt = start.AddHours(1),
        });
        var id = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();

        using (var early = await phones[0].PutAsJsonAsync($"/api/v1/meetings/{id}/reflections/mine", new { text = "提前写" }))
            (await early.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.Str("code").ShouldBe("MEETING_NOT_STARTED");
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        using (var empty = await phones[0].PutAsJsonAsync($"/api/v1/meetings/{id}/reflections/mine", new { text = "  " }))
            (await empty.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["text"]);
        using (var tooLong = await phones[0].PutAsJsonAsync($"/api/v1/meetings/{id}/reflections/mine", new { text = new string('学', 4001) }))
            (await tooLong.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["text"]);
        using (var first = await phones[0].PutAsJsonAsync($"/api/v1/meetings/{id}/reflections/mine", new { text = "深受教育" }))
            await first.ShouldHaveStatusAsync(HttpStatusCode.Created);
        using (var again = await phones[0].PutAsJsonAsync($"/api/v1/meetings/{id}/reflections/mine", new { text = "深受教育，要学以致用" }))
            (await again.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("text").ShouldBe("深受教育，要学以致用");
        using (var second = await phones[1].PutAsJsonAsync($"/api/v1/meetings/{id}/reflections/mine", new { text = "收获很大" }))
            await second.ShouldHaveStatusAsync(HttpStatusCode.Created);

        var all = (await secretary.GetJsonAsync($"/api/v1/meetings/{id}/reflections")).AsArray();
        all.Select(r => r!.Str("text")).ShouldBe(["深受教育，要学以致用", "收获很大"], ignoreOrder: true);
        var own = (await phones[1].GetJsonAsync($"/api/v1/meetings/{id}/reflections")).AsArray();
        own.Select(r => r!.Str("text")).ShouldBe(["收获很大"]);
        (await app.InTenantAsync(tenant.TenantId, db => db.MeetingReflections.CountAsync())).ShouldBe(2);
        // The rewrite is in the audit trail with the text before it.
        var audit = await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries.Where(a => a.EntityType == "MeetingReflection").ToListAsync());
        audit.Count.ShouldBe(3);

        // The pages: the member's form keeps the text; the record page lists both for the host.
        (await phones[0].GetStringAsync($"/meetings/{id}")).ShouldContain("深受教育，要学以致用");
        using var viaPage = await phones[1].PostFormAsync($"/meetings/{id}", "meeting-reflection", new() { ["Reflection.Text"] = "收获很大，回去传达" });
        viaPage.StatusCode.ShouldBe(HttpStatusCode.Redirect, await viaPage.Content.ReadAsStringAsync());
        var recordPage = await secretary.GetStringAsync($"/meetings/{id}/record");
        recordPage.ShouldContain("收获很大，回去传达");
        recordPage.ShouldContain("深受教育，要学以致用");
    }
}

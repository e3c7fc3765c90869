using Dangjian.Web.Modules.Members;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Members.Registry;

/// <summary>
/// The record tabs 职务, 奖惩, 出国出境, 困难情况, 家庭成员: added, changed and removed by those who manage the person,
/// read by those who may see the person (困难情况 and 家庭成员 only with personal-data rights, each look logged),
/// and read by the person on their own record.
/// </summary>
public sealed class RecordTabsApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Url(Guid memberId, string kind) => $"/api/v1/members/{memberId}/records/{kind}";

    private async Task<(TestTenant Tenant, OrgUnit Branch, Guid MemberId)> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 1))[0];
        return (tenant, branch, member.Id);
    }

    [Fact]
    public async Task EachTab_AddListChangeRemove_RoundTripsAndIsAudited()
    {
        var (tenant, branch, id) = await WorldAsync();
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var lines = new (string Kind, object Body)[]
        {
            ("post", new { title = "支部组织委员", organisation = "第一车间", startedOn = "2021-03-01" }),
            ("rewardPunishment", new { category = "奖励", title = "优秀共产党员", organisation = "集团党委", startedOn = "2025-07-01" }),
            ("travelAbroad", new { title = "新加坡", category = "因公", startedOn = "2026-10-01", endedOn = "2026-10-08", detail = "技术交流" }),
            ("hardship", new { category = "患病", title = "家属长期住院", startedOn = "2026-03-01", detail = "慰问金 2000 元" }),
            ("family", new { category = "配偶", title = "李某某", startedOn = "1982-05-01", organisation = "某中学教师", detail = "群众" }),
        };
        foreach (var (kind, body) in lines)
        {
            using var created = await secretary.PostAsJsonAsync(Url(id, kind), body);
            var entry = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
            var list = (await secretary.GetJsonAsync(Url(id, kind))).AsArray();
            list.Count.ShouldBe(1, kind);
            list[0]!.Id().ShouldBe(entry.Id());
        }

        var post = (await secretary.GetJsonAsync(Url(id, "post"))).AsArray()[0]!;
        using var changed = await secretary.PutAsJsonAsync($"{Url(id, "post")}/{post.Id()}",
            new { title = "支部书记", organisation = "第一车间", startedOn = "2021-03-01", endedOn = "2024-03-01" });
        (await changed.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("title").ShouldBe("支部书记");
        (await secretary.DeleteAsync($"{Url(id, "post")}/{post.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await secretary.GetJsonAsync(Url(id, "post"))).AsArray().Count.ShouldBe(0);

        // Created 5, changed 1, removed 1: seven audit entries, the removal keeping what the line said.
        var audit = await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries.Where(a => a.EntityType == "MemberRecordEntry").ToListAsync());
        audit.Count.ShouldBe(7);
        System.Text.RegularExpressions.Regex.Unescape(audit.Single(a => a.Action == "Deleted").Before!).ShouldContain("支部书记");
    }

    [Fact]
    public async Task Add_BadLine_NamesEachFieldAndStoresNothing()
    {
        var (tenant, _, id) = await WorldAsync();
        using var admin = await app.ClientForAsync(tenant.Admin);

        using var bad = await admin.PostAsJsonAsync(Url(id, "rewardPunishment"), new { category = "表扬", startedOn = "2027-01-01" });
        var errors = (await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).OrderBy(k => k).ShouldBe(["category", "startedOn", "title"]);
        using var unknown = await admin.PostAsJsonAsync(Url(id, "pets"), new { title = "猫" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.InTenantAsync(tenant.TenantId, db => db.MemberRecordEntries.CountAsync(e => e.MemberId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task SensitiveTabs_NeedPersonalDataRights_AndEveryLookIsLogged()
    {
        var (tenant, branch, id) = await WorldAsync();
        using var admin = await app.ClientForAsync(tenant.Admin);
        (await admin.PostAsJsonAsync(Url(id, "family"), new { category = "子女", title = "张小明" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync(Url(id, "post"), new { title = "党小组长", startedOn = "2020-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var publicity = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.PublicityCommissioner));
        (await publicity.GetAsync(Url(id, "post"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await publicity.GetAsync(Url(id, "family"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await publicity.PostAsJsonAsync(Url(id, "post"), new { title = "越权", startedOn = "2020-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var before = await app.InTenantAsync(tenant.TenantId, db => db.MemberAccessLogs.CountAsync(a => a.MemberId == id));
        (await admin.GetJsonAsync(Url(id, "family"))).AsArray().Count.ShouldBe(1);
        (await admin.GetJsonAsync(Url(id, "post"))).AsArray().Count.ShouldBe(1);
        var logs = await app.InTenantAsync(tenant.TenantId, db => db.MemberAccessLogs.Where(a => a.MemberId == id).ToListAsync());
        logs.Count.ShouldBe(before + 1); // the family tab, not the posts tab
        logs.ShouldContain(a => a.Detail!.Contains("家庭成员"));
    }

    [Fact]
    public async Task OwnRecord_PersonReadsTheirTabs_ButCannotChangeThem()
    {
        var (tenant, branch, id) = await WorldAsync();
        using var admin = await app.ClientForAsync(tenant.Admin);
        (await admin.PostAsJsonAsync(Url(id, "hardship"), new { category = "患病", title = "慢性病", startedOn = "2026-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var self = await tenant.AddMemberAccountAsync(branch, id);
        using var client = await app.ClientForAsync(self);

        (await client.GetJsonAsync(Url(id, "hardship"))).AsArray().Count.ShouldBe(1);
        (await client.PostAsJsonAsync(Url(id, "hardship"), new { category = "患病", title = "自己加", startedOn = "2026-01-01" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        // The person's own look is not a look by someone else.
        (await app.InTenantAsync(tenant.TenantId, db => db.MemberAccessLogs.CountAsync(a => a.MemberId == id && a.UserId == self.Id))).ShouldBe(0);
    }
}

using Dangjian.Web.Modules.Members;
using System.Net;
using Dangjian.Web.Modules.Members.Records;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Members.Registry;

/// <summary>
/// The registry's pages rendered by the app: the person's tabs with their forms (posted with the antiforgery token),
/// the list of mobile members with overdue reports first, and the code-table editor.
/// </summary>
public sealed class RegistryPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(TestTenant Tenant, OrgUnit Branch, Guid MemberId, HttpClient Secretary)> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 1))[0];
        var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        return (tenant, branch, member.Id, secretary);
    }

    [Fact]
    public async Task MemberPage_EveryTabRenders()
    {
        var (_, _, id, secretary) = await WorldAsync();
        foreach (var (tab, text) in new[]
                 {
                     ("basic", "基本信息"), ("Post", "任职单位"), ("RewardPunishment", "批准机关"), ("TravelAbroad", "前往国家（地区）"),
                     ("Hardship", "帮扶措施"), ("Family", "政治面貌"), ("contact", "未失联"), ("mobile", "登记外出"),
                 })
        {
            using var page = await secretary.GetAsync($"/members/{id}?tab={tab}");
            page.StatusCode.ShouldBe(HttpStatusCode.OK, tab + " -> " + page.Headers.Location);
            (await page.Content.ReadAsStringAsync()).ShouldContain(text, customMessage: tab);
        }
    }

    [Fact]
    public async Task RecordTab_Form_AddsLineOrNamesTheMissingField()
    {
        var (tenant, _, id, secretary) = await WorldAsync();
        var url = $"/members/{id}?tab=RewardPunishment";

        using var bad = await secretary.PostFormAsync(url, "record-entry", new() { ["Form.Category"] = "奖励", ["Form.StartedOn"] = "2025-07-01" });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("请填写奖惩名称");

        using var good = await secretary.PostFormAsync(url, "record-entry", new()
        {
            ["Form.Category"] = "奖励", ["Form.Title"] = "优秀党务工作者", ["Form.Organisation"] = "集团党委", ["Form.StartedOn"] = "2025-07-01",
        });
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect, await good.Content.ReadAsStringAsync());
        var entry = await app.InTenantAsync(tenant.TenantId, db => db.MemberRecordEntries.SingleAsync(e => e.MemberId == id));
        (entry.Kind, entry.Title, entry.StartedOn).ShouldBe((RecordKind.RewardPunishment, "优秀党务工作者", new DateOnly(2025, 7, 1)));
        (await secretary.GetStringAsync(url)).ShouldContain("优秀党务工作者");
    }

    [Fact]
    public async Task ContactAndMobileTabs_Forms_RecordFollowUpAndRegistration()
    {
        var (tenant, branch, id, secretary) = await WorldAsync();

        using var followUp = await secretary.PostFormAsync($"/members/{id}?tab=contact", "contact-follow-up", new()
        {
            ["Form.On"] = "2026-11-20", ["Form.Method"] = "Visit", ["Form.Reached"] = "true", ["Form.Note"] = "上门走访",
        });
        followUp.StatusCode.ShouldBe(HttpStatusCode.Redirect, await followUp.Content.ReadAsStringAsync());
        (await app.InTenantAsync(tenant.TenantId, db => db.ContactFollowUps.SingleAsync(f => f.MemberId == id))).Note.ShouldBe("上门走访");

        using var register = await secretary.PostFormAsync($"/members/{id}?tab=mobile", "mobile-register", new()
        {
            ["Form.Destination"] = "江苏省苏州市", ["Form.LeftOn"] = tenant.Today.AddMonths(-14).ToString("yyyy-MM-dd"),
        });
        register.StatusCode.ShouldBe(HttpStatusCode.Redirect, await register.Content.ReadAsStringAsync());
        (await app.InTenantAsync(tenant.TenantId, db => db.Members.SingleAsync(m => m.Id == id))).IsMobile.ShouldBeTrue();

        var list = await secretary.GetStringAsync($"/members/mobile?unit={branch.Id}&overdue=true");
        list.ShouldContain("江苏省苏州市");
        list.ShouldContain("逾期未汇报");

        var regId = await app.InTenantAsync(tenant.TenantId, db => db.MobileRegistrations.Where(r => r.MemberId == id).Select(r => r.Id).SingleAsync());
        using var report = await secretary.PostFormAsync($"/members/{id}?tab=mobile", $"report-{regId}", new()
        {
            ["Report.ReportedOn"] = tenant.Today.ToString("yyyy-MM-dd"), ["Report.Method"] = "Written", ["Report.Content"] = "书面汇报思想和工作",
        });
        report.StatusCode.ShouldBe(HttpStatusCode.Redirect, await report.Content.ReadAsStringAsync());
        (await app.InTenantAsync(tenant.TenantId, db => db.MobileReports.SingleAsync(r => r.RegistrationId == regId))).Content.ShouldBe("书面汇报思想和工作");
        (await secretary.GetStringAsync($"/members/mobile?unit={branch.Id}&overdue=true")).ShouldNotContain("江苏省苏州市");
    }

    [Fact]
    public async Task CodeTablesPage_AdminSavesValuesOnePerLine()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);
        (await admin.GetStringAsync("/admin/code-tables/jobPost")).ShouldContain("公有经济控制企业管理岗位");

        using var saved = await admin.PostFormAsync("/admin/code-tables/jobPost", "code-table", new() { ["Values"] = "公务员\n其他\n\n" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var active = await app.InTenantAsync(tenant.TenantId, db => db.CodeItems.Where(c => c.Table == "jobPost" && c.IsActive).OrderBy(c => c.SortOrder)
            .Select(c => c.Name).ToListAsync());
        active.ShouldBe(["公务员", "其他"]);
        (await admin.GetStringAsync("/admin/code-tables/jobPost")).ShouldContain("已停用");
    }
}

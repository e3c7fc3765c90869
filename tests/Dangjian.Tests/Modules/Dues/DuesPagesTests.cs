using Dangjian.Web.Modules.Dues;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// The dues pages rendered by the app (static SSR): a member's bills with their statuses and ¥ amounts, the forms that
/// record a payment and set a base (posted with their antiforgery token), and a unit's collection and arrears.
/// </summary>
public sealed class DuesPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(TestTenant Tenant, OrgUnit Branch, Guid MemberId, HttpClient Admin)> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 1))[0];
        var admin = await app.ClientForAsync(tenant.Admin);
        using var r = await admin.PostAsJsonAsync($"/api/v1/members/{member.Id}/dues/bases", new { effectiveMonth = "2026-01", category = "Serving", baseFen = 300_000 });
        await r.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (tenant, branch, member.Id, admin);
    }

    [Fact]
    public async Task MemberDuesPage_RecordPaymentForm_RedirectsAndShowsPaid()
    {
        var (_, _, memberId, admin) = await WorldAsync();
        var url = $"/members/{memberId}/dues";
        var before = await admin.GetStringAsync(url + "?year=2026");
        before.ShouldContain("¥15.00");  // ¥3,000 × 0.5%
        before.ShouldContain("未交");

        using var posted = await admin.PostFormAsync(url + "?year=2026", "record-payment", new()
        {
            ["Pay.Month"] = "2026-10", ["Pay.Amount"] = "15.00", ["Pay.Voluntary"] = "", ["Pay.PaidOn"] = "2026-10-12", ["Pay.Method"] = "Self",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        posted.Headers.Location!.ToString().ShouldContain("saved=payment");

        var bills = await admin.GetJsonAsync($"/api/v1/members/{memberId}/dues?year=2026");
        bills["bills"]![9]!.Str("status").ShouldBe("paid");
        bills["bills"]![9]!["paidFen"]!.GetValue<long>().ShouldBe(1_500);
        (await admin.GetStringAsync(url + "?year=2026&saved=payment")).ShouldContain("已交");
    }

    [Fact]
    public async Task MemberDuesPage_RecordPaymentRefused_ShowsMessageAndArticle()
    {
        var (_, _, memberId, admin) = await WorldAsync();
        using var posted = await admin.PostFormAsync($"/members/{memberId}/dues", "record-payment", new()
        {
            ["Pay.Month"] = "2026-04", ["Pay.Amount"] = "15", ["Pay.PaidOn"] = "2026-11-22", ["Pay.Method"] = "Self",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await posted.Content.ReadAsStringAsync();
        html.ShouldContain("补交超过了 6 个月");
        html.ShouldContain("《关于中国共产党党费收缴、使用和管理的规定》第十二条");
    }

    [Fact]
    public async Task MemberDuesPage_SetBaseForm_NewAmountFromItsMonth()
    {
        var (_, _, memberId, admin) = await WorldAsync();
        using var posted = await admin.PostFormAsync($"/members/{memberId}/dues", "set-base", new()
        {
            ["Base.EffectiveMonth"] = "2026-07", ["Base.Category"] = "Serving", ["Base.Amount"] = "6000.00", ["Base.Note"] = "调资",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var bills = (await admin.GetJsonAsync($"/api/v1/members/{memberId}/dues?year=2026"))["bills"]!.AsArray();
        bills[5]!["amountFen"]!.GetValue<long>().ShouldBe(1_500);  // June: ¥3,000 × 0.5%
        bills[6]!["amountFen"]!.GetValue<long>().ShouldBe(9_000);  // July: ¥6,000 × 1.5%
    }

    [Fact]
    public async Task MemberDuesPage_BaseWithThreeDecimals_FieldErrorAndNothingSaved()
    {
        var (tenant, _, memberId, admin) = await WorldAsync();
        using var posted = await admin.PostFormAsync($"/members/{memberId}/dues", "set-base", new()
        {
            ["Base.EffectiveMonth"] = "2026-07", ["Base.Category"] = "Serving", ["Base.Amount"] = "6000.005",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).ShouldContain("最多两位小数");
        (await app.InTenantAsync(tenant.TenantId, db => db.DuesBases.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task DuesPage_Unit_CollectionAndArrearsShown()
    {
        var (_, branch, _, admin) = await WorldAsync();
        var html = await admin.GetStringAsync($"/dues?unit={branch.Id}&year=2026");
        html.ShouldContain("党费收缴情况");
        html.ShouldContain("¥165.00");  // amount due January–November: 11 × ¥15
        html.ShouldContain("连续未交党费");
        html.ShouldContain("可视为自行脱党");  // January–October unpaid: 10 months, flagged
    }
}

using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Members.Registry;

/// <summary>流动党员: registration marks the record, one open registration at a time, reports, overdue list, return.</summary>
public sealed class MobileMembersApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Register_Report_Return_KeepsTheRecordInStep()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 1))[0];
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var today = tenant.Today;

        using var registered = await secretary.PostAsJsonAsync($"/api/v1/members/{member.Id}/mobile-registrations", new
        {
            destination = "广东省深圳市", destinationOrganisation = "深圳市某流动党员党支部", contact = "13912345678",
            certificateNumber = "LD2026001", leftOn = today.AddMonths(-13).ToString("yyyy-MM-dd"),
        });
        var reg = (await registered.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        reg.Str("contact").ShouldBe("139****5678");
        reg["reportOverdue"]!.GetValue<bool>().ShouldBeTrue(); // 13 months away without a report
        var stored = await app.InTenantAsync(tenant.TenantId, db => db.Members.SingleAsync(m => m.Id == member.Id));
        stored.IsMobile.ShouldBeTrue();
        stored.MobileDestination.ShouldBe("广东省深圳市");
        (await app.InTenantAsync(tenant.TenantId, db => db.MobileRegistrations.SingleAsync())).ContactEncrypted!.ShouldNotContain("13912345678");

        using var again = await secretary.PostAsJsonAsync($"/api/v1/members/{member.Id}/mobile-registrations",
            new { destination = "上海", leftOn = today.ToString("yyyy-MM-dd") });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var overdue = await secretary.GetJsonAsync($"/api/v1/mobile-registrations?orgUnitId={branch.Id}&overdue=true");
        overdue["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([reg.Id()]);

        using var report = await secretary.PostAsJsonAsync($"/api/v1/mobile-registrations/{reg.Id()}/reports",
            new { reportedOn = today.ToString("yyyy-MM-dd"), method = "Phone", content = "在深圳参加流入地党支部组织生活" });
        var reported = (await report.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        reported["reportOverdue"]!.GetValue<bool>().ShouldBeFalse();
        reported.Str("nextReportDue").ShouldBe(today.AddMonths(12).ToString("yyyy-MM-dd"));
        (await secretary.GetJsonAsync($"/api/v1/mobile-registrations?orgUnitId={branch.Id}&overdue=true"))["items"]!.AsArray().Count.ShouldBe(0);

        using var ended = await secretary.PostAsJsonAsync($"/api/v1/mobile-registrations/{reg.Id()}/end", new { returnedOn = today.ToString("yyyy-MM-dd") });
        await ended.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await app.InTenantAsync(tenant.TenantId, db => db.Members.SingleAsync(m => m.Id == member.Id))).IsMobile.ShouldBeFalse();
        using var late = await secretary.PostAsJsonAsync($"/api/v1/mobile-registrations/{reg.Id()}/reports",
            new { reportedOn = today.ToString("yyyy-MM-dd"), method = "Phone", content = "补报" });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Register_BadInput_NamesFields_AndNonMembersRefused()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 1))[0];
        var activist = (await tenant.AddMembersAsync(branch, 1, MemberCategory.Activist))[0];
        using var admin = await app.ClientForAsync(tenant.Admin);

        using var bad = await admin.PostAsJsonAsync($"/api/v1/members/{member.Id}/mobile-registrations",
            new { leftOn = tenant.Today.AddDays(1).ToString("yyyy-MM-dd") });
        var errors = (await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).OrderBy(k => k).ShouldBe(["destination", "leftOn"]);
        using var notMember = await admin.PostAsJsonAsync($"/api/v1/members/{activist.Id}/mobile-registrations",
            new { destination = "北京", leftOn = tenant.Today.ToString("yyyy-MM-dd") });
        notMember.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.InTenantAsync(tenant.TenantId, db => db.MobileRegistrations.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task MobileReport_CountsAsContact()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 1))[0];
        await app.InTenantAsync(tenant.TenantId, db => db.Members.Where(m => m.Id == member.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, app.Clock.GetUtcNow().AddYears(-2))));
        using var admin = await app.ClientForAsync(tenant.Admin);
        var reg = (await (await admin.PostAsJsonAsync($"/api/v1/members/{member.Id}/mobile-registrations",
            new { destination = "浙江省杭州市", leftOn = tenant.Today.AddYears(-1).ToString("yyyy-MM-dd") })).ReadJsonAsync());
        (await admin.PostAsJsonAsync($"/api/v1/mobile-registrations/{reg.Id()}/reports",
            new { reportedOn = tenant.Today.AddMonths(-1).ToString("yyyy-MM-dd"), method = "Online", content = "线上汇报" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        await app.Services.GetServices<Dangjian.Web.Platform.Jobs.IJob>().Single(j => j.Name == "out-of-contact").RunAsync(app.Services, CancellationToken.None);

        (await app.InTenantAsync(tenant.TenantId, db => db.Members.SingleAsync(m => m.Id == member.Id))).OutOfContactSince.ShouldBeNull();
    }
}

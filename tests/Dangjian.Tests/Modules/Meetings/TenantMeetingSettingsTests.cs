using System.Net;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Organizations;
using Microsoft.Extensions.Options;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>Meeting settings per tenant: a tenant's own values over the installation's, nothing else changed.</summary>
public sealed class TenantMeetingSettingsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly Guid TenantA = Guid.Parse("0198a2f0-0000-7000-8000-00000000000a");

    private static MeetingOptions Installation() => new()
    {
        Frequencies = new() { ["PartyLecture"] = "Month" },
        DueSoonDays = 7,
        Tenants = new()
        {
            [TenantA.ToString().ToUpperInvariant()] = new MeetingTenantSettings { Frequencies = new() { ["ThemeDay"] = "None" }, DueSoonDays = 10, LateAfterMinutes = 5 },
        },
    };

    [Fact]
    public void For_TheTenant_ItsValuesOverTheInstallations()
    {
        var a = Installation().For(TenantA);
        a.Frequencies.ShouldBe(new Dictionary<string, string> { ["PartyLecture"] = "Month", ["ThemeDay"] = "None" }, ignoreOrder: true);
        a.DueSoonDays.ShouldBe(10);
        a.LateAfterMinutes.ShouldBe(5);
        a.CodeWindowSeconds.ShouldBe(30);          // not settable per tenant: the installation's
        a.PreApprovalDaysBefore.ShouldBe(7);
    }

    [Fact]
    public void For_AnotherTenant_TheInstallationsValues()
    {
        var options = Installation();
        var b = options.For(Guid.CreateVersion7());
        b.ShouldBeSameAs(options);
        b.Frequencies.ShouldBe(new Dictionary<string, string> { ["PartyLecture"] = "Month" });
        b.DueSoonDays.ShouldBe(7);
    }

    [Fact]
    public async Task Compliance_FollowsTheTenantsOwnFrequencies()
    {
        var mine = await TestTenant.CreateAsync(app);
        var other = await TestTenant.CreateAsync(app);
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<MeetingOptions>>();
        monitor.CurrentValue.Tenants[mine.TenantId.ToString()] = new MeetingTenantSettings { Frequencies = new() { ["ThemeDay"] = "None" } };
        try
        {
            foreach (var (tenant, expectThemeDay) in new[] { (mine, false), (other, true) })
            {
                var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
                using var admin = await app.ClientForAsync(tenant.Admin);
                var calendar = await admin.GetJsonAsync($"/api/v1/org-units/{branch.Id}/compliance?year=2026");
                calendar["requirements"]!.AsArray().Any(r => r!.Str("type") == "ThemeDay").ShouldBe(expectThemeDay);
                calendar["requirements"]!.AsArray().Any(r => r!.Str("type") == "BranchGeneralMeeting").ShouldBeTrue();
            }
        }
        finally
        {
            monitor.CurrentValue.Tenants.Remove(mine.TenantId.ToString());
        }
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.Honours;
using Dangjian.Web.Platform.Clock;

namespace Dangjian.Tests.Modules.Assessment.Honours;

/// <summary>The demo's honours: last year's campaign finished with its awards in a valid ledger, this year's taking nominations.</summary>
public sealed class HonoursDemoTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Demo_LastYearAwarded_ThisYearNominating_LedgerValid()
    {
        var (tenant, _) = await TestTenant.SeedAsync(app, 200);
        await using (var scope = app.Scope(tenant.TenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await Dangjian.Web.Seeding.Assessment.HonoursDemo.SeedAsync(scope.ServiceProvider, db, app.Clock, default);
            await Dangjian.Web.Seeding.Assessment.HonoursDemo.SeedAsync(scope.ServiceProvider, db, app.Clock, default); // a second run adds nothing
        }
        var year = app.Clock.Today().Year;
        var campaigns = await app.InTenantAsync(tenant.TenantId, db => db.HonourCampaigns.AsNoTracking().OrderBy(c => c.Year).ToListAsync());
        campaigns.Select(c => (c.Year, c.Status)).ShouldBe([(year - 1, HonourCampaignStatus.Awarded), (year, HonourCampaignStatus.Nomination)]);
        var awards = await app.InTenantAsync(tenant.TenantId, db => db.HonourAwards.AsNoTracking().Where(a => a.CampaignId == campaigns[0].Id).CountAsync());
        awards.ShouldBeGreaterThanOrEqualTo(3);
        (await app.InTenantAsync(tenant.TenantId, db => db.LedgerEntries.CountAsync(e => e.Kind == "honour.awarded"))).ShouldBe(awards);
        using var admin = await app.ClientForAsync(tenant.Admin);
        (await admin.GetJsonAsync("/api/v1/ledger/verify"))["valid"]!.GetValue<bool>().ShouldBeTrue();
        var page = await admin.GetStringAsync($"/assessment/honours/{campaigns[0].Id}");
        page.ShouldContain("data-testid=\"awards\"");
    }
}

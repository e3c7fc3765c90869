using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Seeding;

namespace Dangjian.Tests.Seeding;

/// <summary>The demo's organisational life: every branch up to today, mostly green with a few red on purpose, rates steady.</summary>
public sealed class MeetingsDemoTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Demo_EveryBranchHeldItsMeetingsUpToToday_AFewRed_RatesSteady()
    {
        var (tenant, _) = await TestTenant.SeedAsync(app, 600);
        await app.InTenantAsync(tenant.TenantId, db => MeetingsDemo.SeedAsync(db, app.Clock));
        using var admin = await app.ClientForAsync(tenant.Admin);

        var ranked = (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/compliance/branches?year=2026")).AsArray();
        var red = ranked.Count(b => b!["red"]!.GetValue<int>() > 0);
        red.ShouldBeInRange(1, 3, "the weak spots only");
        ranked.ShouldAllBe(b => b!["green"]!.GetValue<int>() > 0);

        var report = await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/attendance?from=2026-01-01&to=2026-12-31");
        var months = report["months"]!.AsArray();
        months.Select(m => m!.Str("month")).ShouldBe(Enumerable.Range(1, 11).Select(m => $"2026-{m:00}"));   // today is 2026-11-22
        foreach (var m in months) m!["counts"]!["signInRate"]!.GetValue<decimal>().ShouldBeInRange(80m, 99m);
        var meetings = await app.InTenantAsync(tenant.TenantId, db => db.Meetings.CountAsync());
        report["meetings"]!.GetValue<int>().ShouldBe(meetings);
        (await app.InTenantAsync(tenant.TenantId, db => db.Meetings.CountAsync(m => m.StartsAt > app.Clock.GetUtcNow().AddHours(-3)))).ShouldBe(0);
        (await app.InTenantAsync(tenant.TenantId, db => db.Meetings.CountAsync(m => m.RollClosedAt == null))).ShouldBe(0);
    }
}

using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Seeding;

namespace Dangjian.Tests.Seeding;

/// <summary>The demo's organisational life: red and green on the calendar, rates rising over the months, the current quarter open.</summary>
public sealed class MeetingsDemoTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Demo_CalendarShowsRedAndGreen_RatesRise_CurrentQuarterLeftOpen()
    {
        var (tenant, _) = await TestTenant.SeedAsync(app, 600);
        await app.InTenantAsync(tenant.TenantId, db => MeetingsDemo.SeedAsync(db, app.Clock));
        using var admin = await app.ClientForAsync(tenant.Admin);

        var ranked = (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/compliance/branches?year=2026")).AsArray();
        ranked.Count(b => b!["red"]!.GetValue<int>() > 0).ShouldBeGreaterThan(0);
        ranked.Count(b => b!["green"]!.GetValue<int>() > 0).ShouldBeGreaterThan(0);

        var report = await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/attendance?from=2026-01-01&to=2026-12-31");
        var months = report["months"]!.AsArray();
        months.Select(m => m!.Str("month")).ShouldBe(Enumerable.Range(1, 9).Select(m => $"2026-{m:00}"));   // today is 2026-11-22: Q4 open
        var first = months[0]!["counts"]!["signInRate"]!.GetValue<decimal>();
        var last = months[^1]!["counts"]!["signInRate"]!.GetValue<decimal>();
        first.ShouldBeInRange(50m, 66m);
        last.ShouldBeInRange(85m, 99m);
        var meetings = await app.InTenantAsync(tenant.TenantId, db => db.Meetings.CountAsync());
        report["meetings"]!.GetValue<int>().ShouldBe(meetings);
        (await app.InTenantAsync(tenant.TenantId, db => db.Meetings.CountAsync(m => m.StartsAt >= new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero)))).ShouldBe(0);
    }
}

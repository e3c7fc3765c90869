using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Seeding;

namespace Dangjian.Tests.Seeding;

/// <summary>The demo's dues: bills collected by most, some in arrears, amounts by the dues rules, and the dashboard shows them.</summary>
public sealed class DuesDemoTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Demo_DuesAreMostlyPaid_SomeInArrears_AndTheDashboardShowsThem()
    {
        var (tenant, _) = await TestTenant.SeedAsync(app, 600);
        var rules = new DuesOptions();
        await app.InTenantAsync(tenant.TenantId, db => DuesDemo.SeedAsync(db, app.Clock, rules));

        var (bases, payments, payers, audited) = await app.InTenantAsync(tenant.TenantId, async db => (
            await db.DuesBases.ToListAsync(), await db.DuesPayments.ToListAsync(), await db.DuesPayments.Select(p => p.MemberId).Distinct().CountAsync(),
            await db.AuditEntries.CountAsync(a => a.EntityType == nameof(DuesPayment))));
        bases.Count.ShouldBeGreaterThan(0);
        audited.ShouldBe(0, "synthetic data, no audit entry per row");
        // Today is 2026-11-22: January to November are due, paid on or before today. Every payment is the rule's amount for
        // its month and base.
        payments.ShouldAllBe(p => p.Month >= new DateOnly(2026, 1, 1) && p.Month <= new DateOnly(2026, 11, 1) && p.PaidOn <= new DateOnly(2026, 11, 22));
        foreach (var p in payments.Take(200))
        {
            var b = bases.Single(x => x.MemberId == p.MemberId);
            p.AmountFen.ShouldBe(DuesRules.MonthlyAmountFor(p.Month, [(b.EffectiveMonth, b.Category, b.BaseFen)], rules));
        }
        var lastMonthPayers = payments.Where(p => p.Month == new DateOnly(2026, 10, 1)).Select(p => p.MemberId).Distinct().Count();
        lastMonthPayers.ShouldBeLessThan(payers, "some stopped paying: arrears");
        lastMonthPayers.ShouldBeGreaterThan(payers * 9 / 10);

        using var admin = await app.ClientForAsync(tenant.Admin);
        var shown = await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/dashboard?from=2026-01-01&to=2026-11-22");
        var rate = shown["period"]!["duesCollectionRate"]!.GetValue<decimal>();
        rate.ShouldBeInRange(90m, 99.9m);
    }
}

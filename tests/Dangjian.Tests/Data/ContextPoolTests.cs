using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Data;

/// <summary>
/// Contexts are pooled: a context leased again belongs wholly to the new scope (its tenant filter, audit author and
/// clock, and no state left by the last one), and the pool's other settings come with PostgreSQL connections.
/// </summary>
public sealed class ContextPoolTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task AContextLeasedAgain_SeesOnlyTheNewScopesTenant_AndKeepsNothingOfTheLast()
    {
        var first = await TestTenant.CreateAsync(app, "池化甲");
        var second = await TestTenant.CreateAsync(app, "池化乙");

        AppDbContext leased;
        await using (var scope = app.Scope(first.TenantId))
        {
            leased = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await leased.OrgUnits.Select(u => u.TenantId).Distinct().ToListAsync()).ShouldBe([first.TenantId]);
            leased.AuditEnabled = false;
            leased.PendingLedger.Add(default!);
        }

        // The pool hands out its contexts in turn: lease until the one used above comes back (bounded).
        var reused = false;
        for (var i = 0; i < 16 && !reused; i++)
        {
            await using var scope = app.Scope(second.TenantId);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            reused = ReferenceEquals(db, leased);
            db.CurrentTenantId.ShouldBe(second.TenantId);
            (await db.OrgUnits.Select(u => u.TenantId).Distinct().ToListAsync()).ShouldBe([second.TenantId]);
            db.AuditEnabled.ShouldBeTrue();
            db.PendingLedger.ShouldBeEmpty();
            db.ChangeTracker.Entries().ShouldBeEmpty();
        }
        reused.ShouldBeTrue("the pool gave the context back to a later scope");
    }

    public static TheoryData<string, int, bool> PostgresStrings => new()
    {
        // given, Max Auto Prepare then, No Reset On Close then
        { "Host=db;Database=dangjian", 64, true },
        { "Host=db;Database=dangjian;Max Auto Prepare=0", 0, true },
        { "Host=db;Database=dangjian;MaxAutoPrepare=8", 8, true },
        { "Host=db;Database=dangjian;No Reset On Close=false", 64, false },
        { "Host=db;Database=dangjian;noresetonclose=false;max auto prepare=16", 16, false },
        { "Host=db;Database=dangjian;Password=NoResetOnClose", 64, true },   // a value is not a key
    };

    [Theory]
    [MemberData(nameof(PostgresStrings))]
    public void PostgresConnections_GetThePoolSettings_UnlessTheStringSetsThem(string given, int maxAutoPrepare, bool noResetOnClose)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolDefaults(given));

        b.MaxAutoPrepare.ShouldBe(maxAutoPrepare);
        b.NoResetOnClose.ShouldBe(noResetOnClose);
        b.Host.ShouldBe("db");
        b.Database.ShouldBe("dangjian");
        new Npgsql.NpgsqlConnectionStringBuilder(given).Password.ShouldBe(b.Password);
    }
}

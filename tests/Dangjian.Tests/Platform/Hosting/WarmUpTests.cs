using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Hosting;
using Npgsql;

namespace Dangjian.Tests.Platform.Hosting;

/// <summary>The start-up warm-up: it runs every module's hot statements on the connections it says, and changes nothing.</summary>
public sealed class WarmUpTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public void EveryModuleWithAHotPath_RegistersItsWarmUp()
    {
        var names = app.Services.GetServices<IWarmUp>().Select(w => w.GetType().Name).ToList();
        names.ShouldContain("SignedInWarmUp");
        names.ShouldContain("SignInWarmUp");
    }

    [Fact]
    public async Task DatabaseAsync_WarmsTheConnectionsAndWritesNothing()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        await tenant.AddMembersAsync(branch, 3);
        var before = await CountsAsync();

        var warmed = await WarmUp.DatabaseAsync(app.Services, new WarmUpOptions { Connections = 6, Rounds = 5 });

        // SQLite takes at most four; PostgreSQL opens as many as asked, each held open at once.
        warmed.ShouldBe(TestDatabase.IsPostgres ? 6 : 4);
        (await CountsAsync()).ShouldBe(before);
        if (TestDatabase.IsPostgres)
        {
            // The pool keeps the connections it opened: the first burst finds them.
            var database = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString).Database;
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { Pooling = false }.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @d AND pid <> pg_backend_pid()", conn);
            cmd.Parameters.AddWithValue("d", database!);
            ((long)(await cmd.ExecuteScalarAsync())!).ShouldBeGreaterThanOrEqualTo(6);
        }
    }

    [Fact]
    public async Task DatabaseAsync_Disabled_DoesNothing()
    {
        (await WarmUp.DatabaseAsync(app.Services, new WarmUpOptions { Enabled = false })).ShouldBe(0);
    }

    private async Task<(int SignIns, int Users, int Members, int Audit)> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Set<Dangjian.Web.Modules.Meetings.MeetingSignIn>().IgnoreQueryFilters().CountAsync(),
            await db.Users.CountAsync(),
            await db.Set<Dangjian.Web.Modules.Members.Member>().IgnoreQueryFilters().CountAsync(),
            await db.AuditEntries.IgnoreQueryFilters().CountAsync());
    }
}

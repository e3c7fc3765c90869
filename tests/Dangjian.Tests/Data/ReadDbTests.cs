using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Dangjian.Tests.Data;

/// <summary>
/// The read context (<see cref="ReadDb"/>) without a replica: it reads the primary (on SQLite, the same file), bound to
/// the scope's tenant like <see cref="AppDbContext"/>, tracks nothing and never saves; on PostgreSQL its sessions are
/// read-only, so even a statement that writes is refused. Where it reads with <c>ConnectionStrings:PostgresRead</c>:
/// <see cref="DatabaseSetup.ReadConnectionString"/>. The replica itself: <c>TwoInstancesWithReplicaTests</c>.
/// </summary>
public sealed class ReadDbTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ReadDb_NoReplica_ReadsWhatThePrimarySaved_InTheScopesTenantOnly_AndRefusesWrites()
    {
        var mine = await TestTenant.CreateAsync(app);
        var other = await TestTenant.CreateAsync(app);
        var unit = await mine.AddUnitAsync(mine.Root, OrgUnitKind.Branch, "读库支部");
        await other.AddUnitAsync(other.Root, OrgUnitKind.Branch);

        await using var scope = app.Scope(mine.TenantId);
        var read = scope.ServiceProvider.GetRequiredService<ReadDb>().Db;
        read.ShouldNotBeSameAs(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        (await read.OrgUnits.Select(u => u.TenantId).Distinct().ToListAsync()).ShouldBe([mine.TenantId]);
        var row = await read.OrgUnits.SingleAsync(u => u.Id == unit.Id);
        read.ChangeTracker.Entries().ShouldBeEmpty("the read context tracks nothing");

        row.Name = "改过的名字";
        read.Update(row);
        (await Should.ThrowAsync<InvalidOperationException>(() => read.SaveChangesAsync())).Message.ShouldContain("ReadDb");
        if (TestDatabase.IsPostgres)
        {
            var refused = await Should.ThrowAsync<PostgresException>(() =>
                read.OrgUnits.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Name, "改过的名字")));
            refused.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
        }
        (await app.InTenantAsync(mine.TenantId, db => db.OrgUnits.Where(u => u.Id == unit.Id).Select(u => u.Name).SingleAsync())).ShouldBe("读库支部");
    }

    [Theory]
    [InlineData(null, "db", "dangjian-read")]
    [InlineData("Host=replica;Database=dj;Username=reader;Password=\"a;Options=b\"", "replica", "dangjian-read")]
    [InlineData("Host=replica;Database=dj;Username=reader;Application Name=reports;Options=-c statement_timeout=5000", "replica", "reports")]
    public void ReadConnectionString_Postgres_ReplicaOrPrimary_ReadOnlySessions_Named(string? replica, string host, string name)
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = "Host=db;Database=dj;Username=app" };
        if (replica is not null) settings["ConnectionStrings:PostgresRead"] = replica;
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var primary = DatabaseSetup.ConnectionString(config, Path.GetTempPath());

        var b = new NpgsqlConnectionStringBuilder(DatabaseSetup.ReadConnectionString(config, DatabaseProvider.Postgres, primary));
        b.Host.ShouldBe(host);
        b.ApplicationName.ShouldBe(name);
        b.Options.ShouldNotBeNull().ShouldContain("-c default_transaction_read_only=on");
        if (replica?.Contains("statement_timeout", StringComparison.Ordinal) == true) b.Options.ShouldContain("-c statement_timeout=5000");
        (b.MaxAutoPrepare, b.NoResetOnClose).ShouldBe((64, true));
        DatabaseSetup.HasReadReplica(config).ShouldBe(replica is not null);
    }

    [Fact]
    public void ReadConnectionString_Sqlite_TheSameFile()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Sqlite", "Data Source=/tmp/x.db"),
            new("ConnectionStrings:PostgresRead", "Host=replica")]).Build();
        DatabaseSetup.ReadConnectionString(config, DatabaseProvider.Sqlite, "Data Source=/tmp/x.db").ShouldBe("Data Source=/tmp/x.db");
        DatabaseSetup.HasReadReplica(config).ShouldBeFalse();
    }
}

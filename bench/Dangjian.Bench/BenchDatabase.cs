using Dangjian.Web.Modules.Members;
using Dangjian.Web;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members.Import;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Privacy;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dangjian.Bench;

/// <summary>
/// Opens an already-seeded database (see bench/run.sh): DJ_BENCH_SQLITE is a SQLite file path or connection string,
/// DJ_BENCH_PG a PostgreSQL connection string. DJ_BENCH_TENANT names the tenant (default 压测集团200000, the name
/// `seed --members 200000` gives); if several tenants share it, the newest is used.
/// </summary>
public static class BenchDatabase
{
    public const string SqliteVariable = "DJ_BENCH_SQLITE";
    public const string PostgresVariable = "DJ_BENCH_PG";
    public const string TenantVariable = "DJ_BENCH_TENANT";

    /// <summary>/proc/loadavg (Linux), printed around each benchmark: the machine is shared, and it shows.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    public static IEnumerable<string> ConfiguredProviders()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqliteVariable))) yield return nameof(DatabaseProvider.Sqlite);
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))) yield return nameof(DatabaseProvider.Postgres);
    }

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(string provider)
    {
        var p = Enum.Parse<DatabaseProvider>(provider);
        var raw = Environment.GetEnvironmentVariable(p == DatabaseProvider.Sqlite ? SqliteVariable : PostgresVariable)
                  ?? throw new InvalidOperationException($"{(p == DatabaseProvider.Sqlite ? SqliteVariable : PostgresVariable)} is not set.");
        if (p == DatabaseProvider.Sqlite && !raw.Contains('=', StringComparison.Ordinal))
        {
            if (!File.Exists(raw)) throw new FileNotFoundException($"{SqliteVariable}: no database file at {raw}; seed it first (bench/run.sh).", raw);
            raw = $"Data Source={raw}";
        }
        return (p, raw);
    }

    /// <summary>
    /// The services the org-tree handlers and the roster import need, wired as in the web app (same
    /// <see cref="DatabaseSetup.Configure"/>), but with logging at Warning so EF's per-command log lines are not part of
    /// what is measured, and a fixed personal-data key (no key file is created).
    /// </summary>
    public static ServiceProvider BuildServices(DatabaseProvider provider, string connectionString, bool logSql = false)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Warning);
            if (logSql) b.AddSimpleConsole(o => o.SingleLine = false).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
        });
        services.AddLocalization();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<CurrentUser>();
        services.AddAppDbContext(provider, connectionString);
        services.AddScoped<OrgAccess>();
        services.AddScoped<ListOrgUnits>();
        services.AddScoped<GetOrgUnit>();
        services.AddScoped<GetOrgUnitWarnings>();
        services.AddOptions<OrgRulesOptions>();
        services.AddSingleton(new PersonalDataProtector(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray()));
        services.AddScoped<Dangjian.Web.Platform.CodeTables.CodeTableService>();
        services.AddScoped<Dangjian.Web.Platform.Import.ImportServices>();
        services.AddScoped<ImportMembers>();
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>Finds the seeded tenant, its root and a secondary 党委; sets the tenant and a SystemAdmin on the root.</summary>
    public static async Task<SeededTree> OpenTenantAsync(IServiceProvider scope, bool counts = true)
    {
        var db = scope.GetRequiredService<AppDbContext>();
        var name = Environment.GetEnvironmentVariable(TenantVariable) is { Length: > 0 } n ? n : "压测集团200000";
        // Tenants are not tenant-filtered; the newest one of that name (Version 7 ids sort by creation time).
        var tenants = await db.Tenants.AsNoTracking().Where(t => t.Name == name).Select(t => t.Id).ToListAsync();
        if (tenants.Count == 0) throw new InvalidOperationException($"No tenant named {name}: seed the database first (bench/run.sh).");
        var tenantId = tenants.Max();
        scope.GetRequiredService<TenantContext>().Set(tenantId);

        var root = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).FirstAsync();
        var secondary = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ParentId == root.Id && u.Kind == OrgUnitKind.PartyCommittee)
            .OrderBy(u => u.SortOrder).FirstAsync();

        scope.GetRequiredService<CurrentUser>().Set(Guid.CreateVersion7(), tenantId, "bench", "压测", [
            new ScopedRole(AppRole.SystemAdmin, DataScope.OwnUnitAndBelow, root.Id, root.Path),
        ]);

        if (!counts) return new SeededTree(tenantId, root, secondary, 0, 0, 0, 0, "");
        var units = await db.OrgUnits.CountAsync();
        var members = await db.Members.CountAsync();
        var rootChildren = await db.OrgUnits.CountAsync(u => u.ParentId == root.Id);
        var secondaryChildren = await db.OrgUnits.CountAsync(u => u.ParentId == secondary.Id);
        var version = await db.Database.SqlQueryRaw<string>(db.Database.IsNpgsql() ? "SELECT version() AS \"Value\"" : "SELECT sqlite_version() AS \"Value\"")
            .SingleAsync();
        return new SeededTree(tenantId, root, secondary, units, members, rootChildren, secondaryChildren, version);
    }
}

public sealed record SeededTree(Guid TenantId, OrgUnit Root, OrgUnit Secondary, int Units, int Members, int RootChildren,
    int SecondaryChildren, string ServerVersion)
{
    public override string ToString() =>
        $"tenant {TenantId}: {Units} units, {Members} members; root {Root.Name} ({RootChildren} children), " +
        $"secondary {Secondary.Name} ({SecondaryChildren} children); server {ServerVersion}";
}

using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database the platform uses: the embedded SQLite file by default, PostgreSQL in production.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static string ConnectionString(IConfiguration config, string contentRoot)
    {
        if (Provider(config) == DatabaseProvider.Postgres)
        {
            var pg = config.GetConnectionString("Postgres")
                     ?? throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Postgres.");
            return WithPoolDefaults(pg);
        }

        var cs = config.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(cs)) return cs;
        var dir = Path.Combine(contentRoot, "App_Data");
        Platform.Security.PrivateFiles.CreateFolder(dir);
        return $"Data Source={Path.Combine(dir, "dangjian.db")}";
    }

    /// <summary>
    /// Two settings of the Npgsql pool, each added unless the connection string sets it:
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=64</c>: the statements a connection runs often are parsed and planned once per connection
    /// and kept across the pool (every request repeats the same few; <c>Max Auto Prepare=0</c> turns it off).</item>
    /// <item><c>No Reset On Close=true</c>: a connection going back to the pool is not reset (the reset runs RESET ALL,
    /// CLOSE ALL, UNLISTEN * and more on the server at the next use). The platform keeps no session state on pooled
    /// connections (no SET, temporary tables or held locks; the schema lock is released where it is taken), and the
    /// reset had doubled the server's CPU per sign-in (docs/benchmarks.md, ADR 0014).</item>
    /// </list>
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        // The keys as written ("Max Auto Prepare", "MaxAutoPrepare", any case), not a search of the whole string: a
        // password may contain anything.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare")) b.MaxAutoPrepare = 64;
        if (!given.Contains("NoResetOnClose")) b.NoResetOnClose = true;
        return b.ConnectionString;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_unused"));
        }
        else
        {
            options.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance);
        }
    }

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var provider = Provider(config);
        var primary = ConnectionString(config, contentRoot);
        return services.AddAppDbContext(provider, primary).AddReadDb(provider, ReadConnectionString(config, provider, primary));
    }

    /// <summary>
    /// Where <see cref="ReadDb"/> reads: <c>ConnectionStrings:PostgresRead</c> (a streaming replica) when set, otherwise the
    /// primary; on SQLite the primary's file. On PostgreSQL the sessions are made read-only
    /// (<c>-c default_transaction_read_only=on</c>, added to the string's <c>Options</c>) and named <c>dangjian-read</c>
    /// unless the string names them, so that they can be told apart in <c>pg_stat_activity</c>.
    /// </summary>
    public static string ReadConnectionString(IConfiguration config, DatabaseProvider provider, string primary)
    {
        if (provider != DatabaseProvider.Postgres) return primary;
        var given = config.GetConnectionString("PostgresRead");
        var b = new Npgsql.NpgsqlConnectionStringBuilder(string.IsNullOrWhiteSpace(given) ? primary : WithPoolDefaults(given));
        const string readOnly = "-c default_transaction_read_only=on";
        if (b.Options?.Contains("default_transaction_read_only", StringComparison.Ordinal) != true)
        {
            b.Options = string.IsNullOrWhiteSpace(b.Options) ? readOnly : $"{b.Options} {readOnly}";
        }
        if (string.IsNullOrEmpty(b.ApplicationName)) b.ApplicationName = "dangjian-read";
        return b.ConnectionString;
    }

    /// <summary>True when reads go to a server of their own (<c>ConnectionStrings:PostgresRead</c> with PostgreSQL).</summary>
    public static bool HasReadReplica(IConfiguration config) =>
        Provider(config) == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(config.GetConnectionString("PostgresRead"));

    /// <summary>
    /// The context of a scope, leased from a pool and bound to the scope's tenant, user and clock; disposing the scope
    /// returns it. Setting up a context (its internal services, options and change tracker) cost about a tenth of a
    /// sign-in's CPU before it was pooled (docs/benchmarks.md). Needs <see cref="TenantContext"/>,
    /// <see cref="Platform.Auth.CurrentUser"/> and <see cref="TimeProvider"/> registered.
    /// </summary>
    public static IServiceCollection AddAppDbContext(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddPooledDbContextFactory<AppDbContext>(o => Configure(o, provider, connectionString));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext().Bind(
            sp.GetRequiredService<TenantContext>(), sp.GetRequiredService<Platform.Auth.CurrentUser>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// <see cref="ReadDb"/>: a second pool of contexts on <paramref name="connectionString"/>, tracking nothing and
    /// refusing saves (<see cref="ReadOnlySaves"/>), each leased for a scope and bound as <see cref="AddAppDbContext"/> binds.
    /// </summary>
    public static IServiceCollection AddReadDb(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddSingleton(sp =>
        {
            var options = new DbContextOptionsBuilder<AppDbContext>().UseApplicationServiceProvider(sp);
            Configure(options, provider, connectionString);
            options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(ReadOnlySaves.Instance);
            return new ReadPool(new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<AppDbContext>(options.Options));
        });
        services.AddScoped(sp => new ReadDb(sp.GetRequiredService<ReadPool>().Factory.CreateDbContext().Bind(
            sp.GetRequiredService<TenantContext>(), sp.GetRequiredService<Platform.Auth.CurrentUser>(), sp.GetRequiredService<TimeProvider>())));
        return services;
    }

    /// <summary>The pool behind <see cref="ReadDb"/> (a type of its own: the primary's factory is <c>IDbContextFactory&lt;AppDbContext&gt;</c>).</summary>
    internal sealed record ReadPool(IDbContextFactory<AppDbContext> Factory);
}

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
            return WithAutoPrepare(pg);
        }

        var cs = config.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(cs)) return cs;
        var dir = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "dangjian.db")}";
    }

    /// <summary>
    /// Npgsql prepares the statements a connection runs often (parsed and planned once per connection, kept across the
    /// pool): every request repeats the same few. On unless the connection string says otherwise (Max Auto Prepare=0).
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        if (connectionString.Contains("auto prepare", StringComparison.OrdinalIgnoreCase)) return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
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
        var cs = ConnectionString(config, contentRoot);
        services.AddDbContext<AppDbContext>(o => Configure(o, provider, cs));
        return services;
    }
}

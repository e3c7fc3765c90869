using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dangjian.Tests.Infrastructure;

/// <summary>
/// One empty database of the provider under test: a temp SQLite file, or a uniquely named PostgreSQL database that
/// is dropped again on dispose. DANGJIAN_TEST_DB=Sqlite|Postgres selects the provider; DANGJIAN_TEST_PG the server.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    private readonly string? sqliteFile;
    private readonly string? postgresName;
    private readonly string server;
    private bool disposed;

    private TestDatabase(string connectionString, string? sqliteFile, string? postgresName, string server)
    {
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.postgresName = postgresName;
        this.server = server;
    }

    public static DatabaseProvider Provider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("DANGJIAN_TEST_DB"), ignoreCase: true, out var p)
            ? p
            : DatabaseProvider.Sqlite;

    public static bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public string ConnectionString { get; }

    /// <summary>The name of the PostgreSQL database (null on SQLite).</summary>
    public string? PostgresName => postgresName;

    public static Task<TestDatabase> CreateAsync() => CreateAsync(ServerConnectionString());

    /// <summary>An empty database on the PostgreSQL server <paramref name="serverConnectionString"/> (e.g. a <see cref="PgCluster"/>), or a SQLite file.</summary>
    public static async Task<TestDatabase> CreateAsync(string serverConnectionString)
    {
        if (!IsPostgres)
        {
            var dir = Path.Combine(Path.GetTempPath(), "dangjian-tests");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"{Guid.NewGuid():N}.db");
            return new TestDatabase($"Data Source={file}", file, null, serverConnectionString);
        }

        var name = $"dj_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(AdminConnectionString(serverConnectionString)))
        {
            await admin.OpenAsync();
            await using var cmd = admin.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\"";
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name };
        return new TestDatabase(cs.ConnectionString, null, name, serverConnectionString);
    }

    /// <summary>The same database for a second app instance: disposing this one leaves it to its owner.</summary>
    public TestDatabase Shared() => new(ConnectionString, null, null, server);

    /// <summary>A context on this database outside any app host, for schema-level tests.</summary>
    public AppDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, Provider, ConnectionString);
        return new AppDbContext(builder.Options).Bind(new TenantContext(), new CurrentUser(), TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        if (sqliteFile is null && postgresName is null) return; // shared: the owner drops it
        if (sqliteFile is not null)
        {
            using (var conn = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(conn);
            }
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm", sqliteFile + "-journal" })
            {
                try
                {
                    File.Delete(f);
                }
                catch (IOException)
                {
                    // A leftover temp file is harmless.
                }
            }
            return;
        }

        await using (var conn = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(conn);
        }
        await using var admin = new NpgsqlConnection(AdminConnectionString(server));
        await admin.OpenAsync();
        await using var cmd = admin.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)";
        await cmd.ExecuteNonQueryAsync();
    }

    private static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable("DANGJIAN_TEST_PG") is { Length: > 0 } cs ? cs : DefaultPostgres;

    private static string AdminConnectionString(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
}

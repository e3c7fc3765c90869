using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Dangjian.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server of its own: <c>initdb</c> of the newest version under /usr/lib/postgresql in a temp
/// folder, listening on a free loopback port (trust authentication, loopback only), started, stopped and restarted
/// with <c>pg_ctl</c>, and streaming replicas of it made with <c>pg_basebackup -R</c> on ports of their own. Run as the
/// <c>postgres</c> account when the tests run as root (the server refuses to run as root). Disposing stops the
/// server and deletes its folder. Tests that need one use <see cref="PgClusterFactAttribute"/>, which skips them
/// (with the reason) when the binaries are absent or the tests run on SQLite.
/// </summary>
public sealed class PgCluster : IAsyncDisposable
{
    private const string OsUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string root;
    private readonly bool ownsRoot;
    private readonly List<PgCluster> replicas = [];
    private bool disposed;

    private PgCluster(string root, string dataDir, int port, bool ownsRoot)
    {
        this.root = root;
        DataDir = dataDir;
        Port = port;
        this.ownsRoot = ownsRoot;
    }

    /// <summary>The bin folder of the newest PostgreSQL installed, or null when there is none with initdb, pg_ctl and pg_basebackup.</summary>
    public static string? BinDir { get; } = FindBinDir();

    public string DataDir { get; }
    public int Port { get; }

    /// <summary>A connection string to <paramref name="database"/> on this server, as the superuser, not pooled by default.</summary>
    public string ConnectionString(string database = "postgres", bool pooling = true) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = OsUser, Database = database, Pooling = pooling, Timeout = 5 }
            .ConnectionString;

    /// <summary>A new server (initdb) on a free port, started.</summary>
    public static async Task<PgCluster> StartAsync()
    {
        var bin = BinDir ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql.");
        var root = Path.Combine(Path.GetTempPath(), "dangjian-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        await GiveToServerAccountAsync(root);
        var cluster = new PgCluster(root, Path.Combine(root, "primary"), FreePort(), ownsRoot: true);
        try
        {
            await RunAsync(Path.Combine(bin, "initdb"), "-D", cluster.DataDir, "-U", OsUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
            await cluster.ConfigureAsync();
            await cluster.StartServerAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A streaming replica of this server (<c>pg_basebackup -R</c>: a standby that follows it), started on a port of its own.</summary>
    public async Task<PgCluster> StartReplicaAsync()
    {
        var replica = new PgCluster(root, Path.Combine(root, "replica-" + (replicas.Count + 1)), FreePort(), ownsRoot: false);
        replicas.Add(replica);
        await RunAsync(Path.Combine(BinDir!, "pg_basebackup"), "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", OsUser, "-D", replica.DataDir, "-R", "-X", "stream", "-c", "fast", "--no-sync");
        await replica.ConfigureAsync();
        await replica.StartServerAsync();
        return replica;
    }

    public Task StartServerAsync() => PgCtlAsync("start", "-l", Path.Combine(DataDir, "server.log"));

    /// <summary>Stops the server: <c>fast</c> ends every session at once (clients get 57P01), <c>immediate</c> is a crash.</summary>
    public Task StopServerAsync(string mode = "fast") => PgCtlAsync("stop", "-m", mode);

    public Task RestartServerAsync(string mode = "fast") => PgCtlAsync("restart", "-m", mode, "-l", Path.Combine(DataDir, "server.log"));

    /// <summary>Creates a database on this server.</summary>
    public async Task CreateDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection(ConnectionString(pooling: false));
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE \"{name}\"";
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one query on this server (database <c>postgres</c> unless named) and returns the first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql, string database = "postgres")
    {
        await using var conn = new NpgsqlConnection(ConnectionString(database, pooling: false));
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Runs one statement on this server (database <c>postgres</c> unless named).</summary>
    public async Task ExecAsync(string sql, string database = "postgres")
    {
        await using var conn = new NpgsqlConnection(ConnectionString(database, pooling: false));
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until this replica has replayed everything <paramref name="primary"/> had written when called.</summary>
    public async Task CatchUpWithAsync(PgCluster primary, TimeSpan? timeout = null)
    {
        var target = await primary.ScalarAsync<string>("SELECT pg_current_wal_lsn()::text");
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await ScalarAsync<bool>($"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The replica on port {Port} did not reach {target}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        foreach (var replica in replicas) await replica.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
        {
            try
            {
                await PgCtlAsync("stop", "-m", "immediate");
            }
            catch (InvalidOperationException)
            {
                // Already stopped by the test; the folder goes either way.
            }
        }
        if (!ownsRoot) return;
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A file still being written as the server went down; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Loopback only, on this cluster's port and socket folder; no durability (a test's server is thrown away).</summary>
    private Task ConfigureAsync()
    {
        File.AppendAllText(Path.Combine(DataDir, "postgresql.conf"), $"""

            # dangjian tests
            port = {Port}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{DataDir}'
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            shared_buffers = 32MB
            max_connections = 200

            """);
        return GiveToServerAccountAsync(DataDir);
    }

    private Task PgCtlAsync(params string[] args) =>
        RunAsync(Path.Combine(BinDir!, "pg_ctl"), ["-D", DataDir, "-w", "-t", "30", .. args]);

    private static bool AsRoot => Environment.UserName == "root";

    private static Task GiveToServerAccountAsync(string path) => AsRoot ? RunDirectAsync("chown", ["-R", $"{OsUser}:{OsUser}", path]) : Task.CompletedTask;

    /// <summary>A server binary: as the <c>postgres</c> account when the tests run as root.</summary>
    private static Task RunAsync(string tool, params string[] args) =>
        AsRoot ? RunDirectAsync("runuser", ["-u", OsUser, "--", tool, .. args]) : RunDirectAsync(tool, args);

    private static async Task RunDirectAsync(string file, string[] args)
    {
        // From the temp folder: the postgres account may not enter the test's own folder.
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} did not finish within {CommandTimeout.TotalSeconds} s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinDir()
    {
        const string installed = "/usr/lib/postgresql";
        if (!Directory.Exists(installed)) return null;
        return Directory.GetDirectories(installed)
            .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
            .Where(d => d.Version > 0)
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, "bin"))
            .FirstOrDefault(b => new[] { "initdb", "pg_ctl", "pg_basebackup" }.All(t => File.Exists(Path.Combine(b, t))));
    }
}

/// <summary>
/// A test that runs its own PostgreSQL servers (<see cref="PgCluster"/>): on the PostgreSQL pass only
/// (<c>DANGJIAN_TEST_DB=Postgres</c>), and skipped, saying why, when the server binaries are not installed.
/// </summary>
public sealed class PgClusterFactAttribute : FactAttribute
{
    public PgClusterFactAttribute()
    {
        if (!TestDatabase.IsPostgres) Skip = "Runs its own PostgreSQL servers: on the PostgreSQL pass only (DANGJIAN_TEST_DB=Postgres).";
        else if (PgCluster.BinDir is null) Skip = "No PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) under /usr/lib/postgresql: apt-get install postgresql.";
    }
}

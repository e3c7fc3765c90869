using System.Reflection;
using Dangjian.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dangjian.Web.Platform.Backup;

/// <summary>What a finished backup holds, for the summary the command prints.</summary>
public sealed record BackupResult(string File, long Bytes, BackupManifest Manifest, int ProtectionKeys, string ProtectionKeysFolder, string? PersonalDataKeyFile);

/// <summary>
/// <c>backup --out FILE</c>: one archive (<see cref="BackupArchive"/>) with a consistent copy of the database, the key
/// files and the manifest, taken while the app may be running and writing (ADR 0017).
/// <list type="bullet">
/// <item>SQLite: the online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>) copies the
/// pages of one read transaction; with the write-ahead log (ADR 0012) writers go on meanwhile. The copy is switched to a
/// rollback journal, so it is one self-contained file.</item>
/// <item>PostgreSQL: <c>pg_dump -Fc</c> reading a snapshot exported by a repeatable-read transaction of this command,
/// in which the manifest's counts are taken too: the counts are those of the dump.</item>
/// </list>
/// Nothing is written outside the output's folder: the work files sit in a 0700 folder beside it and are removed.
/// </summary>
public sealed class CreateBackup(IConfiguration config, IWebHostEnvironment env, TimeProvider clock)
{
    public async Task<BackupResult> HandleAsync(string output, CancellationToken ct = default)
    {
        var file = Path.GetFullPath(output);
        if (File.Exists(file) || Directory.Exists(file)) throw new BackupRefused("Backup.OutExists", file);
        var folder = Path.GetDirectoryName(file)!;
        Security.PrivateFiles.CreateFolder(folder);
        var locations = BackupLocations.Of(config, env.ContentRootPath);
        var work = Path.Combine(folder, ".dangjian-backup-" + Guid.NewGuid().ToString("N")[..12]);
        Security.PrivateFiles.CreateFolder(work);
        try
        {
            var files = new List<(string Name, string File)>();
            var (schema, counts) = locations.Provider == DatabaseProvider.Postgres
                ? await DumpPostgresAsync(locations, Path.Combine(work, "postgres.dump"), files, ct)
                : await CopySqliteAsync(locations, Path.Combine(work, "sqlite.db"), files, ct);

            var keys = locations.ProtectionKeyFiles();
            foreach (var key in keys)
            {
                files.Add((BackupArchive.ProtectionKeysFolder + Path.GetFileName(key), await CopyAsync(key, work, ct)));
            }
            var keySource = locations.PersonalDataKeySetting is not null ? PersonalDataKeySource.Setting
                : File.Exists(locations.PersonalDataKeyFile) ? PersonalDataKeySource.File
                : PersonalDataKeySource.None;
            if (keySource == PersonalDataKeySource.File)
            {
                files.Add((BackupArchive.PersonalDataKeyName, await CopyAsync(locations.PersonalDataKeyFile, work, ct)));
            }

            var entries = files.Select(f => new BackupEntry(f.Name, new FileInfo(f.File).Length, BackupArchive.Sha256(f.File))).ToList();
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, locations.Provider.ToString(), schema, clock.GetUtcNow(),
                AppVersion(), counts, keySource, entries);
            await BackupArchive.WriteAsync(file, manifest, files, ct);
            return new BackupResult(file, new FileInfo(file).Length, manifest, keys.Count, locations.ProtectionKeysFolder,
                keySource == PersonalDataKeySource.File ? locations.PersonalDataKeyFile : null);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    public static string AppVersion() =>
        typeof(CreateBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CreateBackup).Assembly.GetName().Version?.ToString() ?? "unknown";

    private static async Task<(int, BackupCounts)> CopySqliteAsync(BackupLocations locations, string copy, List<(string, string)> files, CancellationToken ct)
    {
        var source = locations.SqliteFile is { } path && File.Exists(path) ? path : throw new BackupRefused("Backup.SqliteMissing", locations.SqliteFile ?? ":memory:");
        // The copy is created 0600 before SQLite opens it; SQLite then writes into the existing file.
        await (BackupArchive.CreatePrivate(copy)).DisposeAsync();
        var from = new SqliteConnectionStringBuilder(locations.ConnectionString) { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        await using (var live = new SqliteConnection(from.ConnectionString))
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ConnectionString))
        {
            await live.OpenAsync(ct);
            await target.OpenAsync(ct);
            // Taking the read lock can meet a checkpoint of the app's for a moment: wait for it as the app's own connections do.
            await using (var wait = live.CreateCommand())
            {
                wait.CommandText = FormattableString.Invariant($"PRAGMA busy_timeout = {live.DefaultTimeout * 1000}");
                await wait.ExecuteNonQueryAsync(ct);
            }
            live.BackupDatabase(target);
            await using var cmd = target.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode = DELETE";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        files.Add((BackupArchive.SqliteName, copy));
        await using var read = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await read.OpenAsync(ct);
        return await DatabaseCounts.ReadAsync(read, null, ct);
    }

    private async Task<(int, BackupCounts)> DumpPostgresAsync(BackupLocations locations, string dump, List<(string, string)> files, CancellationToken ct)
    {
        var pgDump = PgTools.Find(config, "pg_dump");
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(locations.ConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        string snapshot;
        await using (var cmd = new NpgsqlCommand("SELECT pg_export_snapshot()", conn, tx))
        {
            snapshot = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }
        var counted = await DatabaseCounts.ReadAsync(conn, tx, ct);
        // pg_dump creates its output itself (umask); an empty 0600 file first keeps it private from the start.
        await (BackupArchive.CreatePrivate(dump)).DisposeAsync();
        await PgTools.RunAsync(pgDump, ["--format=custom", "--no-password", "--snapshot=" + snapshot, "--file=" + dump], locations.ConnectionString, ct);
        await tx.CommitAsync(ct);
        files.Add((BackupArchive.PostgresName, dump));
        return counted;
    }

    /// <summary>A key file copied into the work folder first: what is hashed is exactly what is archived.</summary>
    private static async Task<string> CopyAsync(string key, string work, CancellationToken ct)
    {
        var copy = Path.Combine(work, "key-" + Guid.NewGuid().ToString("N"));
        await using var to = BackupArchive.CreatePrivate(copy);
        await using var from = File.OpenRead(key);
        await from.CopyToAsync(to, ct);
        return copy;
    }
}

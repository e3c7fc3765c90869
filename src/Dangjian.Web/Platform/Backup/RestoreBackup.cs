using Dangjian.Web.Data;
using Dangjian.Web.Platform.Security;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dangjian.Web.Platform.Backup;

/// <summary>What a restore did and found, for the report the command prints.</summary>
public sealed record RestoreResult(BackupManifest Manifest, string Target, IReadOnlyList<int> Migrated, int ProtectionKeys,
    string ProtectionKeysFolder, string? PersonalDataKeyFile, RestoreCheck Check)
{
    public bool Verified => Check.Passed(Manifest.Counts);
}

/// <summary>
/// <c>restore --from FILE [--force]</c>, into the database and key locations this installation is configured with
/// (ADR 0017). In this order, so that a refusal leaves everything as it was:
/// <list type="number">
/// <item>the whole archive is read and checked against its manifest (<see cref="BackupArchive.VerifyAsync"/>);</item>
/// <item>the backup must be of the configured provider (no conversion between SQLite and PostgreSQL), of a schema
/// this app knows, and, if its personal-data key was a setting, that setting must be configured here;</item>
/// <item>a database with tables, or key files that a restored one would replace, are refused without <c>--force</c>;</item>
/// <item>every file is extracted beside its final place under a temporary name, its hash checked again, and the SQLite
/// copy passes <c>PRAGMA integrity_check</c>; only then are the files renamed into place (a rename is atomic) or, for
/// PostgreSQL, the dump is restored by <c>pg_restore --single-transaction</c> into an empty database (created when
/// missing, dropped and created again with <c>--force</c>);</item>
/// <item>the schema is migrated to the current version (an older backup comes up to date) and the result is checked
/// (<see cref="RestoreCheck"/>).</item>
/// </list>
/// The app must not be running on the target while it is restored.
/// </summary>
public sealed class RestoreBackup(IServiceScopeFactory scopes, IConfiguration config, IWebHostEnvironment env)
{
    public async Task<RestoreResult> HandleAsync(string from, bool force, CancellationToken ct = default)
    {
        var archive = Path.GetFullPath(from);
        if (!File.Exists(archive)) throw new BackupRefused("Restore.NotFound", archive);
        var manifest = await BackupArchive.VerifyAsync(archive, ct);

        var target = BackupLocations.Of(config, env.ContentRootPath);
        var postgres = target.Provider == DatabaseProvider.Postgres;
        if (!string.Equals(manifest.Provider, target.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupRefused("Restore.ProviderMismatch", manifest.Provider, target.Provider);
        }
        var databaseEntry = postgres ? BackupArchive.PostgresName : BackupArchive.SqliteName;
        if (manifest.Entries.All(e => e.Name != databaseEntry)) throw new BackupRefused("Restore.EntryMissing", databaseEntry);
        var newest = SchemaMigrator.Scripts(postgres).Max(s => s.Version);
        if (manifest.SchemaVersion > newest) throw new BackupRefused("Restore.SchemaTooNew", manifest.SchemaVersion, newest);
        if (manifest.PersonalDataKey == PersonalDataKeySource.Setting && target.PersonalDataKeySetting is null)
        {
            throw new BackupRefused("Restore.KeySettingNeeded");
        }

        var protectionKeys = manifest.Entries.Where(e => e.Name.StartsWith(BackupArchive.ProtectionKeysFolder, StringComparison.Ordinal)).ToList();
        var keyFile = manifest.Entries.Any(e => e.Name == BackupArchive.PersonalDataKeyName);
        var where = postgres ? PostgresName(target.ConnectionString) : target.SqliteFile ?? throw new BackupRefused("Backup.SqliteMissing", ":memory:");
        var hasData = postgres ? await PostgresHasTablesAsync(target.ConnectionString, ct) : SqliteHasTables(where);
        var occupied = new List<string>();
        if (hasData) occupied.Add(where);
        if (protectionKeys.Count > 0 && target.ProtectionKeyFiles().Count > 0) occupied.Add(target.ProtectionKeysFolder);
        if (keyFile && File.Exists(target.PersonalDataKeyFile)) occupied.Add(target.PersonalDataKeyFile);
        if (occupied.Count > 0 && !force) throw new BackupRefused("Restore.TargetNotEmpty", string.Join(", ", occupied));

        var suffix = ".restoring-" + Guid.NewGuid().ToString("N")[..12];
        var staged = new Dictionary<string, string>(StringComparer.Ordinal);
        var renames = new List<(string From, string To)>();
        string? dumpFolder = null;
        try
        {
            if (postgres)
            {
                dumpFolder = Path.Combine(Path.GetTempPath(), "dangjian" + suffix);
                PrivateFiles.CreateFolder(dumpFolder);
                staged[databaseEntry] = Path.Combine(dumpFolder, "postgres.dump");
            }
            else
            {
                PrivateFiles.CreateFolder(Path.GetDirectoryName(where)!);
                Stage(databaseEntry, where);
            }
            if (protectionKeys.Count > 0) PrivateFiles.CreateFolder(target.ProtectionKeysFolder);
            foreach (var key in protectionKeys)
            {
                Stage(key.Name, Path.Combine(target.ProtectionKeysFolder, key.Name[BackupArchive.ProtectionKeysFolder.Length..]));
            }
            if (keyFile)
            {
                PrivateFiles.CreateFolder(Path.GetDirectoryName(target.PersonalDataKeyFile)!);
                Stage(BackupArchive.PersonalDataKeyName, target.PersonalDataKeyFile);
            }
            await BackupArchive.ExtractAsync(archive, name => staged.GetValueOrDefault(name), ct);

            if (postgres)
            {
                await CreateEmptyDatabaseAsync(target.ConnectionString, hasData, ct);
                await PgTools.RunAsync(PgTools.Find(config, "pg_restore"),
                [
                    "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--no-password",
                    "--dbname=" + PgTools.DatabaseArgument(new NpgsqlConnectionStringBuilder(target.ConnectionString).Database!),
                    staged[databaseEntry],
                ], target.ConnectionString, ct);
            }
            else
            {
                CheckIntegrity(staged[databaseEntry]);
                SqliteConnection.ClearAllPools();
                // The old database's log must not be replayed into the restored file.
                foreach (var companion in new[] { "-wal", "-shm", "-journal" }) File.Delete(where + companion);
            }
            foreach (var (stage, final) in renames) File.Move(stage, final, overwrite: true);
        }
        finally
        {
            foreach (var file in staged.Values) File.Delete(file);
            if (dumpFolder is not null && Directory.Exists(dumpFolder)) Directory.Delete(dumpFolder, recursive: true);
        }

        IReadOnlyList<int> migrated;
        await using (var scope = scopes.CreateAsyncScope())
        {
            migrated = await SchemaMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
        }
        var check = await RestoreCheck.RunAsync(scopes, ct);
        return new RestoreResult(manifest, where, migrated, protectionKeys.Count, target.ProtectionKeysFolder,
            keyFile ? target.PersonalDataKeyFile : null, check);

        void Stage(string entry, string final)
        {
            staged[entry] = final + suffix;
            renames.Add((final + suffix, final));
        }
    }

    private static bool SqliteHasTables(string file)
    {
        if (!File.Exists(file) || new FileInfo(file).Length == 0) return false;
        // Read-write without create: a database in WAL mode may need its -shm made to be read.
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static void CheckIntegrity(string file)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        var result = cmd.ExecuteScalar() as string;
        if (result != "ok") throw new BackupRefused("Restore.IntegrityFailed", result ?? "?");
    }

    private static string PostgresName(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Database}@{b.Host}:{b.Port}";
    }

    /// <summary>Whether the database exists and holds any table outside the system schemas.</summary>
    private static async Task<bool> PostgresHasTablesAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await conn.OpenAsync(ct);
            return await DatabaseCounts.ScalarAsync(conn, null,
                "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", ct) > 0;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }

    /// <summary>The target database, empty: created when missing; dropped and created again when it held tables (--force).</summary>
    private static async Task CreateEmptyDatabaseAsync(string connectionString, bool hasData, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new BackupRefused("Restore.NotFound", connectionString);
        NpgsqlConnection.ClearAllPools();
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(maintenance.ConnectionString);
        await conn.OpenAsync(ct);
        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        long exists;
        await using (var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", conn))
        {
            cmd.Parameters.AddWithValue("name", name);
            exists = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (exists > 0 && hasData)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE {quoted} WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync(ct);
            exists = 0;
        }
        if (exists == 0)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }
}

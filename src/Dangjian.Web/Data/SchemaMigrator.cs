using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Data;

/// <summary>
/// Applies the versioned SQL scripts under Data/Migrations/{provider}/ in order, each in its own transaction, and
/// records them in the SchemaVersions table, so a database of any earlier version is brought up to date safely.
/// </summary>
public static class SchemaMigrator
{
    private const long PostgresLockKey = 7_412_993_001;

    public sealed record Script(int Version, string Name, string Sql);

    public static IReadOnlyList<Script> Scripts(bool postgres)
    {
        var folder = postgres ? "Postgres" : "Sqlite";
        var asm = Assembly.GetExecutingAssembly();
        var prefix = $"Dangjian.Web.Data.Migrations.{folder}.";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^4];
                var version = int.Parse(name[1..name.IndexOf("__", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                using var reader = new StreamReader(asm.GetManifestResourceStream(n)!);
                return new Script(version, name, reader.ReadToEnd());
            })
            .OrderBy(s => s.Version)
            .ToList();
    }

    /// <summary>Brings the schema to the newest version; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(AppDbContext db, CancellationToken ct = default, int? upTo = null)
    {
        var postgres = db.Database.IsNpgsql();
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try
        {
            if (postgres) await ExecAsync(conn, null, $"SELECT pg_advisory_lock({PostgresLockKey})", ct);
            await ExecAsync(conn, null, postgres
                ? "CREATE TABLE IF NOT EXISTS \"SchemaVersions\" (\"Version\" integer PRIMARY KEY, \"Name\" text NOT NULL, \"AppliedAt\" timestamptz NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS \"SchemaVersions\" (\"Version\" INTEGER PRIMARY KEY, \"Name\" TEXT NOT NULL, \"AppliedAt\" TEXT NOT NULL)", ct);

            var applied = new HashSet<int>();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT \"Version\" FROM \"SchemaVersions\"";
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetInt32(0));
            }

            var done = new List<int>();
            foreach (var script in Scripts(postgres).Where(s => !applied.Contains(s.Version) && (upTo is null || s.Version <= upTo)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await ExecAsync(conn, tx, script.Sql, ct);
                await using (var cmd = conn.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = postgres
                        ? "INSERT INTO \"SchemaVersions\" VALUES (@v, @n, now())"
                        : "INSERT INTO \"SchemaVersions\" VALUES (@v, @n, datetime('now'))";
                    AddParam(cmd, "@v", script.Version);
                    AddParam(cmd, "@n", script.Name);
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                done.Add(script.Version);
            }

            return done;
        }
        finally
        {
            if (postgres && conn.State == System.Data.ConnectionState.Open)
            {
                await ExecAsync(conn, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
            }
            if (opened) await conn.CloseAsync();
        }
    }

    private static async Task ExecAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParam(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}

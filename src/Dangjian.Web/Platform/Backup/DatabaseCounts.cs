using System.Data.Common;
using System.Globalization;

namespace Dangjian.Web.Platform.Backup;

/// <summary>
/// The schema version and the counts of the manifest, read with plain SQL on a connection (both providers name the
/// tables alike): on the SQLite copy itself, or inside the PostgreSQL snapshot that pg_dump reads, so the counts are those
/// of the data in the archive and not of a moment before or after.
/// </summary>
public static class DatabaseCounts
{
    public static async Task<(int SchemaVersion, BackupCounts Counts)> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var version = (int)await ScalarAsync(connection, transaction, "SELECT coalesce(max(\"Version\"), 0) FROM \"SchemaVersions\"", ct);
        var counts = new BackupCounts(
            await ScalarAsync(connection, transaction, "SELECT count(*) FROM \"Tenants\"", ct),
            await ScalarAsync(connection, transaction, "SELECT count(*) FROM \"Members\"", ct),
            await ScalarAsync(connection, transaction, "SELECT count(*) FROM \"LedgerEntries\"", ct));
        return (version, counts);
    }

    public static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dangjian.Web.Data;

/// <summary>
/// Settings of every SQLite connection, applied once per underlying connection (a pooled connection keeps them):
/// write-ahead logging, so that readers never wait for a writer and a commit appends to the log instead of writing and
/// syncing a rollback journal; synchronous NORMAL, so that a commit does not wait for the disk (the log is synced at
/// each checkpoint); and a busy timeout. The database stays consistent whatever happens; what a power cut or an
/// operating-system crash can lose is the last commits before it (a crash of the app loses nothing). With the rollback
/// journal and a sync per commit, signing in was limited to about 45–75 a second on the benchmark machine
/// (docs/benchmarks.md, ADR 0012).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private static readonly ConditionalWeakTable<object, object> Applied = new();
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Applied.TryGetValue(handle, out _)) return;
        using var cmd = sqlite.CreateCommand();
        // journal_mode is kept in the file (set once, then a no-op); the others are settings of the connection. A writer
        // that finds another one committing waits inside SQLite (retrying after 1, 2, 5… ms) up to the connection's
        // timeout, instead of getting SQLITE_BUSY at once and leaving the retry to Microsoft.Data.Sqlite's own loop.
        cmd.CommandText = FormattableString.Invariant(
            $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {sqlite.DefaultTimeout * 1000};");
        cmd.ExecuteNonQuery();
        Applied.AddOrUpdate(handle, Done);
    }
}

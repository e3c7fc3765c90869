using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dangjian.Web.Data;

/// <summary>
/// The context of a scope for reads that may lag behind the last writes by a moment: the dashboard's roll-ups, the paged
/// member and meeting lists, member statistics and the exports (docs/scaling.md lists them). It reads
/// <c>ConnectionStrings:PostgresRead</c> (a streaming replica) when that is set, otherwise the primary; on SQLite the
/// same file. Leased from a pool of its own and bound like <see cref="AppDbContext"/> (tenant filter, user, clock), it
/// tracks nothing and refuses <c>SaveChanges</c>; on PostgreSQL its sessions are also read-only
/// (<c>default_transaction_read_only</c>), so a statement that writes is refused by the server, replica or not.
/// Writes, and the reads that must see a write just made (a page shown after a save, a single row by id, sign-in),
/// stay on <see cref="AppDbContext"/>.
/// </summary>
public sealed class ReadDb(AppDbContext db) : IAsyncDisposable, IDisposable
{
    /// <summary>Queries only: <c>SaveChanges</c> throws <see cref="InvalidOperationException"/>.</summary>
    public AppDbContext Db { get; } = db;

    public ValueTask DisposeAsync() => Db.DisposeAsync();

    public void Dispose() => Db.Dispose();
}

/// <summary>Refuses every save of a <see cref="ReadDb"/> context, before anything is sent to the database.</summary>
internal sealed class ReadOnlySaves : SaveChangesInterceptor
{
    public static readonly ReadOnlySaves Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) => throw Refused();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) => throw Refused();

    private static InvalidOperationException Refused() =>
        new("The read context (ReadDb) does not save: writes go through AppDbContext, on the primary.");
}

/// <summary>/health: can <see cref="ReadDb"/> reach its server (the replica when <c>ConnectionStrings:PostgresRead</c> is set).</summary>
internal sealed class ReadDbHealthCheck(ReadDb read) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await read.Db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus);
}

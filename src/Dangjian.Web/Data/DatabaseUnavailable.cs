using Npgsql;

namespace Dangjian.Web.Data;

/// <summary>
/// Which failures mean "the database server cannot be reached just now" rather than a fault of the request: such a
/// request is answered 503 with <c>Retry-After</c> (a page: the error page saying so), never 500
/// (<see cref="Platform.Errors.UnhandledExceptionHandler"/>). Nothing is retried by the app (ADR 0018): the request may
/// have been cut in the middle, and whether its transaction committed is the database's to say, so the caller tries
/// again. Recognised anywhere in the chain of inner exceptions (EF Core wraps them: <see cref="Microsoft.EntityFrameworkCore.DbUpdateException"/>,
/// and the "likely due to a transient failure" <see cref="InvalidOperationException"/> of the default execution strategy):
/// <list type="bullet">
/// <item>the server refused or dropped the connection, or did not answer in time: an <see cref="NpgsqlException"/> of
/// Npgsql's own (not a server error) that Npgsql marks transient — a socket refused or reset, a stream cut, a timeout
/// connecting, reading or waiting for a pooled connection;</item>
/// <item>the server said it is going away or not there yet: PostgreSQL 57P01 (terminated by administrator: a fast
/// shutdown or restart, <c>pg_terminate_backend</c>), 57P02 (crash shutdown), 57P03 (starting up, shutting down, in
/// recovery), class 08 (connection exception), 53300 (too many connections).</item>
/// </list>
/// Npgsql discards a connection that broke this way and clears its pool, so once the server is back the next requests
/// open fresh connections: the app recovers without a restart.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>What a 503 asks the caller to wait before trying again, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when IsUnavailable(pg.SqlState):
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }
        return false;
    }

    private static bool IsUnavailable(string sqlState) =>
        sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections
        || sqlState.StartsWith("08", StringComparison.Ordinal);
}

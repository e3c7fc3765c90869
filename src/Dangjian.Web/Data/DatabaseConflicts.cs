using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dangjian.Web.Data;

/// <summary>
/// Which failures of a save mean "another request got there first" rather than a fault: the database refused the
/// second of two concurrent writes, and nothing of this request was kept (its transaction rolled back). Such a request
/// is answered 409, never 500 (<see cref="Platform.Errors.UnhandledExceptionHandler"/>). Recognised, on both providers:
/// <list type="bullet">
/// <item>a unique index or key refused a second row (SQLite error 19 with extended code 2067 or 1555, PostgreSQL
/// 23505): the same leave asked twice, the same appraisal closed twice, the same code-table value created twice;</item>
/// <item>an UPDATE guarded by a concurrency token found the row already changed (<see cref="DbUpdateConcurrencyException"/>):
/// a certificate or a letter decided twice, a record locked twice, a step recorded twice on one case;</item>
/// <item>PostgreSQL gave up one of two transactions that waited on each other (40001 serialization failure, 40P01
/// deadlock).</item>
/// </list>
/// </summary>
public static class DatabaseConflicts
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsProviderConflict(inner),
        _ => IsProviderConflict(exception),
    };

    private static bool IsProviderConflict(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } =>
            true,
        _ => false,
    };
}

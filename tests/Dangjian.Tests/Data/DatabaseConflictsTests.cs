using Dangjian.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dangjian.Tests.Data;

/// <summary>
/// Which failures of a save mean "a concurrent request got there first" (answered 409) and which stay faults (500), as
/// each provider reports them.
/// </summary>
public sealed class DatabaseConflictsTests
{
    public static TheoryData<string, Exception, bool> Cases => new()
    {
        { "SQLite unique index", Saving(new SqliteException("UNIQUE constraint failed", 19, 2067)), true },
        { "SQLite primary key", Saving(new SqliteException("UNIQUE constraint failed", 19, 1555)), true },
        { "SQLite foreign key", Saving(new SqliteException("FOREIGN KEY constraint failed", 19, 787)), false },
        { "SQLite not null", Saving(new SqliteException("NOT NULL constraint failed", 19, 1299)), false },
        { "SQLite busy", Saving(new SqliteException("database is locked", 5, 5)), false },
        { "PostgreSQL unique violation", Saving(Postgres(PostgresErrorCodes.UniqueViolation)), true },
        { "PostgreSQL serialization failure", Postgres(PostgresErrorCodes.SerializationFailure), true },
        { "PostgreSQL deadlock", Postgres(PostgresErrorCodes.DeadlockDetected), true },
        { "PostgreSQL foreign key", Saving(Postgres(PostgresErrorCodes.ForeignKeyViolation)), false },
        { "PostgreSQL value too long", Saving(Postgres(PostgresErrorCodes.StringDataRightTruncation)), false },
        { "concurrency token", new DbUpdateConcurrencyException("0 rows affected"), true },
        { "save without a cause", new DbUpdateException("failed"), false },
        { "anything else", new InvalidOperationException("no"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsConflict_ByProviderError(string name, Exception exception, bool conflict) =>
        DatabaseConflicts.IsConflict(exception).ShouldBe(conflict, name);

    private static DbUpdateException Saving(Exception inner) => new("An error occurred while saving the entity changes.", inner);

    private static PostgresException Postgres(string sqlState) => new("refused", "ERROR", "ERROR", sqlState);
}

using System.Net.Sockets;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dangjian.Tests.Data;

/// <summary>
/// Which failures mean "the database server cannot be reached just now" (answered 503 with Retry-After) and which stay
/// what they were (a conflict 409, a fault 500), wherever EF Core wrapped them; and one real refused connection.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string, Exception, bool> Cases => new()
    {
        { "connection refused", Refused(), true },
        { "refused, wrapped by the execution strategy", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", Refused()), true },
        { "stream cut", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()), true },
        { "timeout", new NpgsqlException("Timeout during reading attempt", new TimeoutException()), true },
        { "terminated by administrator (fast shutdown)", Postgres(PostgresErrorCodes.AdminShutdown), true },
        { "crash shutdown", Postgres(PostgresErrorCodes.CrashShutdown), true },
        { "starting up or shutting down", Postgres(PostgresErrorCodes.CannotConnectNow), true },
        { "connection failure", Postgres(PostgresErrorCodes.ConnectionFailure), true },
        { "too many connections", Postgres(PostgresErrorCodes.TooManyConnections), true },
        { "save cut by a restart", new DbUpdateException("An error occurred while saving the entity changes.", Postgres(PostgresErrorCodes.AdminShutdown)), true },
        { "unique violation", new DbUpdateException("saving", Postgres(PostgresErrorCodes.UniqueViolation)), false },
        { "serialization failure", Postgres(PostgresErrorCodes.SerializationFailure), false },
        { "read-only transaction", Postgres(PostgresErrorCodes.ReadOnlySqlTransaction), false },
        { "syntax error", Postgres(PostgresErrorCodes.SyntaxError), false },
        { "Npgsql misuse", new NpgsqlException("The connection is already in state 'Executing'"), false },
        { "SQLite busy", new SqliteException("database is locked", 5, 5), false },
        { "anything else", new InvalidOperationException("no"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_ByProviderError(string name, Exception exception, bool unavailable) =>
        DatabaseUnavailable.Is(exception).ShouldBe(unavailable, name);

    [Fact]
    public async Task Is_AQueryToAPortNobodyListensOn_AsEfCoreThrowsIt()
    {
        // Npgsql and EF Core need no server to fail this way: a loopback port just closed refuses the connection.
        var port = ClosedPort();
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={port};Username=postgres;Timeout=3");
        await using var db = new AppDbContext(builder.Options).Bind(new TenantContext(), new CurrentUser(), TimeProvider.System);
        var thrown = await Should.ThrowAsync<Exception>(() => db.Tenants.CountAsync());
        DatabaseUnavailable.Is(thrown).ShouldBeTrue(thrown.ToString());
        DatabaseConflicts.IsConflict(thrown).ShouldBeFalse();
    }

    private static NpgsqlException Refused() =>
        new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    private static PostgresException Postgres(string sqlState) => new("refused", "FATAL", "FATAL", sqlState);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Ledger;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dangjian.Tests.Platform.Faults;

/// <summary>The fault tests run one after the other: each starts a web app process that loads the machine, and kills it.</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection
{
    public const string Name = "Faults";
}

/// <summary>
/// A fresh database of the provider under test, reached two ways: the in-process test host of <see cref="AppFixture"/>
/// (to build the data a test needs and to look at what is stored, through the app's own model) and the real web app as
/// a child process (<see cref="AppProcess"/>) that the test sends requests to and kills. Both use one data-protection key
/// ring (a folder of this fixture), so a bearer token minted here is accepted there, and one personal-data key.
/// </summary>
public sealed class FaultFixture : AppFixture, IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "dangjian-tests", "faults-" + Guid.NewGuid().ToString("N"));

    private string KeysDir => Path.Combine(dataDir, "keys");

    private string PersonalDataKeyFile => Path.Combine(dataDir, "personal-data.key");

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("DataProtection:KeysPath", KeysDir)];

    public new async Task InitializeAsync()
    {
        Directory.CreateDirectory(KeysDir);
        await File.WriteAllTextAsync(PersonalDataKeyFile, PersonalDataKey);
        await base.InitializeAsync();
        // The key ring's first key is made here, before any app process reads the folder.
        Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect("x");
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Runs a test's body; when it fails, the test's output gets everything the app process wrote.</summary>
    public static async Task PrintLogOnFailureAsync(AppProcess server, Xunit.Abstractions.ITestOutputHelper output, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            output.WriteLine("---- app process output ----");
            output.WriteLine(server.Log);
            throw;
        }
    }

    /// <summary>
    /// The burst of <paramref name="count"/> requests (<paramref name="send"/> on a client of the process, with
    /// <paramref name="token"/> when given), <paramref name="parallel"/> at a time, the process killed with SIGKILL
    /// after a third of them have been answered, then started again on the same data (the first to open it: SQLite's
    /// file then passes its integrity check). Fails unless the kill came in the middle — requests in flight with no
    /// answer, others never sent — and every answer that came was 201.
    /// </summary>
    public async Task<Sent[]> KillMidBurstAndRestartAsync(AppProcess server, Xunit.Abstractions.ITestOutputHelper output, string what, int count,
        int parallel, string? token, Func<HttpClient, int, Task<HttpResponseMessage>> send)
    {
        Sent[] sent;
        LetGoOfTheFile();
        using (var client = server.CreateClient(token))
        {
            sent = await RequestBurst.RunAsync(count, parallel, killAfter: count / 3, i => send(client, i), server.KillHard);
        }
        if (!TestDatabase.IsPostgres) output.WriteLine($"the killed app left a write-ahead log of {await WrittenBytesAsync():N0} bytes");
        output.WriteLine($"{TestDatabase.Provider}: {count} {what}, {parallel} at a time, killed after {count / 3} answers: {RequestBurst.Describe(sent)}");
        server.LastExitCode.ShouldBe(137, "killed by SIGKILL");
        sent.Count(s => s.Fate == Fate.Unanswered).ShouldBeGreaterThan(0, $"{what} were in flight when the server died");
        sent.Count(s => s.Fate == Fate.NotSent).ShouldBeGreaterThan(0, "the server died before the burst was through");
        sent.Where(s => s.Fate == Fate.Answered).ShouldAllBe(s => s.Status == 201,
            string.Join("\n", sent.Where(s => s.Fate == Fate.Answered && s.Status != 201).Take(3)));

        await server.StartAsync();
        if (!TestDatabase.IsPostgres) (await IntegrityCheckAsync()).ShouldBe("ok");
        return sent;
    }

    /// <summary>A web app process on this fixture's database and keys (not started).</summary>
    public AppProcess NewProcess(params IEnumerable<KeyValuePair<string, string>> extra) =>
        AppProcess.ForDatabase(Database, KeysDir, PersonalDataKeyFile, extra);

    /// <summary>
    /// A bearer token for <paramref name="userId"/> as POST /api/v1/auth/token issues it (the same principal, protected by
    /// the same key ring), without the password check: a few hundred people can sign in without a few hundred hashes.
    /// </summary>
    public async Task<string> MintTokenAsync(Guid userId)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId.ToString())
                   ?? throw new InvalidOperationException($"No user {userId}.");
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var bearer = Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        // The process runs on the real clock.
        var properties = new AuthenticationProperties { ExpiresUtc = TimeProvider.System.GetUtcNow() + bearer.BearerTokenExpiration };
        return bearer.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, $"{IdentityConstants.BearerScheme}:AccessToken"));
    }

    /// <summary>The tenant's ledger, recomputed from its first entry by the app's own <see cref="VerifyLedger"/>.</summary>
    public async Task<LedgerVerification> VerifyLedgerAsync(Guid tenantId)
    {
        await using var scope = Scope(tenantId);
        return await scope.ServiceProvider.GetRequiredService<VerifyLedger>().HandleAsync();
    }

    /// <summary>
    /// SQLite: closes this process's idle connections to the file, so that when the app process is killed it is the only
    /// one with the file open, and the restarted app is the first to open it after the crash (and recovers its
    /// write-ahead log) — with a connection left open here, closing it would clean the log up first. Call it before the
    /// writes to be killed, and touch the database only after the restart.
    /// </summary>
    public void LetGoOfTheFile()
    {
        if (TestDatabase.IsPostgres) return;
        using var connection = new SqliteConnection(Database.ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>SQLite: the file of the database under test.</summary>
    private string SqliteFile => new SqliteConnectionStringBuilder(Database.ConnectionString).DataSource;

    /// <summary>SQLite: <c>PRAGMA integrity_check</c> on a connection of its own (the whole file, every index); "ok" when sound.</summary>
    public async Task<string> IntegrityCheckAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Where a writer's uncommitted work shows from outside: on SQLite the write-ahead log, which a large transaction
    /// spills its pages into before it commits (emptied first, so that its length counts this transaction's pages
    /// only); on PostgreSQL the size of <paramref name="tables"/>, which grow as rows are inserted, committed or not.
    /// <see cref="WrittenBytesAsync"/> then tells how far the writer has got.
    /// </summary>
    public async Task<long> StartWatchingWritesAsync(params string[] tables)
    {
        if (!TestDatabase.IsPostgres)
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            for (var attempt = 0; ; attempt++)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                if (reader.GetInt32(0) == 0) break; // not busy: the log is empty
                if (attempt == 50) throw new InvalidOperationException("The write-ahead log could not be emptied.");
                await Task.Delay(100);
            }
        }
        return await WrittenBytesAsync(tables);
    }

    public async Task<long> WrittenBytesAsync(params string[] tables)
    {
        if (!TestDatabase.IsPostgres)
        {
            var wal = new FileInfo(SqliteFile + "-wal");
            return wal.Exists ? wal.Length : 0;
        }
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + string.Join(" + ", tables.Select(t => $"pg_relation_size('\"{t}\"')"));
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

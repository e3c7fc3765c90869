using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Dangjian.Tests.Platform.Backup;

/// <summary>
/// One installation as the maintenance commands see it: a database of the provider under test and a folder holding its
/// keys in files (the data-protection key ring, and the personal-data key file, as by default), passed as the switches an
/// operator gives.
/// </summary>
public sealed record Installation(string ConnectionString, string Folder)
{
    public string KeysFolder => Path.Combine(Folder, "keys");
    public string KeyFile => Path.Combine(KeysFolder, "personal-data.key");

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "dangjian-tests", "install-" + Guid.NewGuid().ToString("N"));

    public string[] Settings =>
    [
        $"--Database:Provider={TestDatabase.Provider}", $"--ConnectionStrings:{TestDatabase.Provider}={ConnectionString}",
        $"--DataProtection:KeysPath={KeysFolder}", $"--PersonalData:KeyFile={KeyFile}", "--Logging:LogLevel:Default=Warning",
    ];

    /// <summary>Tables in its database (0 when the SQLite file does not even exist).</summary>
    public async Task<long> TablesAsync()
    {
        if (!TestDatabase.IsPostgres)
        {
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (!File.Exists(file)) return 0;
            await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
            await sqlite.OpenAsync();
            return await Dangjian.Web.Platform.Backup.DatabaseCounts.ScalarAsync(sqlite, null, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", default);
        }
        await using var pg = new Npgsql.NpgsqlConnection(ConnectionString);
        await pg.OpenAsync();
        return await Dangjian.Web.Platform.Backup.DatabaseCounts.ScalarAsync(pg, null,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", default);
    }

    /// <summary>Closes this process's pooled connections to the database, as a stopped app holds none.</summary>
    public void ReleaseConnections()
    {
        if (TestDatabase.IsPostgres) Npgsql.NpgsqlConnection.ClearPool(new Npgsql.NpgsqlConnection(ConnectionString));
        else SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
    }

    public void Delete()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>The app's own executable (Dangjian.Web.dll, built beside the tests) run as a process, as an operator runs it.</summary>
public static class AppCommand
{
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    public static async Task<Run> RunAsync(params IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Anywhere but the app's folder: the command finds its own appsettings.json (CommandLine.ContentRoot).
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dangjian.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Run(process.ExitCode, await output, await error);
    }
}

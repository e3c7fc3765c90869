using System.Diagnostics;
using Npgsql;

namespace Dangjian.Web.Platform.Backup;

/// <summary>
/// PostgreSQL's own client programs, pg_dump and pg_restore: from <c>Backup:PgBinDir</c> when set; else from the newest
/// /usr/lib/postgresql/N/bin (Debian and Ubuntu install each version there, and pg_dump must be at least as new as the
/// server); else from PATH. The server, user and database are those of the app's connection string, handed over in the
/// PG* environment variables of the child process: the password (PGPASSWORD) never appears on a command line, where
/// every account of the machine could read it.
/// </summary>
public static class PgTools
{
    public static string Find(IConfiguration config, string tool)
    {
        var exe = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        if (config["Backup:PgBinDir"] is { Length: > 0 } dir)
        {
            var configured = Path.Combine(dir, exe);
            return File.Exists(configured) ? configured : throw new BackupRefused("Backup.PgToolMissing", configured);
        }
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1, File: Path.Combine(d, "bin", exe)))
                .Where(x => x.Version >= 0 && File.Exists(x.File))
                .OrderByDescending(x => x.Version)
                .Select(x => x.File)
                .FirstOrDefault();
            if (newest is not null) return newest;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                   .Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists)
               ?? throw new BackupRefused("Backup.PgToolMissing", exe);
    }

    /// <summary>Runs <paramref name="exe"/> against the database of <paramref name="connectionString"/>; throws on failure.</summary>
    public static async Task RunAsync(string exe, IEnumerable<string> args, string connectionString, CancellationToken ct)
    {
        var start = new ProcessStartInfo(exe)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in Variables(connectionString))
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new BackupRefused("Backup.PgToolMissing", exe);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await output;
        if (process.ExitCode != 0)
        {
            throw new BackupRefused("Backup.PgToolFailed", Path.GetFileName(exe), process.ExitCode, (await error).Trim());
        }
    }

    /// <summary>
    /// The libpq variables for a Npgsql connection string (Host, Port, Username, Password, Database, SSL Mode). Variables
    /// the string does not set are removed, so a PGDATABASE or PGHOST of the operator's shell cannot point a restore
    /// elsewhere.
    /// </summary>
    public static IReadOnlyList<(string Name, string? Value)> Variables(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return
        [
            ("PGHOST", b.Host),
            ("PGPORT", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("PGUSER", b.Username),
            ("PGPASSWORD", b.Password),
            ("PGDATABASE", b.Database),
            ("PGSSLMODE", b.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            }),
            ("PGSERVICE", null),
            ("PGOPTIONS", null),
        ];
    }

    /// <summary>A libpq connection string naming one database, quoted so that any name is taken as a name.</summary>
    public static string DatabaseArgument(string database) =>
        "dbname='" + database.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}

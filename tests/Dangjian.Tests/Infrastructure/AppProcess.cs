using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Dangjian.Tests.Infrastructure;

/// <summary>
/// The real web app as a child process (<c>dotnet Dangjian.Web.dll</c>, the build the tests reference), on loopback at
/// a free port, for tests that need what an in-process test host cannot give: a process that can be killed outright
/// (<see cref="KillHard"/>, SIGKILL: no shutdown, no flush, no rollback by the app) and started again on the same data,
/// or several instances on one database. Settings are passed as command-line switches (<c>--Key=Value</c>), over the
/// app's own appsettings.json; <see cref="ForDatabase"/> gives those of a test: the provider and database under test,
/// no demo data, no background jobs, the keys in a folder of the test, and per-address limits a test's loopback load
/// stays under. Everything the process writes to stdout and stderr is kept in <see cref="Log"/> (every start, in order),
/// for the test to print when it fails.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> settings;
    private readonly StringBuilder log = new();
    private readonly Lock logGate = new();
    private Process? process;

    public AppProcess(IEnumerable<KeyValuePair<string, string>> settings)
    {
        this.settings = settings.ToList();
    }

    /// <summary>
    /// The settings a test runs the app with on <paramref name="database"/>: the data-protection keys in
    /// <paramref name="keysDirectory"/> (share it with whatever mints tokens for this app) and the personal-data key read
    /// from <paramref name="personalDataKeyFile"/> (created by the app when missing). <paramref name="extra"/> come last
    /// and win.
    /// </summary>
    public static AppProcess ForDatabase(TestDatabase database, string keysDirectory, string personalDataKeyFile,
        params IEnumerable<KeyValuePair<string, string>> extra)
    {
        var provider = TestDatabase.Provider.ToString();
        return new AppProcess(
        [
            new("Database:Provider", provider),
            new($"ConnectionStrings:{provider}", database.ConnectionString),
            new("Seed:Demo", "false"),
            new("Jobs:Enabled", "false"),
            new("DataProtection:KeysPath", keysDirectory),
            new("PersonalData:KeyFile", personalDataKeyFile),
            // A test's clients all speak from 127.0.0.1: the per-address and per-account limits are tested on their own
            // (RateLimitTests), with the defaults.
            new("RateLimits:LoginPerAddress", "100000"),
            new("RateLimits:UploadsPerUser", "100000"),
            new("RateLimits:PublicPerAddress", "100000"),
            new("Logging:LogLevel:Default", "Warning"),
            new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information"),
            .. extra,
        ]);
    }

    /// <summary>Where the running instance listens (a new free port at each start).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>The exit code of the last instance that ended (137 = killed by SIGKILL), null while none has.</summary>
    public int? LastExitCode { get; private set; }

    /// <summary>The output of every start so far, each line prefixed with the start it came from.</summary>
    public string Log
    {
        get
        {
            lock (logGate) return log.ToString();
        }
    }

    /// <summary>The web app's assembly as built for the tests; its runtimeconfig and deps files lie beside it.</summary>
    public static string AppDll => typeof(Program).Assembly.Location;

    /// <summary>Starts the app and waits until GET /health answers 200; throws with the output when it exits or never does.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (IsRunning) throw new InvalidOperationException("The app is already running.");
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = ++Starts;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The app's folder: its appsettings.json is read as in production; data and keys are where the settings say.
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
        };
        info.ArgumentList.Add(AppDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.ArgumentList.Add($"--contentRoot={Path.GetDirectoryName(AppDll)}");
        foreach (var (key, value) in settings) info.ArgumentList.Add($"--{key}={value}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_URLS");

        var p = new Process { StartInfo = info, EnableRaisingEvents = true };
        p.OutputDataReceived += (_, e) => Append(start, "out", e.Data);
        p.ErrorDataReceived += (_, e) => Append(start, "err", e.Data);
        Append(start, "test", $"starting on port {port}");
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        process = p;

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(120);
        while (true)
        {
            if (p.HasExited)
            {
                await p.WaitForExitAsync();
                LastExitCode = p.ExitCode;
                throw new InvalidOperationException($"The app exited with {p.ExitCode} before it answered /health.\n{Log}");
            }
            try
            {
                using var health = await http.GetAsync("health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    Append(start, "test", $"healthy after {deadline.Elapsed.TotalSeconds:F1} s");
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (deadline.Elapsed > limit)
            {
                KillHard();
                throw new TimeoutException($"The app did not answer /health within {limit.TotalSeconds:F0} s.\n{Log}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// SIGKILL (Process.Kill): the process ends at once, in the middle of whatever it was doing — open transactions,
    /// requests half answered. Waits until it has gone.
    /// </summary>
    public void KillHard()
    {
        var p = process ?? throw new InvalidOperationException("The app was never started.");
        if (!p.HasExited)
        {
            Append(Starts, "test", "SIGKILL");
            p.Kill(entireProcessTree: false);
        }
        p.WaitForExit();
        LastExitCode = p.ExitCode;
        p.Dispose();
        process = null;
    }

    /// <summary>A client of the running instance, with a bearer token when given, and enough connections for a burst.</summary>
    public HttpClient CreateClient(string? bearerToken = null, int connections = 64)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(100),
        };
        if (bearerToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    public ValueTask DisposeAsync()
    {
        if (process is not null) KillHard();
        return ValueTask.CompletedTask;
    }

    private void Append(int start, string stream, string? line)
    {
        if (line is null) return;
        lock (logGate) log.Append('[').Append(start).Append(' ').Append(stream).Append("] ").AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

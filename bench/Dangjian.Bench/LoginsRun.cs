using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Dangjian.Bench;

/// <summary>
/// The load of the logins benchmark (bench/run.sh logins; issue 21, item 9): does a crowd logging in starve everyone
/// else? On a database prepared by `signin-prepare` (member accounts signin00001… with <see cref="SignInRun.MemberPassword"/>,
/// the branch secretary in DIR/host.txt) and the web app running on loopback:
/// <para>`logins-load URL DIR SERVERPID QUIETSECONDS LOADSECONDS CLIENTS [PAUSEMS] [BACKOFFMS]`</para>
/// <list type="number">
/// <item>Warm-up: 200 cheap calls and 50 logins one after another, then 10 s idle for the JIT's background recompilation (the
/// server's CPU in it printed as "settle").</item>
/// <item>Phase A (QUIETSECONDS): one client, the host with a bearer token, calls GET /api/v1/org-units/{branch} (a cheap
/// authenticated read), PAUSEMS (20) between calls; every latency recorded.</item>
/// <item>Phase B (LOADSECONDS): the same client goes on while CLIENTS (20) others log in through POST /api/v1/auth/token
/// over and over with the right passwords, each taking the next account in turn. A client answered 429 waits
/// BACKOFFMS (1,000) before its next try, as a person told "try again in a few seconds" would.</item>
/// </list>
/// Printed: the cheap call's p50/p95/p99/max per phase, logins per status and per second, their latencies, the server's
/// CPU (from /proc/SERVERPID/stat) and this process's CPU per phase, and /proc/loadavg before and after each phase.
/// The cheap call and the logins use separate connection pools, so a cheap call never waits for a free connection.
/// </summary>
public static class LoginsRun
{
    public static async Task<int> LoadAsync(string url, string dir, int serverPid, int quietSeconds, int loadSeconds, int clients, int pauseMs,
        int backoffMs)
    {
        var names = await File.ReadAllLinesAsync(Path.Combine(dir, "users.txt"));
        var host = await File.ReadAllLinesAsync(Path.Combine(dir, "host.txt"));
        var cheapPath = $"/api/v1/org-units/{Guid.Parse(host[2])}";

        using var cheap = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        using var logins = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 1 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        var (status, hostToken) = await LoginAsync(logins, host[0], host[1], CancellationToken.None);
        if (status != 200) throw new InvalidOperationException($"host login: {status}");
        cheap.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hostToken);

        // Warm-up: both paths JIT-compiled and their caches filled before anything is measured.
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++) await CheapAsync(cheap, cheapPath);
        var warmCheap = sw.Elapsed;
        sw.Restart();
        for (var i = 0; i < 50; i++)
        {
            var (s, _) = await LoginAsync(logins, names[i % names.Length], SignInRun.MemberPassword, CancellationToken.None);
            if (s != 200) throw new InvalidOperationException($"warm-up login of {names[i % names.Length]}: {s}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up: 200 cheap calls in {warmCheap.TotalMilliseconds:F0} ms, 50 logins one at a time in {sw.Elapsed.TotalMilliseconds:F0} ms " +
            $"({sw.Elapsed.TotalMilliseconds / 50:F0} ms each); {names.Length} accounts; cheap call GET {cheapPath} every {pauseMs} ms"));
        var settle = new LoadMeter.Phase("settle (idle, 10 s after the warm-up)", serverPid);
        await Task.Delay(TimeSpan.FromSeconds(10));
        settle.End();

        // Phase A: the cheap call alone.
        var a = new LoadMeter.Phase("A quiet", serverPid);
        var quiet = await CheapLoopAsync(cheap, cheapPath, pauseMs, TimeSpan.FromSeconds(quietSeconds));
        a.End();

        // Phase B: the cheap call beside CLIENTS clients logging in.
        var b = new LoadMeter.Phase("B logins", serverPid);
        var deadline = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(loadSeconds);
        var next = -1;
        var statuses = new ConcurrentDictionary<string, int>();
        var okMs = new ConcurrentBag<double>();
        var busyMs = new ConcurrentBag<double>();
        var cheapTask = CheapLoopAsync(cheap, cheapPath, pauseMs, duration);
        var loginTasks = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (deadline.Elapsed < duration)
            {
                var name = names[(Interlocked.Increment(ref next) & int.MaxValue) % names.Length];
                var t = Stopwatch.StartNew();
                string key;
                try
                {
                    var (s, _) = await LoginAsync(logins, name, SignInRun.MemberPassword, CancellationToken.None);
                    key = s.ToString(CultureInfo.InvariantCulture);
                    if (s == 200) okMs.Add(t.Elapsed.TotalMilliseconds);
                    if (s == 429)
                    {
                        busyMs.Add(t.Elapsed.TotalMilliseconds);
                        statuses.AddOrUpdate(key, 1, (_, n) => n + 1);
                        await Task.Delay(backoffMs);
                        continue;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    key = e.GetType().Name;
                }
                statuses.AddOrUpdate(key, 1, (_, n) => n + 1);
            }
        })).ToList();
        var loaded = await cheapTask;
        await Task.WhenAll(loginTasks);
        var wall = deadline.Elapsed; // includes the last logins' answers after the deadline
        b.End();

        var ok = statuses.GetValueOrDefault("200");
        var busy = statuses.GetValueOrDefault("429");
        Console.WriteLine();
        Console.WriteLine($"cheap call, A (alone, {quietSeconds} s):           {LoadMeter.Stats(quiet.Ms)}{LoadMeter.Others(quiet.Failures)}");
        Console.WriteLine($"cheap call, B (beside {clients} logins, {loadSeconds} s): {LoadMeter.Stats(loaded.Ms)}{LoadMeter.Others(loaded.Failures)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"logins, B: {ok} tokens (200) = {ok / wall.TotalSeconds:F1}/s, {busy} answered 429 = {busy / wall.TotalSeconds:F1}/s, " +
            $"other: {(statuses.Keys.Except(["200", "429"]).Any() ? string.Join(", ", statuses.Where(kv => kv.Key is not ("200" or "429")).Select(kv => $"{kv.Value} × {kv.Key}")) : "none")}; " +
            $"over {wall.TotalSeconds:F1} s (the last answers after the {loadSeconds} s included)"));
        Console.WriteLine($"login latency (200): {LoadMeter.Stats(okMs.ToList())}");
        if (!busyMs.IsEmpty) Console.WriteLine($"login latency (429): {LoadMeter.Stats(busyMs.ToList())}");
        settle.Print();
        a.Print();
        b.Print();
        return 0;
    }

    private sealed record Loop(List<double> Ms, Dictionary<string, int> Failures);

    private static async Task<Loop> CheapLoopAsync(HttpClient http, string path, int pauseMs, TimeSpan duration)
    {
        var ms = new List<double>();
        var failures = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var t = Stopwatch.StartNew();
            var status = await CheapAsync(http, path);
            if (status == 200) ms.Add(t.Elapsed.TotalMilliseconds);
            else failures[status.ToString(CultureInfo.InvariantCulture)] = failures.GetValueOrDefault(status.ToString(CultureInfo.InvariantCulture)) + 1;
            if (pauseMs > 0) await Task.Delay(pauseMs);
        }
        return new(ms, failures);
    }

    private static async Task<int> CheapAsync(HttpClient http, string path)
    {
        using var r = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        return (int)r.StatusCode;
    }

    private static async Task<(int Status, string? Token)> LoginAsync(HttpClient http, string userName, string password, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.StatusCode == HttpStatusCode.OK
            ? (200, JsonNode.Parse(body)!["accessToken"]!.GetValue<string>())
            : ((int)response.StatusCode, null);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Accounts;
using Dangjian.Web.Modules.Dashboard;
using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dangjian.Bench;

/// <summary>
/// The helpers of the dashboard benchmark (bench/run.sh dashboard), on a tenant seeded with
/// `seed --members 200000 --activity-years 3`:
/// <list type="bullet">
/// <item>`dashboard-units Sqlite|Postgres CONNECTION`: prints the ids of the group root and of the benchmark's branch
/// (the first branch of the first secondary 党委, by sort order) and the tenant's row counts.</item>
/// <item>`dashboard-rebuild Sqlite|Postgres CONNECTION KEYFILE [RUNS]`: runs <see cref="RollupBuilder.RebuildAsync"/> RUNS
/// times (2) in this process with the web app's services, each in a fresh scope: wall time, allocated bytes, peak RSS
/// (VmHWM, reset before each run) and the rows written. Leaves the roll-ups in place for the web app.</item>
/// <item>`dashboard-naive Sqlite|Postgres CONNECTION KEYFILE ROOTRUNS BRANCHRUNS`: the same figures computed from the raw
/// tables (<see cref="NaiveDashboard.ComputeAsync"/>) for this year's months, root and branch, and the roll-up handler
/// (<see cref="Dashboard"/>) in-process beside it; checks that both give the same period figures.</item>
/// <item>`dashboard-http URL USER PASSWORD ROOT BRANCH SERVERPID REQUESTS [CONCURRENCY]`: a bearer token from
/// POST /api/v1/auth/token, then GET /api/v1/org-units/{id}/dashboard for the root and the branch: 20 warm-up requests
/// each, then REQUESTS measured one after another (p50/p95/p99/max), then REQUESTS more from CONCURRENCY clients at
/// once; the server's RSS sampled every 100 ms during the load and its VmHWM.</item>
/// </list>
/// </summary>
public static class DashboardRun
{
    public static async Task<int> UnitsAsync(string provider, string connectionString)
    {
        await using var app = BuildHost(provider, connectionString, null);
        await using var scope = app.Services.CreateAsyncScope();
        var (root, branch) = await OpenAsync(scope.ServiceProvider);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Console.Error.WriteLine($"units {await db.OrgUnits.CountAsync()}, members {await db.Members.CountAsync()}, meetings {await db.Meetings.CountAsync()}, " +
                                $"attendance lines {await db.MeetingAttendances.CountAsync()}, sign-ins {await db.MeetingSignIns.CountAsync()}, " +
                                $"dues payments {await db.DuesPayments.CountAsync()}, dues bases {await db.DuesBases.CountAsync()}; " +
                                $"branch {branch.Name}: {await db.Members.CountAsync(m => m.OrgPath.StartsWith(branch.Path))} people");
        Console.WriteLine($"{root.Id} {branch.Id}");
        return 0;
    }

    public static async Task<int> RebuildAsync(string provider, string connectionString, string keyFile, int runs)
    {
        await using var app = BuildHost(provider, connectionString, keyFile);
        for (var run = 1; run <= runs; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await OpenAsync(scope.ServiceProvider);
            ResetPeak();
            var allocated = GC.GetTotalAllocatedBytes(true);
            var load = BenchDatabase.LoadAverage();
            var sw = Stopwatch.StartNew();
            var units = await scope.ServiceProvider.GetRequiredService<RollupBuilder>().RebuildAsync(default);
            sw.Stop();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var months = await db.UnitMonthRollups.CountAsync();
            Console.WriteLine($"{provider} rebuild {run}/{runs}: {sw.Elapsed.TotalSeconds:F1} s, {units} unit rows, {months} month rows, " +
                              $"allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1048576} MiB, peak RSS (VmHWM) {Status("VmHWM")}, " +
                              $"RSS after {Status("VmRSS")}; loadavg before {load}, after {BenchDatabase.LoadAverage()}");
        }
        return 0;
    }

    public static async Task<int> NaiveAsync(string provider, string connectionString, string keyFile, int rootRuns, int branchRuns)
    {
        await using var app = BuildHost(provider, connectionString, keyFile);
        OrgUnit root, branch;
        await using (var scope = app.Services.CreateAsyncScope()) (root, branch) = await OpenAsync(scope.ServiceProvider);
        var today = TimeProvider.System.Today();
        var (first, last) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, today.Month, 1));
        foreach (var (label, unit, runs) in new[] { ("root", root, rootRuns), ("branch", branch, branchRuns) })
        {
            PeriodFigures? naivePeriod = null, rollupPeriod = null;
            var naive = new List<double>();
            var rolled = new List<double>();
            ResetPeak();
            var load = BenchDatabase.LoadAverage();
            // One run first (JIT, caches), not counted; none before the root's few runs of many seconds each.
            for (var i = runs > 5 ? -1 : 0; i < runs; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await OpenAsync(scope.ServiceProvider);
                var sw = Stopwatch.StartNew();
                var n = await scope.ServiceProvider.GetRequiredService<NaiveDashboard>().ComputeAsync(unit.Path, first, last, default);
                if (i >= 0) naive.Add(sw.Elapsed.TotalMilliseconds);
                naivePeriod = n.Period;
            }
            for (var i = -3; i < Math.Max(runs, 50); i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await OpenAsync(scope.ServiceProvider);
                var sw = Stopwatch.StartNew();
                var r = await scope.ServiceProvider.GetRequiredService<Dashboard>().HandleAsync(unit.Id, null, null, default);
                if (i >= 0) rolled.Add(sw.Elapsed.TotalMilliseconds);
                rollupPeriod = r.Value!.Period;
            }
            Console.WriteLine($"{provider} {label} naive (NaiveDashboard, {runs} runs): {Stats(naive)}; peak RSS {Status("VmHWM")}; loadavg before {load}, after {BenchDatabase.LoadAverage()}");
            Console.WriteLine($"{provider} {label} roll-ups in-process (Dashboard handler, {rolled.Count} runs): {Stats(rolled)}");
            Console.WriteLine($"{provider} {label} ratio naive/roll-ups: p50 {Pct(naive, 50) / Pct(rolled, 50):N0}x, p95 {Pct(naive, 95) / Pct(rolled, 95):N0}x; " +
                              $"same period figures: {naivePeriod == rollupPeriod} (naive {naivePeriod}; roll-ups {rollupPeriod})");
        }
        return 0;
    }

    public static async Task<int> HttpAsync(string url, string user, string password, Guid root, Guid branch, int serverPid, int requests, int concurrency)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var proc = $"/proc/{serverPid}/status";
        Console.WriteLine($"server RSS before: {Status("VmRSS", proc)}, VmHWM {Status("VmHWM", proc)}");

        foreach (var (label, id) in new[] { ("root", root), ("branch", branch) })
        {
            var path = $"/api/v1/org-units/{id}/dashboard";
            long bytes = 0;
            var first = Stopwatch.StartNew();
            using (var r = await http.GetAsync(path))
            {
                r.EnsureSuccessStatusCode();
                bytes = (await r.Content.ReadAsByteArrayAsync()).Length;
            }
            Console.WriteLine($"{label}: first request {first.Elapsed.TotalMilliseconds:F1} ms, {bytes} bytes of JSON");
            for (var i = 0; i < 20; i++) await Get(http, path);

            var load = BenchDatabase.LoadAverage();
            var serial = new List<double>(requests);
            long maxRss = 0;
            using var sampler = new CancellationTokenSource();
            var sampling = Task.Run(async () =>
            {
                while (!sampler.IsCancellationRequested)
                {
                    maxRss = Math.Max(maxRss, Kib("VmRSS", proc));
                    try { await Task.Delay(100, sampler.Token); } catch (OperationCanceledException) { }
                }
            });
            for (var i = 0; i < requests; i++) serial.Add(await Get(http, path));
            Console.WriteLine($"{label} one client, {requests} requests: {Stats(serial)}; loadavg before {load}, after {BenchDatabase.LoadAverage()}");

            load = BenchDatabase.LoadAverage();
            var parallel = new System.Collections.Concurrent.ConcurrentBag<double>();
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async c =>
            {
                for (var i = c; i < requests; i += concurrency) parallel.Add(await Get(http, path));
            }));
            wall.Stop();
            await sampler.CancelAsync();
            await sampling;
            Console.WriteLine($"{label} {concurrency} clients, {requests} requests: {Stats(parallel.ToList())}, {requests / wall.Elapsed.TotalSeconds:F0} req/s; " +
                              $"loadavg before {load}, after {BenchDatabase.LoadAverage()}");
            Console.WriteLine($"{label} server RSS during the load: max {maxRss / 1024} MiB sampled, now {Status("VmRSS", proc)}, VmHWM {Status("VmHWM", proc)}");
        }
        return 0;
    }

    private static async Task<double> Get(HttpClient http, string path)
    {
        var sw = Stopwatch.StartNew();
        using var r = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        r.EnsureSuccessStatusCode();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static async Task<(OrgUnit Root, OrgUnit Branch)> OpenAsync(IServiceProvider sp)
    {
        var tree = await BenchDatabase.OpenTenantAsync(sp, counts: false);
        var db = sp.GetRequiredService<AppDbContext>();
        var branch = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == tree.Secondary.Id && u.Kind == OrgUnitKind.Branch)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Path).FirstAsync();
        return (tree.Root, branch);
    }

    /// <summary>The web app's services (all modules) on the given database; logging at Warning; not started (no jobs run).</summary>
    private static WebApplication BuildHost(string provider, string connectionString, string? keyFile)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            [$"ConnectionStrings:{provider}"] = connectionString,
            ["PersonalData:KeyFile"] = keyFile ?? Path.Combine(Path.GetTempPath(), "dj-bench-dash-unused.key"),
            ["DataProtection:KeysPath"] = Path.Combine(Path.GetTempPath(), "dj-bench-dash-keys"),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter(typeof(RollupBuilder).FullName, LogLevel.Information);
        builder.Services.AddPlatform(builder.Configuration, builder.Environment);
        builder.Services.AddOrganizations(builder.Configuration);
        builder.Services.AddAccounts();
        builder.Services.AddMembers(builder.Configuration);
        builder.Services.AddDues(builder.Configuration);
        builder.Services.AddDevelopment(builder.Configuration);
        builder.Services.AddMeetings(builder.Configuration);
        builder.Services.AddDashboard(builder.Configuration);
        return builder.Build();
    }

    private static string Stats(List<double> ms) =>
        ms.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture,
            $"p50 {Pct(ms, 50):F1} ms, p95 {Pct(ms, 95):F1} ms, p99 {Pct(ms, 99):F1} ms, max {ms.Max():F1} ms, mean {ms.Average():F1} ms (n={ms.Count})");

    /// <summary>Nearest-rank percentile.</summary>
    private static double Pct(List<double> ms, int p)
    {
        var sorted = ms.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Resets the kernel's peak-RSS mark of this process (VmHWM).</summary>
    private static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static long Kib(string field, string file = "/proc/self/status")
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
    }

    private static string Status(string field, string file = "/proc/self/status") => $"{Kib(field, file) / 1024} MiB";
}

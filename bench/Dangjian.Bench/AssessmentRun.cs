using System.Diagnostics;
using System.Globalization;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Accounts;
using Dangjian.Web.Modules.Assessment;
using Dangjian.Web.Modules.Assessment.Evaluation;
using Dangjian.Web.Modules.Assessment.Points;
using Dangjian.Web.Modules.Dashboard;
using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dangjian.Bench;

/// <summary>
/// The points and assessment benchmark (bench/run.sh assessment), on the dashboard's data set (`seed --members 200000
/// --activity-years 3`), in this process with the web app's services, as the group's administrator:
/// <list type="bullet">
/// <item>`assessment-points Sqlite|Postgres CONNECTION KEYFILE`: the automatic points of the current year
/// (<see cref="PointsAwarder.RunAsync"/>, what the `points-auto` job runs per tenant), twice — the second run must add
/// nothing — wall time, lines and balances; then one member's statement and the root unit's ranking for the year
/// (handlers <see cref="PointsStatement"/>, <see cref="PointsRanking"/>): 20 warm-up calls, then REQUESTS (200) each,
/// p50/p95/p99, each call in a fresh scope.</item>
/// <item>`assessment-evaluation Sqlite|Postgres CONNECTION KEYFILE`: a scheme of the current year at the root from the
/// PA-3 template, opened, then <see cref="ComputeEvaluation.HandleAsync"/> over every branch of the group, twice (the
/// second replaces the first): wall time and branches.</item>
/// </list>
/// </summary>
public static class AssessmentRun
{
    public static async Task<int> PointsAsync(string provider, string connectionString, string keyFile, int requests)
    {
        await using var app = BuildHost(provider, connectionString, keyFile);
        var year = ChinaTime.Date(TimeProvider.System.GetUtcNow()).Year;
        for (var run = 1; run <= 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await BenchDatabase.OpenTenantAsync(scope.ServiceProvider, counts: false);
            var load = BenchDatabase.LoadAverage();
            var sw = Stopwatch.StartNew();
            var written = await scope.ServiceProvider.GetRequiredService<PointsAwarder>().RunAsync(year, default);
            sw.Stop();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Console.WriteLine($"{provider} points-auto {run}/2 for {year}: {sw.Elapsed.TotalSeconds:F1} s, {written} lines written; " +
                              $"now {await db.PointsEntries.CountAsync()} lines, {await db.PointsBalances.CountAsync(b => b.Year == year)} balances of {year}; " +
                              $"loadavg before {load}, after {BenchDatabase.LoadAverage()}");
        }

        Guid rootId, memberId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tree = await BenchDatabase.OpenTenantAsync(scope.ServiceProvider, counts: false);
            rootId = tree.Root.Id;
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A member with many lines: the statement lists them all.
            memberId = await db.PointsBalances.AsNoTracking().Where(b => b.Year == year).OrderByDescending(b => b.Lines).ThenBy(b => b.MemberId)
                .Select(b => b.MemberId).FirstAsync();
        }
        await Measure(app, "statement of one member", requests, async sp =>
        {
            var r = await sp.GetRequiredService<PointsStatement>().ForMemberAsync(memberId, year, default);
            return r.IsSuccess ? $"{r.Value!.Lines} lines, {r.Value.Score} points" : r.Error!.Message;
        });
        await Measure(app, "ranking of the root unit (first page of 20)", requests, async sp =>
        {
            var r = await sp.GetRequiredService<PointsRanking>().GetAsync(rootId, year, null, null, new PageRequest(1, 20), default);
            return r.IsSuccess ? $"{r.Value!.PartyMembers} party members, {r.Value.WithPoints} with points, participation {r.Value.Participation}" : r.Error!.Message;
        });
        await Measure(app, "ranking of the root unit, page 500", requests, async sp =>
        {
            var r = await sp.GetRequiredService<PointsRanking>().GetAsync(rootId, year, null, null, new PageRequest(500, 20), default);
            return r.IsSuccess ? $"{r.Value!.Rows.Items.Count} rows" : r.Error!.Message;
        });
        return 0;
    }

    public static async Task<int> EvaluationAsync(string provider, string connectionString, string keyFile)
    {
        await using var app = BuildHost(provider, connectionString, keyFile);
        var year = ChinaTime.Date(TimeProvider.System.GetUtcNow()).Year;
        Guid schemeId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tree = await BenchDatabase.OpenTenantAsync(scope.ServiceProvider, counts: false);
            var schemes = scope.ServiceProvider.GetRequiredService<EvaluationSchemes>();
            var created = await schemes.CreateAsync(tree.Root.Id, new CreateEvaluationSchemeRequest(year, $"压测考评{DateTime.UtcNow:HHmmss}", "PA3"), default);
            if (!created.IsSuccess) { Console.WriteLine($"create refused: {created.Error!.Message}"); return 1; }
            schemeId = created.Value!.Id;
            var opened = await schemes.OpenAsync(schemeId, default);
            if (!opened.IsSuccess) { Console.WriteLine($"open refused: {opened.Error!.Message}"); return 1; }
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Console.WriteLine($"{provider} scheme {schemeId} (PA3, {year}) opened; {await db.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.Branch)} branches in the tenant");
        }
        for (var run = 1; run <= 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await BenchDatabase.OpenTenantAsync(scope.ServiceProvider, counts: false);
            var load = BenchDatabase.LoadAverage();
            var allocated = GC.GetTotalAllocatedBytes(true);
            var sw = Stopwatch.StartNew();
            var computed = await scope.ServiceProvider.GetRequiredService<ComputeEvaluation>().HandleAsync(schemeId, default);
            sw.Stop();
            Console.WriteLine(computed.IsSuccess
                ? $"{provider} compute {run}/2: {sw.Elapsed.TotalSeconds:F1} s for {computed.Value!.Branches} branches, allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1048576} MiB; loadavg before {load}, after {BenchDatabase.LoadAverage()}"
                : $"{provider} compute refused: {computed.Error!.Message}");
        }
        return 0;
    }

    private static async Task Measure(WebApplication app, string label, int requests, Func<IServiceProvider, Task<string>> call)
    {
        string last = "";
        var times = new List<double>(requests);
        var load = BenchDatabase.LoadAverage();
        for (var i = -20; i < requests; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await BenchDatabase.OpenTenantAsync(scope.ServiceProvider, counts: false);
            var sw = Stopwatch.StartNew();
            last = await call(scope.ServiceProvider);
            if (i >= 0) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double P(int p) => times[Math.Clamp((int)Math.Ceiling(p / 100.0 * times.Count) - 1, 0, times.Count - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} ({last}), {requests} calls: p50 {P(50):F1} ms, p95 {P(95):F1} ms, p99 {P(99):F1} ms, max {times[^1]:F1} ms; loadavg before {load}, after {BenchDatabase.LoadAverage()}"));
    }

    /// <summary>The web app's services (every module) on the given database; logging at Warning; not started (no jobs run).</summary>
    private static WebApplication BuildHost(string provider, string connectionString, string keyFile)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            [$"ConnectionStrings:{provider}"] = connectionString,
            ["PersonalData:KeyFile"] = keyFile,
            ["DataProtection:KeysPath"] = Path.Combine(Path.GetTempPath(), "dj-bench-assessment-keys"),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPlatform(builder.Configuration, builder.Environment);
        builder.Services.AddOrganizations(builder.Configuration);
        builder.Services.AddAccounts();
        builder.Services.AddMembers(builder.Configuration);
        builder.Services.AddDues(builder.Configuration);
        builder.Services.AddDevelopment(builder.Configuration);
        builder.Services.AddMeetings(builder.Configuration);
        builder.Services.AddDashboard(builder.Configuration);
        builder.Services.AddEducation(builder.Configuration);
        builder.Services.AddAssessment(builder.Configuration);
        return builder.Build();
    }
}

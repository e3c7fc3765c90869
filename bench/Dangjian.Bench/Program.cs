using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Dangjian.Bench;

// The roster import needs no seeded tenant: it works on a fresh database of its own.
if (args is ["import-roster", var rosterPath, .. var rest])
{
    return await ImportRun.WriteRosterAsync(rosterPath, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 50_000);
}
if (args is ["import", var provider, var connectionString, var roster])
{
    return await ImportRun.RunAsync(provider, connectionString, roster);
}

// The sign-in load benchmark (bench/run.sh signin): data, tokens, meetings and the count check; wrk drives the load.
var inv = System.Globalization.CultureInfo.InvariantCulture;
switch (args)
{
    case ["signin-prepare", var dbProvider, var dbConnection, var dataDir, .. var more]:
        return await SignInRun.PrepareAsync(dbProvider, dbConnection, dataDir, more.Length > 0 ? int.Parse(more[0], inv) : 2_000);
    case ["signin-login", var url, var dataDir, .. var more]:
        return await SignInRun.LoginAsync(url, dataDir, more.Length > 0 ? int.Parse(more[0], inv) : 4);
    case ["signin-meeting", var url, var dataDir, .. var names] when names.Length > 0:
        return await SignInRun.MeetingsAsync(url, dataDir, names);
    case ["signin-check", var dbProvider, var dbConnection, var meeting, var expected]:
        return await SignInRun.CheckAsync(dbProvider, dbConnection, Guid.Parse(meeting), int.Parse(expected, inv));
    // The study-time and contest benchmarks (bench/run.sh study | contest; issue 16), on a signin-prepare database.
    case ["study-course", var url, var dataDir, var mediaSeconds]:
        return await StudyRun.CourseAsync(url, dataDir, int.Parse(mediaSeconds, inv));
    case ["study-load", var url, var dataDir, var pid, var seconds, var interval, var ramp]:
        return await StudyRun.LoadAsync(url, dataDir, int.Parse(pid, inv), int.Parse(seconds, inv), int.Parse(interval, inv), int.Parse(ramp, inv));
    case ["study-check", var dbProvider, var dbConnection, var dataDir]:
        return await StudyRun.CheckAsync(dbProvider, dbConnection, dataDir);
    case ["contest-setup", var url, var dataDir, var questions]:
        return await ContestRun.SetupAsync(url, dataDir, int.Parse(questions, inv));
    case ["contest-load", var url, var dataDir, var pid, var seconds, var duplicates]:
        return await ContestRun.LoadAsync(url, dataDir, int.Parse(pid, inv), int.Parse(seconds, inv), int.Parse(duplicates, inv));
    case ["contest-check", var dbProvider, var dbConnection, var dataDir]:
        return await ContestRun.CheckAsync(dbProvider, dbConnection, dataDir);
    // The logins benchmark (bench/run.sh logins): a cheap API call alone, then beside a crowd logging in.
    case ["logins-load", var url, var dataDir, var pid, var quiet, var load, var clients, .. var more]:
        return await LoginsRun.LoadAsync(url, dataDir, int.Parse(pid, inv), int.Parse(quiet, inv), int.Parse(load, inv), int.Parse(clients, inv),
            more.Length > 0 ? int.Parse(more[0], inv) : 20, more.Length > 1 ? int.Parse(more[1], inv) : 1_000);
}

// The dashboard benchmark's helpers take their database on the command line (bench/run.sh dashboard).
static int N(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
switch (args)
{
    case ["assessment-points", var p, var cs, var key, .. var more]:
        return await AssessmentRun.PointsAsync(p, cs, key, more.Length > 0 ? N(more[0]) : 200);
    case ["assessment-evaluation", var p, var cs, var key]:
        return await AssessmentRun.EvaluationAsync(p, cs, key);
    case ["dashboard-units", var p, var cs]:
        return await DashboardRun.UnitsAsync(p, cs);
    case ["dashboard-rebuild", var p, var cs, var key, .. var more]:
        return await DashboardRun.RebuildAsync(p, cs, key, more.Length > 0 ? N(more[0]) : 2);
    case ["dashboard-naive", var p, var cs, var key, var rootRuns, var branchRuns]:
        return await DashboardRun.NaiveAsync(p, cs, key, N(rootRuns), N(branchRuns));
    case ["dashboard-http", var url, var user, var password, var root, var branch, var pid, var requests, .. var more]:
        return await DashboardRun.HttpAsync(url, user, password, Guid.Parse(root), Guid.Parse(branch), N(pid), N(requests), more.Length > 0 ? N(more[0]) : 4);
}

if (!BenchDatabase.ConfiguredProviders().Any())
{
    Console.Error.WriteLine($"Set {BenchDatabase.SqliteVariable} (SQLite file) and/or {BenchDatabase.PostgresVariable} (connection string) " +
                            "to a database seeded with `Dangjian.Web seed --members 200000`; bench/run.sh does all of it.");
    return 2;
}

if (args is ["probe", ..])
{
    await Probe.RunAsync();
    return 0;
}

// Short job: the whole suite takes a few minutes on 2 cores. In-process, so BenchmarkDotNet does not rebuild the
// solution into src/*/bin|obj (others build in this tree; we build with a private --artifacts-path).
var job = Job.Default
    .WithLaunchCount(1)
    .WithWarmupCount(2)
    .WithIterationCount(10)
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId("Short");
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddColumn(StatisticColumn.Median, StatisticColumn.Max)
    .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared))
    .WithOptions(ConfigOptions.JoinSummary);

BenchmarkSwitcher.FromAssembly(typeof(OrgTreeBenchmarks).Assembly).Run(args, config);
return 0;

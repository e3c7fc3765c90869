using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Xunit.Abstractions;

namespace Dangjian.Tests.Platform.Scaling;

/// <summary>
/// PostgreSQL restarted and stopped under load (issue 15): the app on Kestrel against a server of its own, clients
/// reading and writing without pause while the server is restarted (<c>pg_ctl restart -m fast</c>) and then stopped
/// for two seconds. Every request that fails is answered 503 with <c>Retry-After</c> (a ProblemDetails in the caller's
/// language; a page: the error page), never 500, never left hanging; <c>/health</c> says unhealthy while the server is
/// down; and once it is back requests succeed again within seconds, the app never restarted.
/// </summary>
[Collection(PgClusterCollection.Name)]
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private const int Clients = 6;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    private sealed record Outcome(string Operation, TimeSpan Started, TimeSpan Ended, int Status, string? Failure);

    [PgClusterFact]
    public async Task RestartAndStop_UnderLoad_FailuresAre503_ThenRecoversWithoutAppRestart()
    {
        await using var cluster = await PgCluster.StartAsync();
        // Dropped with the cluster (its server may be down when the test ends).
        var database = await TestDatabase.CreateAsync(cluster.ConnectionString());
        await using var app = await ClusterApp.StartAsync(database, new FakeTimeProvider(), new Dictionary<string, string>
        {
            // Hundreds of failed commands and their 503s, each logged by EF Core and the handler: not this test's output.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            ["Logging:LogLevel:Dangjian.Web.Platform.Errors"] = "Error",
        });

        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        await tenant.AddMembersAsync(branch, 30);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        var token = await app.TokenAsync(secretary.UserName, secretary.Password);
        var cookie = await app.SignInCookieAsync(secretary);
        var meetingId = await PlanAsync(app, token, branch.Id);

        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentQueue<Outcome>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Clients).Select(i => Task.Run(() => LoadAsync(app, token, i, branch.Id, meetingId, clock, outcomes, stop.Token))).ToArray();

        await Task.Delay(1500);
        var restartAt = clock.Elapsed;
        await cluster.RestartServerAsync("fast");
        var restartedAt = clock.Elapsed;
        await Task.Delay(2000);

        var stoppedAt = clock.Elapsed;
        await cluster.StopServerAsync("fast");
        await ShouldAnswerUnavailableAsync(app, token, cookie, branch.Id);
        var downFor = TimeSpan.FromSeconds(2) - (clock.Elapsed - stoppedAt);
        if (downFor > TimeSpan.Zero) await Task.Delay(downFor);
        await cluster.StartServerAsync();
        var backAt = clock.Elapsed;

        await Task.Delay(3000);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var all = outcomes.ToList();
        var ok = all.Count(o => o.Status is >= 200 and < 300);
        var unavailable = all.Count(o => o.Status == 503);
        var others = all.Where(o => o.Status is not (>= 200 and < 300) and not 503).ToList();
        output.WriteLine($"{all.Count} requests from {Clients} clients: {ok} succeeded, {unavailable} answered 503, {others.Count} other");
        output.WriteLine($"restart -m fast at {restartAt.TotalSeconds:0.0}–{restartedAt.TotalSeconds:0.0} s, stopped {stoppedAt.TotalSeconds:0.0} s, back {backAt.TotalSeconds:0.0} s");
        foreach (var g in all.GroupBy(o => (o.Operation, o.Status)).OrderBy(g => g.Key.Operation).ThenBy(g => g.Key.Status))
        {
            output.WriteLine($"  {g.Key.Operation} {g.Key.Status}: {g.Count()}");
        }

        others.ShouldBeEmpty(string.Join("; ", others.Take(5).Select(o => $"{o.Operation} {o.Status} {o.Failure}")));
        unavailable.ShouldBeGreaterThan(0, "the server was down for two seconds under load: some requests must have met it");
        all.Count(o => o.Ended < restartAt && o.Status is >= 200 and < 300).ShouldBeGreaterThan(0, "the load ran before the restart");

        // Back within seconds: the first success after the server is up, and every request begun two seconds later succeeds.
        var firstBack = all.Where(o => o.Started >= backAt && o.Status is >= 200 and < 300).MinBy(o => o.Ended);
        firstBack.ShouldNotBeNull("no request succeeded after the server came back");
        (firstBack.Ended - backAt).ShouldBeLessThan(TimeSpan.FromSeconds(5));
        var settled = all.Where(o => o.Started >= backAt + TimeSpan.FromSeconds(2)).ToList();
        settled.ShouldNotBeEmpty();
        settled.ShouldAllBe(o => o.Status >= 200 && o.Status < 300);
        output.WriteLine($"first success {(firstBack.Ended - backAt).TotalMilliseconds:0} ms after the server was back; {settled.Count} requests after that, all succeeded");

        // The same app (never restarted) reads and writes again, and says healthy.
        using var client = app.ClientWithToken(token);
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetJsonAsync($"/api/v1/meetings/{meetingId}")).Id().ShouldBe(meetingId);
    }

    /// <summary>While the server is down: what an API caller, a person at a page and a load balancer see.</summary>
    private static async Task ShouldAnswerUnavailableAsync(AppFixture app, string token, string cookie, Guid branchId)
    {
        using var client = app.ClientWithToken(token);
        using var api = await client.GetAsync($"/api/v1/members?orgUnitId={branchId}");
        var problem = (await api.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable))!;
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        api.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        problem.Str("title").ShouldBe("数据库暂时不可用，请稍后重试");
        problem.Str("code").ShouldBe("DATABASE_UNAVAILABLE");

        using var english = await client.GetAsync($"/api/v1/members?orgUnitId={branchId}&culture=en-US");
        (await english.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable))!.Str("title").ShouldStartWith("The database is temporarily unavailable");

        using var browser = app.CreateClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/members");
        get.Headers.Add("Cookie", cookie);
        using var page = await browser.SendAsync(get);
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        page.Headers.RetryAfter.ShouldNotBeNull();
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("数据库暂时不可用，请稍后重试");
        html.ShouldContain("href=\"/members\"");

        using var anonymous = app.CreateClient();
        using var health = await anonymous.GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
    }

    private static async Task<Guid> PlanAsync(AppFixture app, string token, Guid branchId)
    {
        using var client = app.ClientWithToken(token);
        var start = app.Clock.GetUtcNow().AddDays(1).ToOffset(TimeSpan.FromHours(8));
        using var created = await client.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branchId, type = "ThemeDay", topic = "主题党日", startsAt = start, endsAt = start.AddHours(2), mode = "Onsite",
        });
        return (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    /// <summary>One client: reads the member list, reads a meeting, plans a meeting, in turn, until stopped.</summary>
    private static async Task LoadAsync(AppFixture app, string token, int client, Guid branchId, Guid meetingId, Stopwatch clock,
        ConcurrentQueue<Outcome> outcomes, CancellationToken stop)
    {
        using var http = app.CreateClient();
        http.Timeout = RequestTimeout;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var start = app.Clock.GetUtcNow().AddDays(2).ToOffset(TimeSpan.FromHours(8));
        for (var i = client; !stop.IsCancellationRequested; i++)
        {
            var (operation, request) = (i % 3) switch
            {
                0 => ("list members", new HttpRequestMessage(HttpMethod.Get, $"/api/v1/members?orgUnitId={branchId}")),
                1 => ("get meeting", new HttpRequestMessage(HttpMethod.Get, $"/api/v1/meetings/{meetingId}")),
                _ => ("plan meeting", new HttpRequestMessage(HttpMethod.Post, "/api/v1/meetings")
                {
                    Content = JsonContent.Create(new
                    {
                        orgUnitId = branchId, type = "ThemeDay", topic = $"主题党日 {client}-{i}", startsAt = start, endsAt = start.AddHours(1),
                        mode = "Onsite",
                    }),
                }),
            };
            var began = clock.Elapsed;
            try
            {
                using (request)
                using (var response = await http.SendAsync(request, CancellationToken.None))
                {
                    await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    outcomes.Enqueue(new Outcome(operation, began, clock.Elapsed, (int)response.StatusCode, null));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                outcomes.Enqueue(new Outcome(operation, began, clock.Elapsed, -1, ex.GetType().Name + ": " + ex.Message));
            }
        }
    }
}

/// <summary>The tests that run servers of their own (<see cref="PgCluster"/>) run one after the other: two cores.</summary>
[CollectionDefinition(Name)]
public sealed class PgClusterCollection
{
    public const string Name = "PgCluster";
}

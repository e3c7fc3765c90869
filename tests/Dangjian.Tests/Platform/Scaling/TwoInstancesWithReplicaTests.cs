using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dashboard;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Jobs;
using Npgsql;
using Xunit.Abstractions;

namespace Dangjian.Tests.Platform.Scaling;

/// <summary>
/// More than one server (issue 15): a primary PostgreSQL and a streaming replica made with <c>pg_basebackup</c>, two
/// app instances on Kestrel sharing the data-protection keys and the personal-data key, jobs on with a one-second
/// poll, <c>ConnectionStrings:PostgresRead</c> on the replica. Members sign in to a meeting alternately through both
/// instances with a token issued by the other; each sign-in is stored once. Over several rounds of due jobs each job
/// runs once across both instances (<c>JobRuns</c>). The replica serves the dashboard, the lists and the exports —
/// shown by pausing its replay (a write is then visible on the primary and not yet in those reads), by its own
/// <c>pg_stat_activity</c> and <c>pg_stat_database</c> — and a write through the read path is refused.
/// </summary>
[Collection(PgClusterCollection.Name)]
public sealed class TwoInstancesWithReplicaTests(ITestOutputHelper output)
{
    private const int Members = 8;
    private const int JobRounds = 3;

    [PgClusterFact]
    public async Task TwoInstances_SharedKeys_JobsOnce_ReadsOnTheReplica_WritesRefusedThere()
    {
        await using var primary = await PgCluster.StartAsync();
        await using var replica = await primary.StartReplicaAsync();
        // Dropped with the cluster.
        var database = await TestDatabase.CreateAsync(primary.ConnectionString());
        var dbName = database.PostgresName!;
        var keys = Path.Combine(Path.GetTempPath(), "dangjian-tests", "shared-keys-" + Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider();
        Dictionary<string, string> Settings(int instance) => new()
        {
            ["DataProtection:KeysPath"] = keys,
            ["Jobs:Enabled"] = "true",
            ["Jobs:PollSeconds"] = "1",
            ["ConnectionStrings:PostgresRead"] = new NpgsqlConnectionStringBuilder(replica.ConnectionString(dbName)) { ApplicationName = $"dangjian-read-{instance}" }.ConnectionString,
        };
        var one = await ClusterApp.StartAsync(database, clock, Settings(1));
        var two = await ClusterApp.StartAsync(database, clock, Settings(2));
        try
        {
            var jobs = one.Services.GetServices<IJob>().Select(j => j.Name).Order().ToList();
            var rounds = new List<DateTimeOffset> { clock.GetUtcNow() };
            await WaitForRoundAsync(one, rounds[0], jobs.Count);

            // Sign-ins through both instances, each with a token the other one issued.
            var tenant = await TestTenant.CreateAsync(one);
            var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
            var members = await tenant.AddMembersAsync(branch, Members);
            var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
            using var secretaryOnTwo = two.ClientWithToken(await one.TokenAsync(secretary.UserName, secretary.Password));
            var meetingId = await PlanAsync(secretaryOnTwo, branch.Id, clock.GetUtcNow());
            var code = (await secretaryOnTwo.GetJsonAsync($"/api/v1/meetings/{meetingId}"))["signInCode"]!.Str("code");
            for (var i = 0; i < members.Count; i++)
            {
                var account = await tenant.AddMemberAccountAsync(branch, members[i].Id);
                var (issuer, server) = i % 2 == 0 ? (one, two) : (two, one);
                using var phone = server.ClientWithToken(await issuer.TokenAsync(account.UserName, account.Password));
                using var signIn = await phone.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/sign-ins", new { code });
                await signIn.ShouldHaveStatusAsync(HttpStatusCode.Created);
                // A second tap, through the other instance, answers the first.
                using var again = issuer.ClientWithToken(await issuer.TokenAsync(account.UserName, account.Password));
                using var second = await again.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/sign-ins", new { code });
                await second.ShouldHaveStatusAsync(HttpStatusCode.OK);
            }
            var stored = await one.InTenantAsync(tenant.TenantId, db => db.MeetingSignIns.Where(s => s.MeetingId == meetingId).Select(s => s.MemberId).ToListAsync());
            stored.Count.ShouldBe(Members);
            stored.Distinct().Count().ShouldBe(Members);
            (await secretaryOnTwo.GetJsonAsync($"/api/v1/meetings/{meetingId}"))["signedIn"]!.GetValue<int>().ShouldBe(Members);

            // A sign-in cookie of instance one opens a page of instance two.
            var cookie = await one.SignInCookieAsync(tenant.Admin);
            using (var page = new HttpRequestMessage(HttpMethod.Get, $"/members?orgUnitId={branch.Id}"))
            {
                page.Headers.Add("Cookie", cookie);
                using var browser = two.CreateClient();
                using var shown = await browser.SendAsync(page);
                shown.StatusCode.ShouldBe(HttpStatusCode.OK);
                (await shown.Content.ReadAsStringAsync()).ShouldContain(members[0].Name);
            }

            // Rounds of due jobs: each job once per round, whichever instance takes it.
            for (var r = 1; r <= JobRounds; r++)
            {
                clock.Advance(TimeSpan.FromHours(25)); // beyond the longest interval (24 h): every job is due again
                rounds.Add(clock.GetUtcNow());
                await WaitForRoundAsync(one, rounds[^1], jobs.Count);
            }
            await Task.Delay(2500); // two more polls of each instance: a second run would show now
            var runs = await one.InTenantAsync(Guid.Empty, db => db.JobRuns.AsNoTracking().ToListAsync());
            foreach (var job in jobs)
            {
                runs.Where(x => x.JobName == job).Select(x => x.StartedAt).Order().ToList().ShouldBe(rounds, $"{job}: one run per round");
            }
            runs.Count.ShouldBe(jobs.Count * rounds.Count);
            runs.ShouldAllBe(x => x.Succeeded);
            var byInstance = runs.GroupBy(x => x.InstanceId).ToDictionary(g => g.Key, g => g.Count());
            byInstance.Keys.ShouldBeSubsetOf([one.Services.GetRequiredService<JobRunner>().InstanceId, two.Services.GetRequiredService<JobRunner>().InstanceId]);
            output.WriteLine($"{jobs.Count} jobs × {rounds.Count} rounds: {runs.Count} runs, each job once per round; by instance: {string.Join(", ", byInstance.Values)}");

            await ReadsOnTheReplicaAsync(primary, replica, dbName, one, two, tenant, branch);
        }
        finally
        {
            await two.DisposeAsync();
            await one.DisposeAsync();
            try
            {
                Directory.Delete(keys, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task ReadsOnTheReplicaAsync(PgCluster primary, PgCluster replica, string dbName, ClusterApp one, ClusterApp two, TestTenant tenant,
        OrgUnit branch)
    {
        using var adminOnOne = one.ClientWithToken(await two.TokenAsync(tenant.Admin.UserName, tenant.Admin.Password));
        using var adminOnTwo = two.ClientWithToken(await one.TokenAsync(tenant.Admin.UserName, tenant.Admin.Password));
        await replica.CatchUpWithAsync(primary);
        var stats = $"SELECT xact_commit FROM pg_stat_database WHERE datname = '{dbName}'";
        var commitsBefore = await replica.ScalarAsync<long>(stats);

        var membersUrl = $"/api/v1/members?orgUnitId={branch.Id}";
        var meetingsUrl = $"/api/v1/meetings?orgUnitId={branch.Id}";
        var dashboardUrl = $"/api/v1/org-units/{tenant.Root.Id}/dashboard";
        var exportUrl = $"/api/v1/members/export?orgUnitId={branch.Id}";
        var people = await Total(adminOnOne, membersUrl);
        people.ShouldBe(Members);
        (await Total(adminOnTwo, membersUrl)).ShouldBe(people);
        var meetings = await Total(adminOnTwo, meetingsUrl);
        meetings.ShouldBe(1);
        var party = await Party(adminOnOne, dashboardUrl);
        party.ShouldBe(Members);

        // The replica stops replaying: what the primary gets now, the reads on the replica do not show yet.
        await replica.ExecAsync("SELECT pg_wal_replay_pause()");
        while (await replica.ScalarAsync<string>("SELECT pg_get_wal_replay_pause_state()") != "paused") await Task.Delay(20);
        var newcomer = (await tenant.AddMembersAsync(branch, 1, namePrefix: "新党员"))[0];
        var planned = await PlanAsync(adminOnOne, branch.Id, one.Clock.GetUtcNow().AddDays(3));
        await using (var scope = one.Scope(tenant.TenantId))
        {
            await scope.ServiceProvider.GetRequiredService<RollupBuilder>().RebuildAsync(CancellationToken.None);
        }
        // A single row just written is read from the primary, on either instance.
        (await adminOnTwo.GetJsonAsync($"/api/v1/members/{newcomer.Id}")).Str("name").ShouldBe(newcomer.Name);
        (await adminOnTwo.GetJsonAsync($"/api/v1/meetings/{planned}")).Id().ShouldBe(planned);
        // The lists, the dashboard and the export read the paused replica.
        (await Total(adminOnOne, membersUrl)).ShouldBe(people);
        (await Total(adminOnTwo, membersUrl)).ShouldBe(people);
        (await Total(adminOnOne, meetingsUrl)).ShouldBe(meetings);
        (await Party(adminOnTwo, dashboardUrl)).ShouldBe(party);
        (await ExportedNames(adminOnOne, exportUrl)).ShouldNotContain(newcomer.Name);
        var primaryPeople = await one.InTenantAsync(tenant.TenantId, db => db.Members.CountAsync(m => m.OrgUnitId == branch.Id));
        primaryPeople.ShouldBe(people + 1);

        await replica.ExecAsync("SELECT pg_wal_replay_resume()");
        await replica.CatchUpWithAsync(primary);
        (await Total(adminOnOne, membersUrl)).ShouldBe(people + 1);
        (await Total(adminOnTwo, meetingsUrl)).ShouldBe(meetings + 1);
        (await Party(adminOnTwo, dashboardUrl)).ShouldBe(party + 1);
        (await ExportedNames(adminOnTwo, exportUrl)).ShouldContain(newcomer.Name);
        using (var workbook = await adminOnOne.GetAsync($"/api/v1/org-units/{tenant.Root.Id}/dashboard.xlsx"))
        {
            workbook.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // A write through the read path: refused by the context, and by the replica itself.
        await using (var scope = one.Scope(tenant.TenantId))
        {
            var read = scope.ServiceProvider.GetRequiredService<ReadDb>().Db;
            (await read.Members.CountAsync(m => m.OrgUnitId == branch.Id)).ShouldBe(people + 1);
            var copy = await read.Members.FirstAsync(m => m.Id == newcomer.Id);
            copy.Name = "改名";
            read.Update(copy);
            (await Should.ThrowAsync<InvalidOperationException>(() => read.SaveChangesAsync())).Message.ShouldContain("ReadDb");
            var refused = await Should.ThrowAsync<PostgresException>(() =>
                read.Members.Where(m => m.Id == newcomer.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Name, "改名")));
            refused.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
        }
        (await one.InTenantAsync(tenant.TenantId, db => db.Members.Where(m => m.Id == newcomer.Id).Select(m => m.Name).SingleAsync())).ShouldBe(newcomer.Name);

        // The replica's own statistics: sessions of both instances' read pools are there (and none on the primary), and
        // their transactions counted once the sessions end.
        var readSessions = $"SELECT coalesce(string_agg(DISTINCT application_name, ',' ORDER BY application_name), '') FROM pg_stat_activity WHERE datname = '{dbName}' AND application_name LIKE 'dangjian-read-%'";
        (await replica.ScalarAsync<string>(readSessions)).ShouldBe("dangjian-read-1,dangjian-read-2");
        (await primary.ScalarAsync<string>(readSessions)).ShouldBe("");
        await replica.ExecAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{dbName}' AND application_name LIKE 'dangjian-read-%'");
        var commitsAfter = commitsBefore;
        for (var wait = 0; wait < 100 && commitsAfter - commitsBefore < 20; wait++)
        {
            await Task.Delay(100);
            commitsAfter = await replica.ScalarAsync<long>(stats);
        }
        output.WriteLine($"replica pg_stat_database.xact_commit for the app's database: {commitsBefore} before the reads, {commitsAfter} after");
        (commitsAfter - commitsBefore).ShouldBeGreaterThanOrEqualTo(20, "the lists, dashboards and exports above ran on the replica");
    }

    private static async Task<int> Total(HttpClient client, string url) => (await client.GetJsonAsync(url))["total"]!.GetValue<int>();

    private static async Task<int> Party(HttpClient client, string url) => (await client.GetJsonAsync(url))["members"]!["party"]!.GetValue<int>();

    private static async Task<List<string?>> ExportedNames(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return XlsxReader.ReadRows(new MemoryStream(await response.Content.ReadAsByteArrayAsync())).Skip(1).Select(r => r.Cells[0]).ToList();
    }

    private static async Task<Guid> PlanAsync(HttpClient client, Guid branchId, DateTimeOffset startsAt)
    {
        var start = startsAt.ToOffset(TimeSpan.FromHours(8));
        using var created = await client.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branchId, type = "ThemeDay", topic = "主题党日", startsAt = start, endsAt = start.AddHours(2), mode = "Onsite",
        });
        return (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    /// <summary>Waits until every job has a run that started at <paramref name="at"/> (the shared clock stands still between rounds).</summary>
    private static async Task WaitForRoundAsync(AppFixture app, DateTimeOffset at, int jobs)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await app.InTenantAsync(Guid.Empty, db => db.JobRuns.CountAsync(r => r.StartedAt == at)) < jobs)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Not every job ran in the round at {at:O}.");
            await Task.Delay(200);
        }
    }
}

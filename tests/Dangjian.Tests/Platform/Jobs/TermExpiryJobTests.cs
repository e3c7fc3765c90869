using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Jobs;
using Microsoft.Extensions.Logging;

namespace Dangjian.Tests.Platform.Jobs;

/// <summary>
/// The jobs table and the 届满提醒 job. The jobs table is installation-wide, so every test here gets an app and a
/// database of its own.
/// </summary>
public sealed class TermExpiryJobTests : IAsyncLifetime
{
    private const string JobName = "term-expiry-reminders";
    private readonly AppFixture app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    private sealed record Scenario(TestTenant Tenant, OrgUnit Expiring, OrgUnit Calm, TestUser Secretary, TestUser CalmSecretary,
        TestUser MemberOfExpiring, TestUser SecretaryOfSecondary, TestUser Commissioner);

    /// <summary>
    /// Root → 二级党委 → branch whose term ends in 3 months (plus a calm sibling branch whose term runs 2 more years).
    /// </summary>
    private async Task<Scenario> ScenarioAsync(int expiringInDays = 90)
    {
        var tenant = await TestTenant.CreateAsync(app);
        var secondary = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.PartyCommittee, "二级党委");
        var expiring = await tenant.AddUnitAsync(secondary, OrgUnitKind.Branch, "届满支部");
        var calm = await tenant.AddUnitAsync(secondary, OrgUnitKind.Branch, "平稳支部");
        var today = tenant.Today;
        await tenant.AddTermAsync(expiring, today.AddDays(expiringInDays).AddYears(-3).AddDays(1), today.AddDays(expiringInDays), "张伟");
        await tenant.AddTermAsync(calm, today.AddYears(-1), today.AddYears(2), "李娜");
        // The higher units' own terms run on, so every reminder in these tests is about the expiring branch.
        await tenant.AddTermAsync(secondary, today.AddYears(-1), today.AddYears(4), "王磊");
        await tenant.AddTermAsync(tenant.Root, today.AddYears(-1), today.AddYears(4), "赵强");
        return new Scenario(tenant, expiring, calm,
            Secretary: await tenant.AddUserAsync(expiring, AppRole.BranchSecretary),
            CalmSecretary: await tenant.AddUserAsync(calm, AppRole.BranchSecretary),
            MemberOfExpiring: await tenant.AddUserAsync(expiring, AppRole.Member, DataScope.Self),
            SecretaryOfSecondary: await tenant.AddUserAsync(secondary, AppRole.BranchSecretary, DataScope.OwnUnit),
            Commissioner: await tenant.AddUserAsync(secondary, AppRole.OrganizationCommissioner));
    }

    private Task<Dictionary<Guid, int>> InboxCountsAsync(TestTenant tenant) =>
        app.InTenantAsync(tenant.TenantId, db => db.Notifications.GroupBy(n => n.UserId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));

    private JobRunner SecondInstance() => new(
        app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetServices<IJob>(), app.Clock,
        app.Services.GetRequiredService<ILogger<JobRunner>>(), app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Dangjian.Web.SharedResource>>());

    [Fact]
    public async Task RunDueAsync_TermEndingWithinSixMonths_NotifiesSecretaryAndAdminsAbove()
    {
        var s = await ScenarioAsync();
        var runner = app.Services.GetRequiredService<JobRunner>();

        (await runner.RunDueAsync(CancellationToken.None)).ShouldContain(JobName);

        var inbox = await InboxCountsAsync(s.Tenant);
        inbox.GetValueOrDefault(s.Secretary.Id).ShouldBe(1);
        inbox.GetValueOrDefault(s.Tenant.Admin.Id).ShouldBe(1);
        inbox.GetValueOrDefault(s.Commissioner.Id).ShouldBe(1);
        inbox.GetValueOrDefault(s.CalmSecretary.Id).ShouldBe(0);
        inbox.GetValueOrDefault(s.MemberOfExpiring.Id).ShouldBe(0);
        // Held on the 二级党委 itself only (OwnUnit): the branch below is not that role's business.
        inbox.GetValueOrDefault(s.SecretaryOfSecondary.Id).ShouldBe(0);
        inbox.Keys.Count.ShouldBe(3);

        // The secretary reads it in the API inbox, naming the unit and when the term ends.
        using var client = await app.ClientForAsync(s.Secretary);
        var items = (await client.GetJsonAsync("/api/v1/notifications"))["items"]!.AsArray();
        items.Count.ShouldBe(1);
        items[0]!.Str("title").ShouldContain(s.Expiring.Name);
        items[0]!.Str("title").ShouldContain(ChinaDate(s.Tenant.Today.AddDays(90)));
    }

    [Fact]
    public async Task RunDueAsync_RunAgainLaterAndAfterStageReset_NoDuplicateNotifications()
    {
        var s = await ScenarioAsync();
        var runner = app.Services.GetRequiredService<JobRunner>();
        await runner.RunDueAsync(CancellationToken.None);
        var first = await InboxCountsAsync(s.Tenant);
        first.Values.Sum().ShouldBe(3);

        // Not due again yet: the job itself does not run.
        (await runner.RunDueAsync(CancellationToken.None)).ShouldNotContain(JobName);

        // Due again later: it runs, and sends nothing new.
        app.Clock.Advance(TimeSpan.FromHours(7));
        (await runner.RunDueAsync(CancellationToken.None)).ShouldContain(JobName);
        (await InboxCountsAsync(s.Tenant)).ShouldBe(first);

        // Even if the term's reminder stage is lost, the notices' own keys keep a second copy out.
        await app.InTenantAsync(s.Tenant.TenantId, db => db.CommitteeTerms.ExecuteUpdateAsync(u => u.SetProperty(t => t.ReminderStage, (string?)null)));
        app.Clock.Advance(TimeSpan.FromHours(7));
        (await runner.RunDueAsync(CancellationToken.None)).ShouldContain(JobName);
        (await InboxCountsAsync(s.Tenant)).ShouldBe(first);
    }

    [Fact]
    public async Task RunDueAsync_TermPassesItsEnd_ExpiredNoticeSentOnceMore()
    {
        var s = await ScenarioAsync(expiringInDays: 10);
        var runner = app.Services.GetRequiredService<JobRunner>();
        await runner.RunDueAsync(CancellationToken.None);
        (await InboxCountsAsync(s.Tenant)).GetValueOrDefault(s.Secretary.Id).ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromDays(11));
        await runner.RunDueAsync(CancellationToken.None);
        (await InboxCountsAsync(s.Tenant)).GetValueOrDefault(s.Secretary.Id).ShouldBe(2);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await runner.RunDueAsync(CancellationToken.None);
        (await InboxCountsAsync(s.Tenant)).GetValueOrDefault(s.Secretary.Id).ShouldBe(2);
    }

    [Fact]
    public async Task RunDueAsync_AnotherInstanceHoldsAValidLease_NotTakenUntilTheLeaseRunsOut()
    {
        var s = await ScenarioAsync();
        var first = app.Services.GetRequiredService<JobRunner>();
        var second = SecondInstance();
        second.InstanceId.ShouldNotBe(first.InstanceId);
        var now = app.Clock.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.JobLeases.Add(new JobLease { Name = JobName, NextRunAt = now.AddMinutes(-1), LeasedBy = first.InstanceId, LeaseUntil = now.AddMinutes(5) });
            await db.SaveChangesAsync();
        }

        (await second.RunDueAsync(CancellationToken.None)).ShouldNotContain(JobName);
        (await InboxCountsAsync(s.Tenant)).ShouldBeEmpty();

        // The holder vanished without releasing: once the lease has run out, another instance takes the job.
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        (await second.RunDueAsync(CancellationToken.None)).ShouldContain(JobName);
        (await InboxCountsAsync(s.Tenant)).Values.Sum().ShouldBe(3);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var lease = await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobLeases.AsNoTracking().SingleAsync(j => j.Name == JobName);
            lease.LeasedBy.ShouldBeNull();
            lease.LeaseUntil.ShouldBeNull();
            lease.LastRunAt.ShouldBe(app.Clock.GetUtcNow());
            lease.NextRunAt.ShouldBeGreaterThan(app.Clock.GetUtcNow());
            lease.LastResult.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task RunDueAsync_TwoInstancesAtOnce_JobRunsOnce()
    {
        var s = await ScenarioAsync();
        var a = app.Services.GetRequiredService<JobRunner>();
        var b = SecondInstance();
        var results = await Task.WhenAll(a.RunDueAsync(CancellationToken.None), b.RunDueAsync(CancellationToken.None));
        results.Sum(r => r.Count(n => n == JobName)).ShouldBe(1);
        (await InboxCountsAsync(s.Tenant)).Values.Sum().ShouldBe(3);

        // On record: one run, by the instance that ran it, with the result the lease keeps.
        var ranBy = results[0].Contains(JobName) ? a.InstanceId : b.InstanceId;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var run = await db.JobRuns.AsNoTracking().SingleAsync(r => r.JobName == JobName);
        (run.InstanceId, run.StartedAt, run.FinishedAt, run.Succeeded).ShouldBe((ranBy, app.Clock.GetUtcNow(), app.Clock.GetUtcNow(), true));
        run.Result.ShouldBe((await db.JobLeases.AsNoTracking().SingleAsync(j => j.Name == JobName)).LastResult);
    }

    [Fact]
    public async Task RunDueAsync_EachRunRecorded_RunsBeyondTheKeepingPeriodDeleted()
    {
        await ScenarioAsync();
        var runner = app.Services.GetRequiredService<JobRunner>();
        var first = app.Clock.GetUtcNow();
        await runner.RunDueAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromHours(7));
        await runner.RunDueAsync(CancellationToken.None);
        Task<List<DateTimeOffset>> StartsAsync() => app.InTenantAsync(Guid.Empty, db =>
            db.JobRuns.Where(r => r.JobName == JobName).OrderBy(r => r.StartedAt).Select(r => r.StartedAt).ToListAsync());
        (await StartsAsync()).ShouldBe([first, first.AddHours(7)]);

        app.Clock.Set(first.AddDays(JobRunner.KeepRunsDays).AddHours(1));
        await runner.RunDueAsync(CancellationToken.None);
        (await StartsAsync()).ShouldBe([first.AddHours(7), app.Clock.GetUtcNow()], "the run of the first day is past the keeping period");
    }

    private static string ChinaDate(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

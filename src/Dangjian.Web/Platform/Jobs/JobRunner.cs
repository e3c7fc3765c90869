using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Jobs;

/// <summary>
/// Runs due jobs. A job is taken by an atomic UPDATE that sets a lease only when none is held (or it has run out),
/// so with several app instances each due run happens once.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IEnumerable<IJob> jobs, TimeProvider clock, ILogger<JobRunner> logger,
    IStringLocalizer<SharedResource> L)
{
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(10);
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}" is var id && id.Length > 90 ? id[^90..] : id;

    /// <summary>Runs every job that is due now; returns the names of the jobs this instance ran.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken ct)
    {
        var ran = new List<string>();
        foreach (var job in jobs)
        {
            if (!await TryLeaseAsync(job, ct)) continue;
            string result;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                result = await job.RunAsync(scope.ServiceProvider, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Job {Job} failed", job.Name);
                result = L["Job.Failed", ex.Message];
            }
            await ReleaseAsync(job, result, ct);
            ran.Add(job.Name);
        }
        return ran;
    }

    private async Task<bool> TryLeaseAsync(IJob job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        if (!await db.JobLeases.AnyAsync(j => j.Name == job.Name, ct))
        {
            db.JobLeases.Add(new JobLease { Name = job.Name, NextRunAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance created the row first; fine.
            }
        }

        var until = now + LeaseLength;
        var taken = await db.JobLeases
            .Where(j => j.Name == job.Name && j.NextRunAt <= now && (j.LeaseUntil == null || j.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeasedBy, InstanceId).SetProperty(j => j.LeaseUntil, until), ct);
        return taken == 1;
    }

    private async Task ReleaseAsync(IJob job, string result, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var next = now + job.Interval;
        var text = result.Length > 1000 ? result[..1000] : result;
        await db.JobLeases.Where(j => j.Name == job.Name && j.LeasedBy == InstanceId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeasedBy, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.LastRunAt, now)
                .SetProperty(j => j.NextRunAt, next)
                .SetProperty(j => j.LastResult, text), ct);
    }
}

/// <summary>Polls the jobs table; the work itself is in <see cref="JobRunner"/>.</summary>
internal sealed class JobHostedService(JobRunner runner, IConfiguration config, ILogger<JobHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Jobs:Enabled", true)) return;
        var every = TimeSpan.FromSeconds(config.GetValue("Jobs:PollSeconds", 60));
        using var timer = new PeriodicTimer(every);
        do
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Job poll failed; will try again");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

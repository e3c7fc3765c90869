using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Jobs;

/// <summary>
/// Runs due jobs. A job is taken by an atomic UPDATE that sets a lease only when none is held (or it has run out),
/// so with several app instances each due run happens once; each run is recorded in <see cref="JobRun"/> (which
/// instance, when, the result) in the transaction that releases the lease.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IEnumerable<IJob> jobs, TimeProvider clock, ILogger<JobRunner> logger,
    IStringLocalizer<SharedResource> L)
{
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(10);

    /// <summary>Runs are kept this long (a job every 10 minutes leaves about 13,000 rows); older ones are deleted as the job runs again.</summary>
    public const int KeepRunsDays = 90;
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}" is var id && id.Length > 90 ? id[^90..] : id;

    /// <summary>Runs every job that is due now; returns the names of the jobs this instance ran.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken ct)
    {
        var ran = new List<string>();
        foreach (var job in jobs)
        {
            if (!await TryLeaseAsync(job, ct)) continue;
            var started = clock.GetUtcNow();
            string result;
            var succeeded = true;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                result = await job.RunAsync(scope.ServiceProvider, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Job {Job} failed", job.Name);
                result = L["Job.Failed", ex.Message];
                succeeded = false;
            }
            await ReleaseAsync(job, started, succeeded, result, ct);
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

    /// <summary>The lease released, the run recorded and the job's runs beyond <see cref="KeepRunsDays"/> deleted: together or not at all.</summary>
    private async Task ReleaseAsync(IJob job, DateTimeOffset started, bool succeeded, string result, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var next = now + job.Interval;
        var text = result.Length > 1000 ? result[..1000] : result;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var released = await db.JobLeases.Where(j => j.Name == job.Name && j.LeasedBy == InstanceId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeasedBy, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.LastRunAt, now)
                .SetProperty(j => j.NextRunAt, next)
                .SetProperty(j => j.LastResult, text), ct);
        if (released == 0) logger.LogWarning("Job {Job} ran past its lease; another instance may have taken it meanwhile", job.Name);
        db.JobRuns.Add(new JobRun
        {
            Id = Guid.CreateVersion7(started), JobName = job.Name, InstanceId = InstanceId, StartedAt = started, FinishedAt = now,
            Succeeded = succeeded, Result = text,
        });
        await db.SaveChangesAsync(ct);
        var cutoff = now.AddDays(-KeepRunsDays);
        await db.JobRuns.Where(r => r.JobName == job.Name && r.StartedAt < cutoff).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
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

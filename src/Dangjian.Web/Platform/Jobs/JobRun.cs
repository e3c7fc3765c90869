namespace Dangjian.Web.Platform.Jobs;

/// <summary>
/// One run of a job, written when the run ends and never changed: which instance took it, when it started and ended,
/// and what it reported. With several app instances this is the record that each due run happened once (the lease in
/// <see cref="JobLease"/> keeps only the last result). Runs older than <see cref="JobRunner.KeepRunsDays"/> are deleted by the runner.
/// </summary>
public sealed class JobRun
{
    public Guid Id { get; set; }
    public required string JobName { get; set; }
    public required string InstanceId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public bool Succeeded { get; set; }
    public required string Result { get; set; }
}

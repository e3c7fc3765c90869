namespace Dangjian.Web.Platform.Jobs;

/// <summary>One row per job: when it is due and who holds it, so two app instances never run it at once.</summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public DateTimeOffset NextRunAt { get; set; }
    public string? LeasedBy { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public string? LastResult { get; set; }
}

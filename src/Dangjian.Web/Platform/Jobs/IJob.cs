namespace Dangjian.Web.Platform.Jobs;

/// <summary>A recurring job. It runs in its own DI scope and works through every tenant itself.</summary>
public interface IJob
{
    string Name { get; }
    TimeSpan Interval { get; }
    Task<string> RunAsync(IServiceProvider services, CancellationToken ct);
}

using Dangjian.Web.Platform.Jobs;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Dashboard;

/// <summary>Rebuilds every tenant's roll-ups; the dashboard shows when they were built, so the lag is visible.</summary>
internal sealed class RollupJob(Microsoft.Extensions.Options.IOptions<DashboardOptions> options) : IJob
{
    public string Name => "dashboard-rollups";
    public TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RollupMinutes);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var found = 0;
        var units = await EachTenant.RunAsync(services, async sp =>
        {
            var built = await sp.GetRequiredService<RollupBuilder>().RebuildAsync(ct);
            found += await sp.GetRequiredService<WeakLinks.WeakLinkDetector>().DetectAsync(ct);
            return built;
        }, ct);
        return services.GetRequiredService<IStringLocalizer<DashboardText>>()["Job.Rollups", units, found];
    }
}

/// <summary>Dashboard settings (Dashboard).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>How often the roll-ups are rebuilt: the most the dashboard lags behind the data.</summary>
    public int RollupMinutes { get; set; } = 10;
}

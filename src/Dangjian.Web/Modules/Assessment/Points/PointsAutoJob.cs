using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Jobs;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>
/// 自动积分, every six hours: counts the automatic items of each tenant's scheme for the current year (and, in January,
/// the year just ended, whose last month's rolls and dues close late) — docs/rules/points-and-assessment.md#pa-6.
/// Repeating a run adds nothing: every line's source key is unique per member and item.
/// </summary>
internal sealed class PointsAutoJob(TimeProvider clock) : IJob
{
    public string Name => "points-auto";
    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var today = clock.Today();
        var written = await EachTenant.RunAsync(services, async sp =>
        {
            var awarder = sp.GetRequiredService<PointsAwarder>();
            var n = 0;
            if (today.Month == 1) n += await awarder.RunAsync(today.Year - 1, ct);
            return n + await awarder.RunAsync(today.Year, ct);
        }, ct);
        return services.GetRequiredService<IStringLocalizer<PointsText>>()["Job.Auto", written];
    }
}

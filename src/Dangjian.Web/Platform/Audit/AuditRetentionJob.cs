using Dangjian.Web.Data;
using Dangjian.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Audit;

/// <summary>
/// Once a day, deletes audit entries older than <c>Audit:RetainDays</c> (365) in every tenant; never fewer than 180
/// days are kept, since network logs are to be kept at least six months (《中华人民共和国网络安全法》第二十一条, docs/security.md).
/// This is the audit log's only deletion; nothing updates an entry's content.
/// </summary>
internal sealed class AuditRetentionJob(TimeProvider clock, IConfiguration config) : IJob
{
    public const int MinimumDays = 180;

    public string Name => "audit-retention";
    public TimeSpan Interval => TimeSpan.FromDays(1);

    public static int RetainDaysOf(IConfiguration config) => Math.Clamp(config.GetValue("Audit:RetainDays", 365), MinimumDays, 100 * 365);

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var days = RetainDaysOf(config);
        var before = clock.GetUtcNow().AddDays(-days);
        var deleted = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.At < before).ExecuteDeleteAsync(ct);
        return services.GetRequiredService<IStringLocalizer<SharedResource>>()["Audit.Purged", deleted, days];
    }
}

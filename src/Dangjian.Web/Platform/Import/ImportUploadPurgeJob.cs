using Dangjian.Web.Data;
using Dangjian.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Import;

/// <summary>
/// Every ten minutes, deletes the uploads older than <c>Import:KeepMinutes</c> (default 120) in every tenant: an
/// upload (encrypted, with its rejected rows after applying) lives only as long as someone is working on it.
/// </summary>
internal sealed class ImportUploadPurgeJob(TimeProvider clock, IConfiguration config) : IJob
{
    public string Name => "import-upload-purge";
    public TimeSpan Interval => TimeSpan.FromMinutes(10);

    public static TimeSpan KeepOf(IConfiguration config) => TimeSpan.FromMinutes(Math.Clamp(config.GetValue("Import:KeepMinutes", 120), 5, 7 * 24 * 60));

    public async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var expired = clock.GetUtcNow() - KeepOf(config);
        var deleted = await db.ImportUploads.IgnoreQueryFilters().Where(u => u.CreatedAt < expired).ExecuteDeleteAsync(ct);
        return services.GetRequiredService<IStringLocalizer<SharedResource>>()["Import.Purged", deleted];
    }
}

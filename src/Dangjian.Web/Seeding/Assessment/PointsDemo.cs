using Dangjian.Web.Data;

namespace Dangjian.Web.Seeding.Assessment;

/// <summary>The demo tenant's Points data (deterministic).</summary>
internal static class PointsDemo
{
    public static Task SeedAsync(IServiceProvider sp, AppDbContext db, TimeProvider clock, CancellationToken ct) => Task.CompletedTask;
}

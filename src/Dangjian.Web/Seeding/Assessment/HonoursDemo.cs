using Dangjian.Web.Data;

namespace Dangjian.Web.Seeding.Assessment;

/// <summary>The demo tenant's Honours data (deterministic).</summary>
internal static class HonoursDemo
{
    public static Task SeedAsync(IServiceProvider sp, AppDbContext db, TimeProvider clock, CancellationToken ct) => Task.CompletedTask;
}

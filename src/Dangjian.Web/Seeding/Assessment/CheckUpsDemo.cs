using Dangjian.Web.Data;

namespace Dangjian.Web.Seeding.Assessment;

/// <summary>The demo tenant's CheckUps data (deterministic).</summary>
internal static class CheckUpsDemo
{
    public static Task SeedAsync(IServiceProvider sp, AppDbContext db, TimeProvider clock, CancellationToken ct) => Task.CompletedTask;
}

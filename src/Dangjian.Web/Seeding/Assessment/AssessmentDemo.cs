using Dangjian.Web.Data;

namespace Dangjian.Web.Seeding.Assessment;

/// <summary>The demo tenant's points and assessment, feature by feature, after the activity they are computed from.</summary>
internal static class AssessmentDemo
{
    public static async Task SeedAsync(IServiceProvider sp, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await PointsDemo.SeedAsync(sp, db, clock, ct);
        await CheckUpsDemo.SeedAsync(sp, db, clock, ct);
        await EvaluationDemo.SeedAsync(sp, db, clock, ct);
        await HonoursDemo.SeedAsync(sp, db, clock, ct);
        await SecretaryReviewsDemo.SeedAsync(sp, db, clock, ct);
    }
}

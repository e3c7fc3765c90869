using Dangjian.Web.Data;

namespace Dangjian.Web.Seeding.Education;

/// <summary>The demo tenant's education, feature by feature: the courses first, then what the other features build on them.</summary>
internal static class EducationDemo
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await CoursesDemo.SeedAsync(db, clock, ct);
        await StudyDemo.SeedAsync(db, clock, ct);
        await ExamsDemo.SeedAsync(db, clock, ct);
        await PlansDemo.SeedAsync(db, clock, ct);
    }
}

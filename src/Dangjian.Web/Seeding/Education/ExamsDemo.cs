using Dangjian.Web.Data;

namespace Dangjian.Web.Seeding.Education;

/// <summary>The demo tenant's education: the Exams feature's part (called by <see cref="EducationDemo"/> after the courses).</summary>
internal static class ExamsDemo
{
    public static Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct) => Task.CompletedTask;
}

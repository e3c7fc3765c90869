using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Study;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding.Education;

/// <summary>
/// The demo tenant's education: the Study feature's part (called by <see cref="EducationDemo"/> after the courses). Last
/// month's 学习强国 / 国资e学 hours for the first party members of the roll, and, when the courses are there, some verified
/// study of the root's published courses this year. Deterministic: the same members, seconds and figures each time.
/// </summary>
internal static class StudyDemo
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var people = await db.Members.AsNoTracking()
            .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
            .OrderBy(m => m.OrgPath).ThenBy(m => m.Name).Select(m => m.Id).Take(12).ToListAsync(ct);
        if (people.Count == 0) return;
        if (!await db.ExternalStudyHours.AnyAsync(ct))
        {
            for (var i = 0; i < people.Count; i++)
            {
                db.ExternalStudyHours.Add(new ExternalStudyHours
                {
                    Id = Guid.CreateVersion7(now), MemberId = people[i], Source = i % 3 == 2 ? ExternalStudySource.GuoziEXue : ExternalStudySource.XuexiQiangguo,
                    Month = lastMonth, Points = 600 + 90 * i, HoursTenths = 15 + 5 * (i % 6), ImportedAt = now, ImportedBy = "系统管理员",
                });
            }
        }

        // Verified study only where the Courses feature published something to study (none in a tenant without courses).
        var rootPathLength = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).Select(u => u.Path.Length).FirstOrDefaultAsync(ct);
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.Status == CourseStatus.Published && c.OrgPath.Length == rootPathLength
                        && (c.Kind == CourseKind.Video || c.Kind == CourseKind.Audio || c.Kind == CourseKind.Article || c.Kind == CourseKind.Pdf))
            .OrderBy(c => c.Title).Take(4).ToListAsync(ct);
        if (courses.Count > 0 && !await db.StudyProgress.AnyAsync(ct))
        {
            for (var i = 0; i < people.Count; i++)
            {
                var course = courses[i % courses.Count];
                var seconds = StudyTimeRules.IsMedia(course.Kind) ? Math.Max(30, (course.MediaSeconds ?? 600) * (i % 4 + 1) / 4) : 600 + 300 * (i % 4);
                db.StudyProgress.Add(new StudyProgress
                {
                    Id = Guid.CreateVersion7(now), MemberId = people[i], CourseId = course.Id, Year = today.Year, Seconds = seconds,
                    FirstAt = now, LastAt = now, CompletedAt = i % 4 == 3 ? now : null,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}

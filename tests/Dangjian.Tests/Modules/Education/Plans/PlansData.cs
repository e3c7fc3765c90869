using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Study;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;

namespace Dangjian.Tests.Modules.Education.Plans;

/// <summary>Courses and study rows written directly (the Courses and Study features are built beside this one).</summary>
public static class PlansData
{
    public static async Task<Course> CourseAsync(AppFixture app, Guid tenantId, OrgUnit unit, string title, CourseKind kind = CourseKind.Article,
        CourseCategory category = CourseCategory.Theory, CaseKind caseKind = CaseKind.None, bool required = false, DateOnly? dueOn = null,
        CourseStatus status = CourseStatus.Published, int publishedMinutesAgo = 60)
    {
        var now = app.Clock.GetUtcNow();
        var course = new Course
        {
            Id = Guid.CreateVersion7(now), TenantId = tenantId, OrgUnitId = unit.Id, OrgPath = unit.Path, Title = title, Kind = kind, Category = category,
            CaseKind = caseKind, Required = required, DueOn = dueOn, Status = status, PublishedAt = now.AddMinutes(-publishedMinutesAgo), CreatedAt = now,
            CreatedBy = "test", Summary = title + " summary",
        };
        await app.InTenantAsync(tenantId, async db =>
        {
            db.Courses.Add(course);
            await db.SaveChangesAsync();
        });
        return course;
    }

    public static Task StudyAsync(AppFixture app, Guid tenantId, Guid memberId, Guid courseId, int seconds, bool completed) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var now = app.Clock.GetUtcNow();
            db.StudyProgress.Add(new StudyProgress
            {
                Id = Guid.CreateVersion7(now), TenantId = tenantId, MemberId = memberId, CourseId = courseId, Year = app.Clock.Today().Year, Seconds = seconds,
                FirstAt = now, LastAt = now, CompletedAt = completed ? now : null,
            });
            await db.SaveChangesAsync();
        });
}

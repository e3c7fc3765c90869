using Dangjian.Tests.Modules.Education.Study;
using Dangjian.Web.Modules.Dashboard;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Modules.Education.Study;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Modules.Education.Standing;

/// <summary>Study rows as the Study and Exams features store them, and the roll-ups rebuilt as the job does.</summary>
internal static class StudyData
{
    /// <summary>2700 seconds: one class hour at the default 45 minutes.</summary>
    public const int Hour = 2700;

    public static Task ProgressAsync(AppFixture app, Guid tenantId, Guid memberId, Guid courseId, int seconds, bool completed = false, int year = 2026) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var at = new DateTimeOffset(year, 3, 1, 2, 0, 0, TimeSpan.Zero);
            db.StudyProgress.Add(new StudyProgress
            {
                Id = Guid.CreateVersion7(), MemberId = memberId, CourseId = courseId, Year = year, Seconds = seconds, FirstAt = at, LastAt = at,
                CompletedAt = completed ? at : null,
            });
            await db.SaveChangesAsync();
        });

    public static Task ExternalAsync(AppFixture app, Guid tenantId, Guid memberId, int tenths, int month = 5) =>
        app.InTenantAsync(tenantId, async db =>
        {
            db.ExternalStudyHours.Add(new ExternalStudyHours
            {
                Id = Guid.CreateVersion7(), MemberId = memberId, Source = ExternalStudySource.XuexiQiangguo, Month = new DateOnly(2026, month, 1), Points = 100,
                HoursTenths = tenths, ImportedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        });

    public static Task AttemptAsync(AppFixture app, Guid tenantId, Member member, bool passed, AttemptStatus status = AttemptStatus.Submitted) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var at = new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
            db.ExamAttempts.Add(new ExamAttempt
            {
                Id = Guid.CreateVersion7(), ExamId = Guid.CreateVersion7(), MemberId = member.Id, MemberName = member.Name, OrgUnitId = member.OrgUnitId,
                OrgPath = member.OrgPath, Number = 1, StartedAt = at, DeadlineAt = at.AddHours(1), SubmittedAt = status == AttemptStatus.InProgress ? null : at.AddMinutes(20),
                Status = status, Score = passed ? 90 : 40, MaxScore = 100, Passed = passed, Seconds = 1200,
            });
            await db.SaveChangesAsync();
        });

    public static async Task<Course> RequiredCourseAsync(AppFixture app, Guid tenantId, OrgUnit unit, DateOnly? dueOn, string? title = null)
    {
        var course = await StudyWorld.AddCourseAsync(app, tenantId, unit, CourseKind.Article, title: title ?? TestTenant.Unique("必修课"), body: "正文");
        await app.InTenantAsync(tenantId, db => db.Courses.Where(c => c.Id == course.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Required, true).SetProperty(c => c.DueOn, dueOn)));
        course.Required = true;
        course.DueOn = dueOn;
        return course;
    }

    public static async Task RebuildAsync(AppFixture app, Guid tenantId, bool weakLinks = false)
    {
        await using var scope = app.Scope(tenantId);
        await scope.ServiceProvider.GetRequiredService<RollupBuilder>().RebuildAsync(CancellationToken.None);
        if (weakLinks) await scope.ServiceProvider.GetRequiredService<Dangjian.Web.Modules.Dashboard.WeakLinks.WeakLinkDetector>().DetectAsync(CancellationToken.None);
    }
}

using System.Text.Json.Nodes;
using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Study;
using Dangjian.Web.Modules.Education.Study.Import;
using Dangjian.Web.Platform.Import;

namespace Dangjian.Tests.Modules.Education.Study;

/// <summary>
/// The Study feature's rows of each side of the sibling world: a course of the side's unit, the side's member's open
/// session and progress on it, an applied outside-hours row and a pending upload of that import.
/// </summary>
public sealed class StudySiblingSeed : ISiblingSeed
{
    public async Task SeedAsync(AppFixture app, SiblingSeedContext side)
    {
        var title = $"{side.Label}学习课程{side.Marker}";
        var course = await StudyWorld.AddCourseAsync(app, side.Tenant.TenantId, side.Unit, CourseKind.Video, 600, title: title);
        var now = app.Clock.GetUtcNow();
        var sessionId = Guid.CreateVersion7(now);
        var uploadId = Guid.CreateVersion7(now);
        byte[] emptyWorkbook;
        await using (var scope = app.Scope(side.Tenant.TenantId))
        {
            emptyWorkbook = scope.ServiceProvider.GetRequiredService<Dangjian.Web.Platform.Privacy.PersonalDataProtector>().EncryptBytes([]);
        }
        await app.InTenantAsync(side.Tenant.TenantId, async db =>
        {
            db.StudySessions.Add(new StudySession
            {
                Id = sessionId, MemberId = side.Member.Id, UserId = side.Secretary.Id, CourseId = course.Id, StartedAt = now, LastBeatAt = now,
            });
            db.StudyProgress.Add(new StudyProgress
            {
                Id = Guid.CreateVersion7(now), MemberId = side.Member.Id, CourseId = course.Id, Year = now.Year, Seconds = 120, FirstAt = now, LastAt = now,
            });
            db.ExternalStudyHours.Add(new ExternalStudyHours
            {
                Id = Guid.CreateVersion7(now), MemberId = side.Member.Id, Source = ExternalStudySource.XuexiQiangguo, Month = new DateOnly(2026, 10, 1),
                Points = 777, HoursTenths = 33, ImportedAt = now, ImportedBy = $"导入{side.Marker}",
            });
            db.ImportUploads.Add(new ImportUpload
            {
                Id = uploadId, UserId = side.Secretary.Id, OrgUnitId = side.Unit.Id, Kind = ImportExternalHours.UploadKind, FileName = $"学时{side.Marker}.xlsx",
                Content = emptyWorkbook, CreatedAt = now,
            });
            await db.SaveChangesAsync();
        });
        side.RouteValues["sessionId"] = sessionId;
        side.RouteValues["external-hours-imports/importId"] = uploadId;
        side.RouteValues["courseId"] = course.Id;
        side.BodyValues["courseid"] = () => JsonValue.Create(course.Id);
        side.Secrets.AddRange([title, $"导入{side.Marker}", $"学时{side.Marker}.xlsx", course.Id.ToString(), sessionId.ToString()]);
        side.Items["study.session"] = sessionId;
        side.Items["study.member"] = side.Member.Id;
        side.Items["study.upload"] = uploadId;
    }

    public async Task CheckUntouchedAsync(AppFixture app, SiblingSeedContext side)
    {
        var sessionId = (Guid)side.Items["study.session"];
        var memberId = (Guid)side.Items["study.member"];
        var uploadId = (Guid)side.Items["study.upload"];
        await app.InTenantAsync(side.Tenant.TenantId, async db =>
        {
            var session = await db.StudySessions.SingleAsync(s => s.Id == sessionId);
            (session.EndedAt, session.Beats, session.Seconds).ShouldBe((null, 0, 0));
            (await db.StudyProgress.Where(p => p.MemberId == memberId).SumAsync(p => p.Seconds)).ShouldBe(120);
            (await db.ExternalStudyHours.Where(e => e.MemberId == memberId).Select(e => e.Points).ToListAsync()).ShouldBe([777]);
            (await db.ImportUploads.SingleAsync(u => u.Id == uploadId)).AppliedAt.ShouldBeNull();
        });
    }
}

/// <summary>What the Study feature's request types write (InputCoverageTests): none of them carries text.</summary>
public sealed class StudyRequestWrites : IRequestWrites
{
    public IReadOnlyDictionary<string, string[]> Writes { get; } = new Dictionary<string, string[]>
    {
        ["StartStudyRequest"] = ["StudySession"],
        ["HeartbeatRequest"] = ["StudySession"],
    };
}

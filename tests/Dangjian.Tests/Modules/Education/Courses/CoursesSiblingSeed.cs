using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Platform.Privacy;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Modules.Education.Courses;

/// <summary>Each side's published video course with its file, and a live course its member signed in to.</summary>
public sealed class CoursesSiblingSeed : ISiblingSeed
{
    public async Task SeedAsync(AppFixture app, SiblingSeedContext side)
    {
        var now = app.Clock.GetUtcNow();
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        var video = Guid.CreateVersion7(now);
        var live = Guid.CreateVersion7(now);
        var file = Guid.CreateVersion7(now);
        var mp4 = MediaFiles.Mp4(600, 6000);
        var title = $"{side.Label}视频课程{side.Marker}";
        var liveTitle = $"{side.Label}直播课程{side.Marker}";
        var fileName = $"lesson-{side.Marker}.mp4";
        await app.InTenantAsync(side.Tenant.TenantId, async db =>
        {
            db.Courses.Add(new Course
            {
                Id = video, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, Title = title, Kind = CourseKind.Video, Category = CourseCategory.Theory,
                MediaFileId = file, MediaSeconds = 10, Status = CourseStatus.Published, PublishedAt = now, CreatedAt = now, CreatedBy = side.Label,
            });
            db.CourseFiles.Add(new CourseFile
            {
                Id = file, CourseId = video, Kind = CourseKind.Video, FileName = fileName, ContentType = "video/mp4", Size = mp4.Length, Sha256 = new string('a', 64),
                Seconds = 10, Content = protector.EncryptBytes(mp4), UploadedBy = side.Label, UploadedAt = now,
            });
            db.Courses.Add(new Course
            {
                Id = live, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, Title = liveTitle, Kind = CourseKind.Live, Category = CourseCategory.Theory,
                LiveStartsAt = now.AddMinutes(-10), LiveEndsAt = now.AddHours(2), LiveSignInSecret = Dangjian.Web.Modules.Meetings.SignInCode.NewSecret(),
                LiveLink = "https://live.example.org/x", Status = CourseStatus.Published, PublishedAt = now, CreatedAt = now, CreatedBy = side.Label,
            });
            db.LiveSignIns.Add(new LiveSignIn { Id = Guid.CreateVersion7(now), CourseId = live, MemberId = side.Member.Id, MemberName = side.Member.Name, SignedAt = now });
            await db.SaveChangesAsync();
        });
        // The enums of a course request: valid names, so that the request reaches the access check.
        side.BodyValues["coursekind"] = () => JsonValue.Create("Article");
        side.BodyValues["livelink"] = () => JsonValue.Create("https://live.example.org/sibling");
        side.BodyValues["category"] = () => JsonValue.Create("Theory");
        side.BodyValues["casekind"] = () => JsonValue.Create("None");
        side.RouteValues["courseId"] = video;
        side.RouteValues["fileId"] = file;
        side.Items["courses.live"] = live;
        // Its own ids for the check below: another feature's seed may aim "courseId" at a course of its own.
        side.Items["courses.video"] = video;
        side.Items["courses.file"] = file;
        side.Secrets.AddRange([title, liveTitle, fileName, video.ToString(), live.ToString(), file.ToString()]);
    }

    public async Task CheckUntouchedAsync(AppFixture app, SiblingSeedContext side)
    {
        var id = (Guid)side.Items["courses.video"];
        var course = await app.InTenantAsync(side.Tenant.TenantId, db => db.Courses.AsNoTracking().SingleAsync(c => c.Id == id));
        course.Status.ShouldBe(CourseStatus.Published);
        course.Title.ShouldContain(side.Marker);
        course.MediaFileId.ShouldBe((Guid)side.Items["courses.file"]);
    }
}

/// <summary>What the Courses feature's request types write.</summary>
public sealed class CoursesRequestWrites : IRequestWrites
{
    public IReadOnlyDictionary<string, string[]> Writes { get; } = new Dictionary<string, string[]>
    {
        ["SaveCourseRequest"] = ["Course"],
        ["LiveSignInRequest"] = [],
    };
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Education.Study;

/// <summary>A tenant with two sibling branches, a member with an account in the first, and courses inserted as the Courses feature would publish them.</summary>
internal sealed class StudyWorld
{
    public required AppFixture App { get; init; }
    public required TestTenant Tenant { get; init; }
    public required OrgUnit Branch { get; init; }
    public required OrgUnit Sibling { get; init; }
    public required Member Member { get; init; }
    public required TestUser MemberUser { get; init; }
    public required TestUser Secretary { get; init; }

    public static async Task<StudyWorld> CreateAsync(AppFixture app)
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("学习支部"));
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("兄弟支部"));
        var member = (await tenant.AddMembersAsync(branch, 1, namePrefix: "学员"))[0];
        var user = await tenant.AddMemberAccountAsync(branch, member.Id);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        return new StudyWorld { App = app, Tenant = tenant, Branch = branch, Sibling = sibling, Member = member, MemberUser = user, Secretary = secretary };
    }

    /// <summary>A published course of <paramref name="unit"/>, as the Courses feature stores one.</summary>
    public static async Task<Course> AddCourseAsync(AppFixture app, Guid tenantId, OrgUnit unit, CourseKind kind, int? mediaSeconds = null,
        CourseCategory category = CourseCategory.Theory, string? title = null, string? body = null)
    {
        var now = app.Clock.GetUtcNow();
        var course = new Course
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unit.Id, OrgPath = unit.Path, Title = title ?? TestTenant.Unique("课程"), Kind = kind, Category = category,
            MediaSeconds = mediaSeconds, Body = body, Status = CourseStatus.Published, PublishedAt = now, CreatedAt = now, CreatedBy = "测试",
        };
        await app.InTenantAsync(tenantId, async db =>
        {
            db.Courses.Add(course);
            await db.SaveChangesAsync();
        });
        return course;
    }

    public Task<Course> AddCourseAsync(CourseKind kind, int? mediaSeconds = null, CourseCategory category = CourseCategory.Theory, OrgUnit? unit = null) =>
        AddCourseAsync(App, Tenant.TenantId, unit ?? Tenant.Root, kind, mediaSeconds, category);

    /// <summary>A meeting of <paramref name="unit"/> that <paramref name="member"/> signed in to.</summary>
    public static async Task<Meeting> AddAttendedMeetingAsync(AppFixture app, Guid tenantId, OrgUnit unit, Guid memberId, MeetingType type, DateTimeOffset startsAt,
        TimeSpan length, string topic, MeetingStatus status = MeetingStatus.Planned)
    {
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(startsAt), OrgUnitId = unit.Id, OrgPath = unit.Path, Type = type, Topic = topic, StartsAt = startsAt,
            EndsAt = startsAt + length, Status = status, SignInSecret = Convert.ToBase64String(new byte[32]), CreatedAt = startsAt, HostName = "主持人",
        };
        await app.InTenantAsync(tenantId, async db =>
        {
            db.Meetings.Add(meeting);
            db.MeetingSignIns.Add(new MeetingSignIn { Id = Guid.CreateVersion7(startsAt), MeetingId = meeting.Id, MemberId = memberId, SignedAt = startsAt });
            await db.SaveChangesAsync();
        });
        return meeting;
    }

    public Task<T> InTenantAsync<T>(Func<AppDbContext, Task<T>> work) => App.InTenantAsync(Tenant.TenantId, work);
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>
/// Who may see and who may manage a course. Those who manage education on its unit or above (<c>ManageEducation</c>)
/// manage it in every state; those who see the unit's members (<c>ViewMembers</c> there or above) see it in every state;
/// once published (not withdrawn) it is also seen by the members of its subtree and by whoever holds a role on a unit
/// of it. Anyone else is answered 404, as if it did not exist.
/// </summary>
public sealed class CourseAccess(AppDbContext db, CurrentUser user, IOptions<EducationOptions> options, IStringLocalizer<CoursesText> T)
{
    public bool CanManage(Course c) => user.Can(Permission.ManageEducation, c.OrgPath);

    public async Task<bool> CanSeeAsync(Course c, CancellationToken ct)
    {
        if (user.Can(Permission.ViewMembers, c.OrgPath)) return true;
        if (c.Status != CourseStatus.Published) return false;
        if (user.Roles.Any(r => r.Scope == DataScope.All || r.OrgPath.StartsWith(c.OrgPath, StringComparison.Ordinal))) return true;
        return await MemberUnderAsync(c.OrgPath, ct) is not null;
    }

    /// <summary>The caller's own member record (党籍正常) if it is filed under <paramref name="path"/>.</summary>
    public Task<Member?> MemberUnderAsync(string path, CancellationToken ct) =>
        db.Members.AsNoTracking().Where(m => m.UserId == user.UserId && m.Status == MembershipStatus.Normal && m.OrgPath.StartsWith(path))
            .FirstOrDefaultAsync(ct);

    /// <summary>The course if the caller may see it; 404 otherwise.</summary>
    public async Task<Result<Course>> SeeAsync(Guid courseId, CancellationToken ct, bool track = false)
    {
        var q = track ? db.Courses : db.Courses.AsNoTracking();
        var c = await q.FirstOrDefaultAsync(x => x.Id == courseId, ct);
        if (c is null || !await CanSeeAsync(c, ct)) return Error.NotFound(T["Course.NotFound"]);
        return c;
    }

    /// <summary>The course if the caller manages it; 404 when they may not see it, 403 when they see but may not manage it.</summary>
    public async Task<Result<Course>> ManageAsync(Guid courseId, CancellationToken ct)
    {
        var seen = await SeeAsync(courseId, ct, track: true);
        if (!seen.IsSuccess) return seen.Error!;
        return CanManage(seen.Value!) ? seen.Value! : Error.Forbidden(T["Course.ManagersOnly"]);
    }

    public bool IsMicro(Course c) => MicroLessonRule.Is(c.Kind, c.MediaSeconds, options.Value.MicroLessonMaxMinutes);

    public int MicroMaxSeconds => MicroLessonRule.MaxSeconds(options.Value.MicroLessonMaxMinutes);

    public static IReadOnlyList<string> TagsOf(string? tags) =>
        string.IsNullOrEmpty(tags) ? [] : tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string FileUrl(Guid courseId, Guid fileId) => $"/api/v1/education/courses/{courseId}/files/{fileId}";

    public async Task<CourseDto> ToDtoAsync(Course c, CancellationToken ct)
    {
        var unitName = await db.OrgUnits.AsNoTracking().Where(u => u.Id == c.OrgUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var file = c.MediaFileId is { } fileId
            ? await db.CourseFiles.AsNoTracking().Where(f => f.Id == fileId && f.CourseId == c.Id)
                .Select(f => new CourseFileDto(f.Id, f.CourseId, f.Kind, f.FileName, f.ContentType, f.Size, f.Sha256, f.Seconds, "", f.UploadedBy, f.UploadedAt))
                .FirstOrDefaultAsync(ct)
            : null;
        return new CourseDto(c.Id, c.OrgUnitId, unitName, c.Title, c.Kind, c.Category, c.CaseKind, TagsOf(c.Tags), c.Summary, c.Body, c.Required, c.DueOn,
            c.LiveStartsAt, c.LiveEndsAt, c.LiveLink, c.Status, c.PublishedAt, file is null ? null : file with { Url = FileUrl(c.Id, file.Id) },
            c.MediaSeconds, IsMicro(c), c.CreatedBy, c.CreatedAt, c.UpdatedAt, CanManage(c));
    }

    public string Me()
    {
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        return by.Length > 100 ? by[..100] : by;
    }
}

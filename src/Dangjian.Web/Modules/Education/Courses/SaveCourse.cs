using Dangjian.Web.Data;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>
/// A manager of a unit writes a course: a new one is a draft of the unit; a draft or a published course is changed in
/// place (a published one must stay publishable). A withdrawn course is not edited.
/// </summary>
public sealed class SaveCourse(AppDbContext db, OrgAccess orgAccess, CourseAccess access, CurrentUser user, TimeProvider clock,
    IStringLocalizer<SharedResource> L, IStringLocalizer<CoursesText> T, InputCheck inputCheck)
{
    private static readonly char[] TagSeparators = [',', '\uFF0C', '\u3001', ';', '\uFF1B'];

    public async Task<Result<CourseDto>> CreateAsync(SaveCourseRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await orgAccess.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        if (r.CourseKind is null) return Error.Validation("courseKind", L["Validation.Required", "courseKind"]);
        var now = clock.GetUtcNow();
        var course = new Course
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unitId, OrgPath = unit.Value!.Path, Title = "", Status = CourseStatus.Draft, CreatedAt = now,
            CreatedByUserId = user.UserId, CreatedBy = access.Me(),
        };
        if (Apply(course, r) is { } invalid) return invalid;
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        return await access.ToDtoAsync(course, ct);
    }

    public async Task<Result<CourseDto>> EditAsync(Guid courseId, SaveCourseRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var managed = await access.ManageAsync(courseId, ct);
        if (!managed.IsSuccess) return managed.Error!;
        var course = managed.Value!;
        if (course.Status == CourseStatus.Withdrawn) return Error.Conflict("COURSE_WITHDRAWN", T["Course.WithdrawnNoEdit"]);
        if (Apply(course, r with { CourseKind = r.CourseKind ?? course.Kind }) is { } invalid) return invalid;
        if (course.Status == CourseStatus.Published && CoursePublishRules.Check(course, T, L) is { } notPublishable) return notPublishable;
        course.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await access.ToDtoAsync(course, ct);
    }

    /// <summary>Checks the request and writes it onto the course; the error names the field.</summary>
    private Error? Apply(Course c, SaveCourseRequest r)
    {
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) return Error.Validation("title", L["Validation.Required", "title"]);
        if (title.Length > 200) return Error.Validation("title", L["Validation.TooLong", "title", 200]);
        var tags = string.Join(",", (r.Tags ?? "").Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
        if (tags.Length > 200) return Error.Validation("tags", L["Validation.TooLong", "tags", 200]);
        var summary = r.Summary?.Trim();
        if (summary?.Length > 1000) return Error.Validation("summary", L["Validation.TooLong", "summary", 1000]);
        if (r.Body?.Length > 20000) return Error.Validation("body", L["Validation.TooLong", "body", 20000]);
        var kind = r.CourseKind!.Value;
        var link = r.LiveLink?.Trim();
        if (kind == CourseKind.Live)
        {
            if (r.LiveStartsAt is { } start && r.LiveEndsAt is { } end && end <= start)
                return Error.Validation("liveEndsAt", T["Course.LiveEndBeforeStart"]);
            if (!string.IsNullOrEmpty(link) && !SafeLinks.IsHttpUrl(link)) return Error.Validation("liveLink", L["Validation.HttpUrl", "liveLink"]);
            if (link?.Length > 400) return Error.Validation("liveLink", L["Validation.TooLong", "liveLink", 400]);
        }
        if (r.DueOn is { } due && (due.Year < 2000 || due.Year > 2100)) return Error.Validation("dueOn", L["Validation.DateOutOfRange", "dueOn", 2000, 2100]);

        // A file uploaded for another kind does not serve this one.
        if (c.Kind != kind && c.MediaFileId is not null)
        {
            c.MediaFileId = null;
            c.MediaSeconds = null;
        }
        c.Title = title;
        c.Kind = kind;
        c.Category = r.Category ?? c.Category;
        c.CaseKind = r.CaseKind ?? c.CaseKind;
        c.Tags = tags.Length == 0 ? null : tags;
        c.Summary = string.IsNullOrEmpty(summary) ? null : summary;
        c.Body = string.IsNullOrWhiteSpace(r.Body) ? null : r.Body;
        c.Required = r.Required ?? false;
        c.DueOn = r.DueOn;
        var live = kind == CourseKind.Live;
        // Stored in UTC (PostgreSQL takes no other offset); shown in China time.
        c.LiveStartsAt = live ? r.LiveStartsAt?.ToUniversalTime() : null;
        c.LiveEndsAt = live ? r.LiveEndsAt?.ToUniversalTime() : null;
        c.LiveLink = live && !string.IsNullOrEmpty(link) ? link : null;
        if (live) c.LiveSignInSecret ??= SignInCode.NewSecret();
        return null;
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>Publishes a course to its unit's subtree (members see it from then on), or withdraws it (they no longer do).</summary>
public sealed class PublishCourse(AppDbContext db, CourseAccess access, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<CoursesText> T)
{
    public async Task<Result<CourseDto>> PublishAsync(Guid courseId, CancellationToken ct)
    {
        var managed = await access.ManageAsync(courseId, ct);
        if (!managed.IsSuccess) return managed.Error!;
        var c = managed.Value!;
        if (c.Status == CourseStatus.Published) return Error.Conflict("COURSE_PUBLISHED", T["Course.AlreadyPublished"]);
        if (CoursePublishRules.Check(c, T, L) is { } refused) return refused;
        c.Status = CourseStatus.Published;
        c.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await access.ToDtoAsync(c, ct);
    }

    public async Task<Result<CourseDto>> WithdrawAsync(Guid courseId, CancellationToken ct)
    {
        var managed = await access.ManageAsync(courseId, ct);
        if (!managed.IsSuccess) return managed.Error!;
        var c = managed.Value!;
        if (c.Status != CourseStatus.Published) return Error.Conflict("COURSE_NOT_PUBLISHED", T["Course.NotPublished"]);
        c.Status = CourseStatus.Withdrawn;
        c.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await access.ToDtoAsync(c, ct);
    }
}

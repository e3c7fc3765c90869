using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>
/// The managers' list of a unit: its own courses in every state and the courses published by the units above it (what
/// its members are given), newest first, with the library's filters.
/// </summary>
public sealed class ListCourses(AppDbContext db, OrgAccess orgAccess, CourseAccess access, IStringLocalizer<SharedResource> L)
{
    public async Task<Result<Page<CourseListItemDto>>> HandleAsync(Guid? orgUnitId, CourseFilter f, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await orgAccess.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var path = unit.Value!.Path;
        var above = GetOrgUnit.AncestorPaths(path);
        var q = db.Courses.AsNoTracking().Where(c => c.OrgPath == path || (above.Contains(c.OrgPath) && c.Status == CourseStatus.Published));
        if (f.Kind is { } kind) q = q.Where(c => c.Kind == kind);
        if (f.Category is { } category) q = q.Where(c => c.Category == category);
        if (f.CaseKind is { } caseKind) q = q.Where(c => c.CaseKind == caseKind);
        if (f.Tag?.Trim() is { Length: > 0 } tag)
        {
            var wrapped = "," + tag + ",";
            q = q.Where(c => c.Tags != null && ("," + c.Tags + ",").Contains(wrapped));
        }
        if (f.Text?.Trim() is { Length: > 0 } text) q = q.Where(c => c.Title.Contains(text) || (c.Summary != null && c.Summary.Contains(text)));
        if (f.MicroOnly == true)
        {
            var max = access.MicroMaxSeconds;
            q = q.Where(c => (c.Kind == CourseKind.Video || c.Kind == CourseKind.Audio) && c.MediaSeconds > 0 && c.MediaSeconds <= max);
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.OrgPath == path).ThenByDescending(c => c.PublishedAt ?? c.CreatedAt).ThenBy(c => c.Id)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var items = rows.Select(c => new CourseListItemDto(c.Id, c.OrgUnitId, c.Title, c.Kind, c.Category, c.CaseKind, CourseAccess.TagsOf(c.Tags), c.Required,
            c.DueOn, c.Status, c.PublishedAt, c.MediaSeconds, access.IsMicro(c), c.LiveStartsAt, c.OrgPath == path)).ToList();
        return new Page<CourseListItemDto>(items, page.Page, page.PageSize, total);
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>
/// The caller's courses as a member: those published (not withdrawn) by their unit or any unit above it; required ones
/// first, then by deadline; each with the study the server verified (StudyProgress, read only: the Study feature writes
/// it). A required course past its deadline and not completed is overdue.
/// </summary>
public sealed class MyCourses(AppDbContext db, CurrentUser user, CourseAccess access, TimeProvider clock)
{
    public async Task<Result<Page<MyCourseDto>>> HandleAsync(PageRequest page, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId && m.Status == MembershipStatus.Normal)
            .Select(m => new { m.Id, m.OrgPath }).FirstOrDefaultAsync(ct);
        if (member is null) return new Page<MyCourseDto>([], page.Page, page.PageSize, 0);
        var paths = GetOrgUnit.AncestorPaths(member.OrgPath);
        paths.Add(member.OrgPath);
        var q = db.Courses.AsNoTracking().Where(c => paths.Contains(c.OrgPath) && c.Status == CourseStatus.Published);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.Required).ThenBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenByDescending(c => c.PublishedAt)
            .ThenBy(c => c.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var ids = rows.Select(c => c.Id).ToList();
        var progress = (await db.StudyProgress.AsNoTracking().Where(p => p.MemberId == member.Id && ids.Contains(p.CourseId))
                .Select(p => new { p.CourseId, p.Seconds, p.CompletedAt }).ToListAsync(ct))
            .GroupBy(p => p.CourseId).ToDictionary(g => g.Key, g => (Seconds: g.Sum(p => p.Seconds), CompletedAt: g.Min(p => p.CompletedAt)));
        var today = clock.Today();
        var items = rows.Select(c =>
        {
            var (seconds, completed) = progress.GetValueOrDefault(c.Id);
            return new MyCourseDto(c.Id, c.Title, c.Kind, c.Category, c.CaseKind, c.Required, c.DueOn,
                c.Required && c.DueOn < today && completed is null, access.IsMicro(c), c.MediaSeconds, c.LiveStartsAt, seconds, completed);
        }).ToList();
        return new Page<MyCourseDto>(items, page.Page, page.PageSize, total);
    }
}

using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Meetings.Contracts;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Plans.Cases;

public sealed record LinkCaseRequest([MaxLength(40)] string? TargetKind, Guid? TargetId);

public sealed record CaseDto(Guid Id, string Title, string CaseKind, string Category, string Kind, string? Summary, string? Tags, Guid OrgUnitId,
    DateTimeOffset? PublishedAt);

public sealed record CaseLinkDto(Guid Id, Guid CourseId, string CourseTitle, string TargetKind, Guid TargetId, string TargetTitle, Guid OrgUnitId,
    string OrgUnitName, DateTimeOffset LinkedAt, string LinkedBy, bool CanUnlink);

public sealed record CaseDetailDto(CaseDto Case, IReadOnlyList<CaseLinkDto> Links);

public sealed record CaseGapDto(Guid MemberId, string Name);

public sealed record CaseBranchCompletionDto(Guid OrgUnitId, string Name, int Completed, int Expected, IReadOnlyList<CaseGapDto> Gaps);

public sealed record CaseCompletionDto(CaseLinkDto Link, IReadOnlyList<CaseBranchCompletionDto> Branches, int Completed, int Expected);

/// <summary>
/// 红色基因案例库 and 警示教育案例库: the published cases visible to a unit (published to it or above), linked as required
/// study of a meeting or a plan, and each branch's completion of a linked case with the names still missing.
/// </summary>
public sealed class CaseLibrary(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, InputCheck inputCheck, MeetingSummaries meetings,
    PlanAudiences audiences, IStringLocalizer<SharedResource> L, IStringLocalizer<PlansText> T)
{
    public async Task<Result<Page<CaseDto>>> ListAsync(Guid? orgUnitId, string? kind, string? q, PageRequest page, CancellationToken ct)
    {
        var path = await ReaderPathAsync(orgUnitId, ct);
        if (!path.IsSuccess) return path.Error!;
        CaseKind? only = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<CaseKind>(kind, false, out var k) || k == CaseKind.None || !Enum.IsDefined(k))
                return Error.Validation("kind", L["Validation.OneOf", "kind", $"{CaseKind.RedGene}, {CaseKind.Warning}"]);
            only = k;
        }
        var paths = GetOrgUnit.AncestorPaths(path.Value!);
        paths.Add(path.Value!);
        var rows = db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published && c.CaseKind != CaseKind.None && paths.Contains(c.OrgPath));
        if (only is { } o) rows = rows.Where(c => c.CaseKind == o);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            rows = rows.Where(c => c.Title.Contains(text) || (c.Summary != null && c.Summary.Contains(text)) || (c.Tags != null && c.Tags.Contains(text)));
        }
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<CaseDto>(items.Select(ToDto).ToList(), page.Page, page.PageSize, total);
    }

    public async Task<Result<CaseDetailDto>> GetAsync(Guid caseId, CancellationToken ct)
    {
        var course = await VisibleCaseAsync(caseId, ct);
        if (course is null) return Error.NotFound(T["Case.NotFound"]);
        var links = (await db.CaseLinks.AsNoTracking().Where(l => l.CourseId == caseId).OrderByDescending(l => l.LinkedAt).ToListAsync(ct))
            .Where(l => StudyPlans.CanRead(user, l.OrgPath)).ToList();
        return new CaseDetailDto(ToDto(course), await LinkDtosAsync(links, ct));
    }

    /// <summary>Links the case as required study of a meeting or a plan of a unit the caller manages education on; the case must be published to that unit or above.</summary>
    public async Task<Result<CaseLinkDto>> LinkAsync(Guid caseId, LinkCaseRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var course = await VisibleCaseAsync(caseId, ct);
        if (course is null) return Error.NotFound(T["Case.NotFound"]);
        if (string.IsNullOrWhiteSpace(r.TargetKind)) return Error.Validation("targetKind", L["Validation.Required", "targetKind"]);
        if (!Enum.TryParse<CaseTargetKind>(r.TargetKind, false, out var kind) || !Enum.IsDefined(kind))
            return Error.Validation("targetKind", L["Validation.OneOf", "targetKind", string.Join(", ", Enum.GetNames<CaseTargetKind>())]);
        if (r.TargetId is not { } targetId) return Error.Validation("targetId", L["Validation.Required", "targetId"]);
        Guid unitId;
        string targetPath;
        if (kind == CaseTargetKind.Meeting)
        {
            var meeting = await meetings.FindAsync(targetId, ct);
            if (meeting is null || !user.Can(Permission.ViewOrg, meeting.OrgPath)) return Error.NotFound(T["Case.TargetNotFound"]);
            (unitId, targetPath) = (meeting.OrgUnitId, meeting.OrgPath);
        }
        else
        {
            var plan = await db.StudyPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == targetId, ct);
            if (plan is null || !StudyPlans.CanRead(user, plan.OrgPath)) return Error.NotFound(T["Case.TargetNotFound"]);
            (unitId, targetPath) = (plan.OrgUnitId, plan.OrgPath);
        }
        if (!user.Can(Permission.ManageEducation, targetPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        if (!targetPath.StartsWith(course.OrgPath, StringComparison.Ordinal)) return Error.Validation("targetId", T["Validation.CaseNotForTarget", "targetId"]);
        if (await db.CaseLinks.AnyAsync(l => l.TargetKind == kind && l.TargetId == targetId && l.CourseId == caseId, ct))
            return Error.Conflict("case_link_exists", T["Case.LinkExists"]);
        var now = clock.GetUtcNow();
        var link = new CaseLink
        {
            Id = Guid.CreateVersion7(now), CourseId = caseId, TargetKind = kind, TargetId = targetId, OrgUnitId = unitId, OrgPath = targetPath, LinkedAt = now,
            LinkedByUserId = user.UserId, LinkedBy = StudyPlans.By(user),
        };
        db.CaseLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return (await LinkDtosAsync([link], ct))[0];
    }

    public async Task<Result<Guid>> UnlinkAsync(Guid linkId, CancellationToken ct)
    {
        var link = await db.CaseLinks.FirstOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null || !StudyPlans.CanRead(user, link.OrgPath)) return Error.NotFound(T["Case.LinkNotFound"]);
        if (!user.Can(Permission.ManageEducation, link.OrgPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        db.CaseLinks.Remove(link);
        await db.SaveChangesAsync(ct);
        return linkId;
    }

    /// <summary>The cases a meeting studies, for whoever sees the meeting's unit or is on the roll under it.</summary>
    public async Task<Result<IReadOnlyList<CaseLinkDto>>> ForMeetingAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await meetings.FindAsync(meetingId, ct);
        if (meeting is null) return Error.NotFound(T["Case.TargetNotFound"]);
        var memberPath = await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => m.OrgPath).FirstOrDefaultAsync(ct);
        var sees = user.Can(Permission.ViewOrg, meeting.OrgPath) || StudyPlans.CanRead(user, meeting.OrgPath)
                   || (memberPath is not null && memberPath.StartsWith(meeting.OrgPath, StringComparison.Ordinal));
        if (!sees) return Error.NotFound(T["Case.TargetNotFound"]);
        var links = await db.CaseLinks.AsNoTracking().Where(l => l.TargetKind == CaseTargetKind.Meeting && l.TargetId == meetingId)
            .OrderBy(l => l.LinkedAt).ToListAsync(ct);
        return await LinkDtosAsync(links, ct);
    }

    /// <summary>
    /// Each branch under the link's unit (or the part asked for): of the people who should study the case — those
    /// expected at the meeting, or the plan's audience — how many completed it, and who has not.
    /// </summary>
    public async Task<Result<CaseCompletionDto>> CompletionAsync(Guid linkId, Guid? orgUnitId, CancellationToken ct)
    {
        var link = await db.CaseLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null || !StudyPlans.CanRead(user, link.OrgPath)) return Error.NotFound(T["Case.LinkNotFound"]);
        var view = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == (orgUnitId ?? link.OrgUnitId), ct);
        if (view is null || !view.Path.StartsWith(link.OrgPath, StringComparison.Ordinal) || !StudyPlans.CanRead(user, view.Path))
            return Error.NotFound(T["Case.LinkNotFound"]);
        List<AudienceMember> people;
        if (link.TargetKind == CaseTargetKind.Meeting)
        {
            var expected = (await meetings.ExpectedAsync(link.TargetId, ct)).Where(e => e.OrgPath.StartsWith(view.Path, StringComparison.Ordinal)).ToList();
            var ids = expected.Select(e => e.MemberId).ToList();
            people = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new AudienceMember(m.Id, m.Name, m.OrgUnitId, m.OrgPath)).ToListAsync(ct);
        }
        else
        {
            var plan = await db.StudyPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == link.TargetId, ct);
            people = plan is null ? [] : await audiences.UnderAsync(plan.Audience, view.Path, AudienceRules.AsOf(plan.Year, Platform.Clock.ChinaTime.Today(clock)), ct);
        }
        var done = (await db.StudyProgress.AsNoTracking().Where(s => s.CourseId == link.CourseId && s.CompletedAt != null).Select(s => s.MemberId)
            .Distinct().ToListAsync(ct)).ToHashSet();
        var units = await db.OrgUnits.AsNoTracking().InSubtree(view.Path).Where(u => u.Kind == OrgUnitKind.Branch && u.DissolvedAt == null)
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        if (units.Count == 0) units = [new { view.Id, view.Name, view.Path }];
        var rows = units.Where(u => user.Can(Permission.ViewMembers, u.Path)).Select(u =>
        {
            var here = people.Where(p => p.OrgPath.StartsWith(u.Path, StringComparison.Ordinal)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            return new CaseBranchCompletionDto(u.Id, u.Name, here.Count(p => done.Contains(p.Id)), here.Count,
                here.Where(p => !done.Contains(p.Id)).Select(p => new CaseGapDto(p.Id, p.Name)).ToList());
        }).ToList();
        return new CaseCompletionDto((await LinkDtosAsync([link], ct))[0], rows, rows.Sum(r => r.Completed), rows.Sum(r => r.Expected));
    }

    /// <summary>The path the caller reads the libraries for: the unit asked (seen by them), else their own unit on the roll, else their highest unit.</summary>
    private async Task<Result<string>> ReaderPathAsync(Guid? orgUnitId, CancellationToken ct)
    {
        if (orgUnitId is { } id)
        {
            var unit = await access.LoadAsync(id, Permission.ViewOrg, ct);
            return unit.IsSuccess ? unit.Value!.Path : unit.Error!;
        }
        var memberPath = await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => m.OrgPath).FirstOrDefaultAsync(ct);
        if (memberPath is not null) return memberPath;
        var top = user.Roles.Where(r => r.Role.Grants(Permission.ViewOrg)).OrderBy(r => r.OrgPath.Length).Select(r => r.OrgPath).FirstOrDefault();
        return top is null ? Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]) : top;
    }

    /// <summary>A published case the caller may read: published to a unit they see, to their own unit or above, or above a unit they hold a role on.</summary>
    private async Task<Course?> VisibleCaseAsync(Guid caseId, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == caseId && c.Status == CourseStatus.Published && c.CaseKind != CaseKind.None, ct);
        if (course is null) return null;
        if (user.Can(Permission.ViewOrg, course.OrgPath) || user.Roles.Any(r => r.OrgPath.StartsWith(course.OrgPath, StringComparison.Ordinal))) return course;
        var memberPath = await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => m.OrgPath).FirstOrDefaultAsync(ct);
        return memberPath is not null && memberPath.StartsWith(course.OrgPath, StringComparison.Ordinal) ? course : null;
    }

    private async Task<List<CaseLinkDto>> LinkDtosAsync(IReadOnlyList<CaseLink> links, CancellationToken ct)
    {
        var courseIds = links.Select(l => l.CourseId).Distinct().ToList();
        var titles = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var unitIds = links.Select(l => l.OrgUnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var planIds = links.Where(l => l.TargetKind == CaseTargetKind.Plan).Select(l => l.TargetId).ToList();
        var planTitles = await db.StudyPlans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var result = new List<CaseLinkDto>();
        foreach (var l in links)
        {
            var target = l.TargetKind == CaseTargetKind.Plan ? planTitles.GetValueOrDefault(l.TargetId, "") : (await meetings.FindAsync(l.TargetId, ct))?.Topic ?? "";
            result.Add(new CaseLinkDto(l.Id, l.CourseId, titles.GetValueOrDefault(l.CourseId, ""), l.TargetKind.ToString(), l.TargetId, target, l.OrgUnitId,
                units.GetValueOrDefault(l.OrgUnitId, ""), l.LinkedAt, l.LinkedBy, user.Can(Permission.ManageEducation, l.OrgPath)));
        }
        return result;
    }

    private static CaseDto ToDto(Course c) => new(c.Id, c.Title, c.CaseKind.ToString(), c.Category.ToString(), c.Kind.ToString(), c.Summary, c.Tags, c.OrgUnitId,
        c.PublishedAt);
}

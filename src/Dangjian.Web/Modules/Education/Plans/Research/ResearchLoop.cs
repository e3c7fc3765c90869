using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Plans.Research;

public sealed record OpenResearchRequest(Guid? OrgUnitId, Guid? CourseId, [MaxLength(200)] string? Title, Guid? OwnerMemberId, DateOnly? DueOn);

public sealed record ResearchFindingsRequest([MaxLength(4000), MultiLine] string? Findings);

public sealed record RaiseProblemRequest([MaxLength(200)] string? Title, Guid? OwnerMemberId, DateOnly? DueOn);

public sealed record CloseProblemRequest([MaxLength(40)] string? Status, [MaxLength(4000), MultiLine] string? Outcome);

public sealed record ResearchProblemDto(Guid Id, Guid TaskId, string Title, Guid OwnerMemberId, string OwnerName, DateOnly DueOn, string Status, bool Overdue,
    string? Outcome, DateTimeOffset? ClosedAt, string? ClosedBy, bool CanClose);

public sealed record ResearchTaskDto(Guid Id, Guid OrgUnitId, string OrgUnitName, Guid CourseId, string CourseTitle, string Title, Guid OwnerMemberId,
    string OwnerName, DateOnly DueOn, string Status, bool Overdue, string? Findings, DateTimeOffset? FindingsAt, string? FindingsBy, DateTimeOffset CreatedAt,
    string CreatedBy, bool CanManage, bool CanReport, IReadOnlyList<ResearchProblemDto> Problems);

public sealed record MyResearchDto(string MemberName, IReadOnlyList<ResearchTaskDto> Tasks, IReadOnlyList<ResearchProblemDto> Problems);

/// <summary>
/// 学习—调研—解题: a unit's managers open a research task from a course its members study, owned by a party member of
/// the unit's subtree; the owner or a manager records the findings; a task raises problems, each owned and due, solved
/// or closed with the outcome written down. Overdue marks come from the deadline and today (China time).
/// </summary>
public sealed class ResearchLoop(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, InputCheck inputCheck, StudyPlans plans,
    IStringLocalizer<SharedResource> L, IStringLocalizer<PlansText> T)
{
    public async Task<Result<ResearchTaskDto>> OpenAsync(OpenResearchRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var path = unit.Value!.Path;
        var errors = new FieldErrors();
        Courses.Course? course = null;
        if (r.CourseId is not { } courseId) errors.Add(Error.Validation("courseId", L["Validation.Required", "courseId"]));
        else if ((course = await plans.VisibleCourseAsync(courseId, path, ct)) is null)
            errors.Add(Error.Validation("courseId", T["Validation.CourseNotPublished", "courseId"]));
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors.Add(Error.Validation("title", L["Validation.Required", "title"]));
        var owner = await OwnerAsync(r.OwnerMemberId, path, "ownerMemberId", errors, ct);
        CheckDue(r.DueOn, errors);
        if (errors.ToError() is { } invalid) return invalid;
        var now = clock.GetUtcNow();
        var task = new ResearchTask
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unitId, OrgPath = path, CourseId = course!.Id, Title = title!, OwnerMemberId = owner!.Value.Id,
            OwnerName = owner.Value.Name, DueOn = r.DueOn!.Value, Status = ResearchStatus.Open, CreatedAt = now, CreatedByUserId = user.UserId,
            CreatedBy = StudyPlans.By(user),
        };
        db.ResearchTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return await GetAsync(task.Id, ct);
    }

    public async Task<Result<ResearchTaskDto>> GetAsync(Guid taskId, CancellationToken ct)
    {
        var task = await db.ResearchTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        var me = await MyMemberIdAsync(ct);
        if (task is null || !(StudyPlans.CanRead(user, task.OrgPath) || task.OwnerMemberId == me)) return Error.NotFound(T["Research.NotFound"]);
        return (await DtosAsync([task], me, ct))[0];
    }

    /// <summary>The owner or a manager records (or rewrites) the findings; the task is then reported.</summary>
    public async Task<Result<ResearchTaskDto>> RecordFindingsAsync(Guid taskId, ResearchFindingsRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var task = await db.ResearchTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        var me = await MyMemberIdAsync(ct);
        if (task is null || !(StudyPlans.CanRead(user, task.OrgPath) || task.OwnerMemberId == me)) return Error.NotFound(T["Research.NotFound"]);
        if (!(user.Can(Permission.ManageEducation, task.OrgPath) || task.OwnerMemberId == me)) return Error.Forbidden(L["Auth.Forbidden"]);
        var findings = r.Findings?.Trim();
        if (string.IsNullOrEmpty(findings)) return Error.Validation("findings", L["Validation.Required", "findings"]);
        task.Findings = findings;
        task.FindingsAt = clock.GetUtcNow();
        task.FindingsBy = StudyPlans.By(user);
        task.Status = ResearchStatus.Reported;
        await db.SaveChangesAsync(ct);
        return await GetAsync(taskId, ct);
    }

    /// <summary>A manager or the task's owner raises a problem, owned by a party member of the task's unit subtree.</summary>
    public async Task<Result<ResearchTaskDto>> RaiseProblemAsync(Guid taskId, RaiseProblemRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var task = await db.ResearchTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        var me = await MyMemberIdAsync(ct);
        if (task is null || !(StudyPlans.CanRead(user, task.OrgPath) || task.OwnerMemberId == me)) return Error.NotFound(T["Research.NotFound"]);
        if (!(user.Can(Permission.ManageEducation, task.OrgPath) || task.OwnerMemberId == me)) return Error.Forbidden(L["Auth.Forbidden"]);
        var errors = new FieldErrors();
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors.Add(Error.Validation("title", L["Validation.Required", "title"]));
        var owner = await OwnerAsync(r.OwnerMemberId, task.OrgPath, "ownerMemberId", errors, ct);
        CheckDue(r.DueOn, errors);
        if (errors.ToError() is { } invalid) return invalid;
        var now = clock.GetUtcNow();
        db.ResearchProblems.Add(new ResearchProblem
        {
            Id = Guid.CreateVersion7(now), TaskId = taskId, OrgUnitId = task.OrgUnitId, OrgPath = task.OrgPath, Title = title!, OwnerMemberId = owner!.Value.Id,
            OwnerName = owner.Value.Name, DueOn = r.DueOn!.Value, Status = ProblemStatus.Open, CreatedAt = now, CreatedBy = StudyPlans.By(user),
        });
        await db.SaveChangesAsync(ct);
        return await GetAsync(taskId, ct);
    }

    /// <summary>The problem's owner or a manager solves or closes it; the outcome is required. A problem is closed once.</summary>
    public async Task<Result<ResearchProblemDto>> CloseProblemAsync(Guid problemId, CloseProblemRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var problem = await db.ResearchProblems.FirstOrDefaultAsync(p => p.Id == problemId, ct);
        var me = await MyMemberIdAsync(ct);
        if (problem is null || !(StudyPlans.CanRead(user, problem.OrgPath) || problem.OwnerMemberId == me)) return Error.NotFound(T["Problem.NotFound"]);
        if (!(user.Can(Permission.ManageEducation, problem.OrgPath) || problem.OwnerMemberId == me)) return Error.Forbidden(L["Auth.Forbidden"]);
        var errors = new FieldErrors();
        ProblemStatus status = default;
        if (string.IsNullOrWhiteSpace(r.Status)) errors.Add(Error.Validation("status", L["Validation.Required", "status"]));
        else if (!Enum.TryParse(r.Status, false, out status) || status == ProblemStatus.Open || !Enum.IsDefined(status))
            errors.Add(Error.Validation("status", L["Validation.OneOf", "status", $"{ProblemStatus.Solved}, {ProblemStatus.Closed}"]));
        var outcome = r.Outcome?.Trim();
        if (string.IsNullOrEmpty(outcome)) errors.Add(Error.Validation("outcome", T["Validation.OutcomeRequired", "outcome"]));
        if (errors.ToError() is { } invalid) return invalid;
        if (problem.Status != ProblemStatus.Open) return Error.Conflict("problem_closed", T["Problem.AlreadyClosed"]);
        problem.Status = status;
        problem.Outcome = outcome;
        problem.ClosedAt = clock.GetUtcNow();
        problem.ClosedBy = StudyPlans.By(user);
        await db.SaveChangesAsync(ct);
        return ToDto(problem, clock.Today(), me);
    }

    /// <summary>The loop of a unit's subtree: its research tasks (newest first), each with its course and its problems.</summary>
    public async Task<Result<Page<ResearchTaskDto>>> ListAsync(Guid? orgUnitId, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var q = db.ResearchTasks.AsNoTracking().UnderPath(unit.Value!.Path);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<ResearchTaskDto>(await DtosAsync(rows, await MyMemberIdAsync(ct), ct), page.Page, page.PageSize, total);
    }

    /// <summary>The tasks and problems the caller owns as a member on the roll.</summary>
    public async Task<Result<MyResearchDto>> MineAsync(CancellationToken ct)
    {
        var me = await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct);
        if (me is null || !user.IsAuthenticated) return Error.NotFound(T["Member.NotOnRoll"]);
        var tasks = await db.ResearchTasks.AsNoTracking().Where(t => t.OwnerMemberId == me.Id).OrderByDescending(t => t.CreatedAt).Take(200).ToListAsync(ct);
        var problems = await db.ResearchProblems.AsNoTracking().Where(p => p.OwnerMemberId == me.Id).OrderBy(p => p.Status).ThenBy(p => p.DueOn).Take(200)
            .ToListAsync(ct);
        var today = clock.Today();
        return new MyResearchDto(me.Name, await DtosAsync(tasks, me.Id, ct), problems.Select(p => ToDto(p, today, me.Id)).ToList());
    }

    private async Task<(Guid Id, string Name)?> OwnerAsync(Guid? memberId, string path, string field, FieldErrors errors, CancellationToken ct)
    {
        if (memberId is not { } id) { errors.Add(Error.Validation(field, L["Validation.Required", field])); return null; }
        var owner = await db.Members.AsNoTracking().InSubtree(path)
            .Where(m => m.Id == id && (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
            .Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct);
        if (owner is null) { errors.Add(Error.Validation(field, T["Validation.OwnerOutside", field])); return null; }
        return (owner.Id, owner.Name);
    }

    private void CheckDue(DateOnly? dueOn, FieldErrors errors)
    {
        if (dueOn is not { } due) errors.Add(Error.Validation("dueOn", L["Validation.Required", "dueOn"]));
        else if (due.Year is < StudyPlans.MinYear or > StudyPlans.MaxYear)
            errors.Add(Error.Validation("dueOn", L["Validation.DateOutOfRange", "dueOn", StudyPlans.MinYear, StudyPlans.MaxYear]));
    }

    private async Task<Guid?> MyMemberIdAsync(CancellationToken ct) =>
        user.IsAuthenticated ? await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct) : null;

    private async Task<List<ResearchTaskDto>> DtosAsync(IReadOnlyList<ResearchTask> tasks, Guid? me, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var problems = await db.ResearchProblems.AsNoTracking().Where(p => ids.Contains(p.TaskId)).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var courseIds = tasks.Select(t => t.CourseId).Distinct().ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var units = await plans.UnitNamesAsync(tasks.Select(t => t.OrgUnitId), ct);
        var today = clock.Today();
        return tasks.Select(t =>
        {
            var manage = user.Can(Permission.ManageEducation, t.OrgPath);
            return new ResearchTaskDto(t.Id, t.OrgUnitId, units.GetValueOrDefault(t.OrgUnitId, ""), t.CourseId, courses.GetValueOrDefault(t.CourseId, ""), t.Title,
                t.OwnerMemberId, t.OwnerName, t.DueOn, t.Status.ToString(), ResearchRules.TaskOverdue(t.Status, t.DueOn, today), t.Findings, t.FindingsAt,
                t.FindingsBy, t.CreatedAt, t.CreatedBy, manage, manage || t.OwnerMemberId == me,
                problems.Where(p => p.TaskId == t.Id).Select(p => ToDto(p, today, me)).ToList());
        }).ToList();
    }

    private ResearchProblemDto ToDto(ResearchProblem p, DateOnly today, Guid? me) =>
        new(p.Id, p.TaskId, p.Title, p.OwnerMemberId, p.OwnerName, p.DueOn, p.Status.ToString(), ResearchRules.ProblemOverdue(p.Status, p.DueOn, today), p.Outcome,
            p.ClosedAt, p.ClosedBy, p.Status == ProblemStatus.Open && (user.Can(Permission.ManageEducation, p.OrgPath) || p.OwnerMemberId == me));
}

/// <summary>When a task or a problem is overdue: still open after its deadline day (China time).</summary>
public static class ResearchRules
{
    public static bool TaskOverdue(ResearchStatus status, DateOnly dueOn, DateOnly today) => status == ResearchStatus.Open && today > dueOn;

    public static bool ProblemOverdue(ProblemStatus status, DateOnly dueOn, DateOnly today) => status == ProblemStatus.Open && today > dueOn;
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Education.Exams;

public sealed record AbsenteeDto(Guid MemberId, string Name, Guid OrgUnitId, string Branch);

/// <summary>How many took each exam under a unit, and how many attempts they handed in: the managers' list of exams.</summary>
public sealed record TurnoutDto(Guid ExamId, int People, int Attempts);

/// <summary>
/// Who took an exam and who has not (参考情况), for the managers' pages: the counts per exam under the unit a manager
/// looks from, and the party members expected by the results (<see cref="ExamsService.ResultsAsync"/>) with no attempt
/// handed in or timed out, so a branch secretary knows whom to remind.
/// </summary>
public sealed class ExamTurnout(AppDbContext db, OrgAccess access, ExamsAccess exams)
{
    /// <summary>Closed attempts per exam filed under the unit (ViewMembers on it, as for the results); exams without any are left out.</summary>
    public async Task<Result<IReadOnlyDictionary<Guid, TurnoutDto>>> CountsAsync(Guid unitId, IReadOnlyCollection<Guid> examIds, CancellationToken ct)
    {
        var unit = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var path = unit.Value!.Path;
        var upper = OrgPaths.UpperBound(path);
        var ids = examIds.Distinct().ToList();
        var rows = await db.ExamAttempts.AsNoTracking()
            .Where(a => ids.Contains(a.ExamId) && a.Status != AttemptStatus.InProgress && string.Compare(a.OrgPath, path) >= 0 && string.Compare(a.OrgPath, upper) < 0)
            .GroupBy(a => a.ExamId).Select(g => new { g.Key, People = g.Select(a => a.MemberId).Distinct().Count(), Attempts = g.Count() }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new TurnoutDto(r.Key, r.People, r.Attempts));
    }

    /// <summary>
    /// The party members under a unit (default the exam's) who have not taken the exam. The same reach as the results:
    /// ViewMembers on the unit, within the exam's subtree.
    /// </summary>
    public async Task<Result<Page<AbsenteeDto>>> AbsentAsync(Guid examId, Guid? orgUnitId, PageRequest page, CancellationToken ct)
    {
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId, ct);
        if (exam is null) return exams.ExamNotFound;
        var unit = await access.LoadAsync(orgUnitId ?? exam.OrgUnitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var path = OrgPaths.IsWithin(unit.Value!.Path, exam.OrgPath) ? unit.Value.Path : OrgPaths.IsWithin(exam.OrgPath, unit.Value.Path) ? exam.OrgPath : null;
        if (path is null || !exams.User.Can(Permission.ViewMembers, path)) return exams.ExamNotFound;
        var upper = OrgPaths.UpperBound(path);
        var took = (await db.ExamAttempts.AsNoTracking()
            .Where(a => a.ExamId == examId && a.Status != AttemptStatus.InProgress && string.Compare(a.OrgPath, path) >= 0 && string.Compare(a.OrgPath, upper) < 0)
            .Select(a => a.MemberId).Distinct().ToListAsync(ct)).ToHashSet();
        var members = (await db.Members.AsNoTracking().InSubtree(path).Select(m => new { m.Id, m.Name, m.OrgUnitId, m.OrgPath, m.Category }).ToListAsync(ct))
            .Where(m => Member.IsPartyMember(m.Category) && !took.Contains(m.Id))
            .OrderBy(m => m.OrgPath, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
        var shown = members.Skip(page.Skip).Take(page.PageSize).ToList();
        var unitIds = shown.Select(m => m.OrgUnitId).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new Page<AbsenteeDto>(shown.Select(m => new AbsenteeDto(m.Id, m.Name, m.OrgUnitId, names.GetValueOrDefault(m.OrgUnitId, ""))).ToList(),
            page.Page, page.PageSize, members.Count);
    }
}

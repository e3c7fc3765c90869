using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Education.Plans;

public sealed record UnitChoice(Guid Id, string Name);

public sealed record CourseChoice(Guid Id, string Title, CourseKind Kind, CourseCategory Category, bool Required, DateOnly? DueOn);

public sealed record MemberChoice(Guid Id, string Name, string OrgUnitName);

/// <summary>
/// What the forms of the plan, case and research pages offer to pick from: the units the caller holds a permission on,
/// the published courses a unit may plan (its own and those above it), and the party members of a unit's subtree who
/// may own a research task. Each list is read under the same checks as the use cases that take the choice.
/// </summary>
public sealed class PlanChoices(AppDbContext db, OrgAccess access, CurrentUser user)
{
    /// <summary>The most members a picker lists; a manager of a large unit picks a branch first.</summary>
    public const int MaxMembers = 500;

    public const int MaxCourses = 200;

    /// <summary>The units where the caller holds <paramref name="permission"/>, highest first, each once.</summary>
    public async Task<IReadOnlyList<UnitChoice>> UnitsAsync(Permission permission, CancellationToken ct)
    {
        var ids = user.Roles.Where(r => r.Role.Grants(permission)).OrderBy(r => r.OrgPath.Length).Select(r => r.OrgUnitId).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DissolvedAt == null).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return ids.Where(names.ContainsKey).Select(id => new UnitChoice(id, names[id])).ToList();
    }

    /// <summary>The branches and units below <paramref name="unitId"/> the caller sees members of (for narrowing a picker), the unit first.</summary>
    public async Task<Result<IReadOnlyList<UnitChoice>>> SubtreeAsync(Guid unitId, CancellationToken ct)
    {
        var unit = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var rows = await db.OrgUnits.AsNoTracking().InSubtree(unit.Value!.Path).Where(u => u.DissolvedAt == null).OrderBy(u => u.Path)
            .Select(u => new { u.Id, u.Name, u.Path }).Take(MaxMembers).ToListAsync(ct);
        return rows.Where(u => user.Can(Permission.ViewMembers, u.Path)).Select(u => new UnitChoice(u.Id, u.Name)).ToList();
    }

    /// <summary>The published courses a plan or a research task of the unit may take: published to it or to a unit above it, newest first.</summary>
    public async Task<Result<IReadOnlyList<CourseChoice>>> CoursesAsync(Guid unitId, CancellationToken ct)
    {
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var paths = GetOrgUnit.AncestorPaths(unit.Value!.Path);
        paths.Add(unit.Value.Path);
        return await db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published && paths.Contains(c.OrgPath))
            .OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id).Take(MaxCourses)
            .Select(c => new CourseChoice(c.Id, c.Title, c.Kind, c.Category, c.Required, c.DueOn)).ToListAsync(ct);
    }

    /// <summary>The party members (预备 and 正式, 党籍正常) of the unit's subtree, by unit then name, at most <see cref="MaxMembers"/>.</summary>
    public async Task<Result<IReadOnlyList<MemberChoice>>> MembersAsync(Guid unitId, CancellationToken ct)
    {
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var rows = await db.Members.AsNoTracking().InSubtree(unit.Value!.Path)
            .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
            .OrderBy(m => m.OrgPath).ThenBy(m => m.Name).Take(MaxMembers).Select(m => new { m.Id, m.Name, m.OrgUnitId }).ToListAsync(ct);
        var unitIds = rows.Select(r => r.OrgUnitId).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(r => new MemberChoice(r.Id, r.Name, names.GetValueOrDefault(r.OrgUnitId, ""))).ToList();
    }
}

using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Modules.Development.Review;

/// <summary>A level of the review and the unit it is held on.</summary>
public sealed record ReviewUnit(ReviewLevel Level, Guid UnitId, string UnitName, string UnitPath);

/// <summary>A sign-off already given in the current round.</summary>
public sealed record ReviewSign(ReviewLevel Level, ReviewDecision Decision, Guid UserId);

/// <summary>
/// 四级联审: the branch, the general branch (where there is one), the approving 党委 and its organisation department
/// sign a step in that order, each by someone holding the right role on that level, one person per level.
/// </summary>
public static class JointReviewRules
{
    public const string Article = "发展党员四级联审制度（党支部、党总支、党委、组织部门逐级审核签字）";

    private static readonly AppRole[] LevelRoles = [AppRole.BranchSecretary, AppRole.OrganizationCommissioner, AppRole.SystemAdmin];
    private static readonly AppRole[] DepartmentRoles = [AppRole.PartyAffairsWorker, AppRole.SystemAdmin];

    /// <param name="chain">The person's unit and its ancestors, root first.</param>
    public static IReadOnlyList<ReviewUnit> Levels(IReadOnlyList<OrgUnit> chain)
    {
        var levels = new List<ReviewUnit>();
        var committee = chain.LastOrDefault(u => u.Kind == OrgUnitKind.PartyCommittee);
        if (chain.LastOrDefault(u => u.Kind == OrgUnitKind.Branch) is { } branch) levels.Add(Of(ReviewLevel.Branch, branch));
        // A general branch counts only below the approving committee.
        if (chain.LastOrDefault(u => u.Kind == OrgUnitKind.GeneralBranch) is { } general && (committee is null || general.Depth > committee.Depth))
            levels.Add(Of(ReviewLevel.GeneralBranch, general));
        if (committee is not null)
        {
            levels.Add(Of(ReviewLevel.Committee, committee));
            levels.Add(Of(ReviewLevel.OrgDepartment, committee));
        }
        return levels;
    }

    /// <summary>The first level that has not signed, or null when all have.</summary>
    public static ReviewUnit? Next(IReadOnlyList<ReviewUnit> levels, IReadOnlyList<ReviewSign> signs) =>
        levels.FirstOrDefault(l => !signs.Any(s => s.Level == l.Level && s.Decision == ReviewDecision.Approved));

    /// <summary>Null when the caller may sign <paramref name="level"/>; otherwise why not.</summary>
    public static Error? CanSign(ReviewUnit level, IReadOnlyList<ScopedRole> roles, Guid userId, IReadOnlyList<ReviewSign> signs)
    {
        var holds = level.Level == ReviewLevel.OrgDepartment
            ? roles.Any(r => DepartmentRoles.Contains(r.Role) && r.Scope switch
            {
                DataScope.All => true,
                DataScope.OwnUnitAndBelow => level.UnitPath.StartsWith(r.OrgPath, StringComparison.Ordinal),
                DataScope.OwnUnit => r.OrgUnitId == level.UnitId,
                _ => false,
            })
            : roles.Any(r => LevelRoles.Contains(r.Role) && r.Scope != DataScope.Self && r.OrgUnitId == level.UnitId);
        if (!holds)
            return new Error("DEV_REVIEW_ROLE", $"待{Name(level)}签署：须由{Who(level)}签署", StatusCodes.Status403Forbidden, Article);
        if (signs.Any(s => s.UserId == userId && s.Decision == ReviewDecision.Approved))
            return new Error("DEV_REVIEW_SAME_PERSON", "同一人不能在联审中签署两级", StatusCodes.Status403Forbidden, Article);
        return null;
    }

    public static string Name(ReviewUnit level) => level.Level switch
    {
        ReviewLevel.Branch => $"党支部（{level.UnitName}）",
        ReviewLevel.GeneralBranch => $"党总支（{level.UnitName}）",
        ReviewLevel.Committee => $"党委（{level.UnitName}）",
        _ => $"组织部门（{level.UnitName}）",
    };

    private static string Who(ReviewUnit level) => level.Level == ReviewLevel.OrgDepartment
        ? $"{level.UnitName}或其上级的党务工作者"
        : $"在{level.UnitName}任书记或组织委员的用户";

    private static ReviewUnit Of(ReviewLevel level, OrgUnit unit) => new(level, unit.Id, unit.Name, unit.Path);
}

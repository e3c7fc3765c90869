using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

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
    public const string Article = DevelopmentArticles.JointReview;

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
    public static Error? CanSign(ReviewUnit level, IReadOnlyList<ScopedRole> roles, Guid userId, IReadOnlyList<ReviewSign> signs, IStringLocalizer<DevelopmentText> T)
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
            return new Error("DEV_REVIEW_ROLE", T["Dev.Review.WrongRole", Name(level, T), Who(level, T)], StatusCodes.Status403Forbidden, Article);
        if (signs.Any(s => s.UserId == userId && s.Decision == ReviewDecision.Approved))
            return new Error("DEV_REVIEW_SAME_PERSON", T["Dev.Review.SamePerson"], StatusCodes.Status403Forbidden, Article);
        return null;
    }

    /// <summary>党支部（第一支部）: the level and the unit it is held on.</summary>
    public static string Name(ReviewUnit level, IStringLocalizer<DevelopmentText> T) => T["Dev.Review.Level." + level.Level, level.UnitName];

    private static string Who(ReviewUnit level, IStringLocalizer<DevelopmentText> T) =>
        T[level.Level == ReviewLevel.OrgDepartment ? "Dev.Review.Who.Department" : "Dev.Review.Who.Level", level.UnitName];

    private static ReviewUnit Of(ReviewLevel level, OrgUnit unit) => new(level, unit.Id, unit.Name, unit.Path);
}

namespace Dangjian.Web.Platform.Auth;

/// <summary>The roles a user can hold on a unit; a role on a unit holds for its subtree (subject to the data scope).</summary>
public enum AppRole
{
    SystemAdmin,
    PartyAffairsWorker,
    BranchSecretary,
    OrganizationCommissioner,
    PublicityCommissioner,
    DisciplineCommissioner,
    Member,
    Observer,
    /// <summary>党小组长: records the points of their 党小组's members for the secretary to approve (docs/rules/points-and-assessment.md).</summary>
    GroupLeader,
}

/// <summary>How far a role reaches from the unit it is held on.</summary>
public enum DataScope
{
    OwnUnitAndBelow,
    OwnUnit,
    All,
    Self,
}

/// <summary>What a caller may do; roles grant permissions, units bound where.</summary>
public enum Permission
{
    ViewOrg,
    ManageOrg,
    ManageCommittee,
    ManageUsers,
    ViewAudit,
    VerifyLedger,
    ViewMembers,
    ManageMembers,
    ViewPersonalData,
    ManageCodeTables,
    ManageMeetings,
    ManageEducation,
    /// <summary>Points rules and approvals, political check-ups, branch assessment, appraisal and honours of the units in scope.</summary>
    ManageAssessment,
    /// <summary>Records (claims) points for members in scope, to be approved by someone who manages assessment.</summary>
    AwardPoints,
}

public static class RolePermissions
{
    private static readonly Dictionary<AppRole, Permission[]> Map = new()
    {
        [AppRole.SystemAdmin] = Enum.GetValues<Permission>(),
        [AppRole.PartyAffairsWorker] =
        [
            Permission.ViewOrg, Permission.ManageOrg, Permission.ManageCommittee, Permission.ViewAudit,
            Permission.ViewMembers, Permission.ManageMembers, Permission.ViewPersonalData, Permission.ManageMeetings, Permission.ManageEducation,
            Permission.ManageAssessment, Permission.AwardPoints,
        ],
        [AppRole.BranchSecretary] =
        [
            Permission.ViewOrg, Permission.ManageOrg, Permission.ManageCommittee,
            Permission.ViewMembers, Permission.ManageMembers, Permission.ViewPersonalData, Permission.ManageMeetings, Permission.ManageEducation,
            Permission.ManageAssessment, Permission.AwardPoints,
        ],
        [AppRole.OrganizationCommissioner] =
        [
            Permission.ViewOrg, Permission.ManageCommittee, Permission.ViewMembers, Permission.ManageMembers, Permission.ViewPersonalData,
            Permission.ManageMeetings, Permission.ManageEducation, Permission.ManageAssessment, Permission.AwardPoints,
        ],
        [AppRole.PublicityCommissioner] = [Permission.ViewOrg, Permission.ViewMembers, Permission.ManageMeetings, Permission.ManageEducation],
        [AppRole.DisciplineCommissioner] = [Permission.ViewOrg, Permission.ViewMembers],
        [AppRole.Member] = [Permission.ViewOrg],
        [AppRole.Observer] = [Permission.ViewOrg, Permission.ViewMembers],
        [AppRole.GroupLeader] = [Permission.ViewOrg, Permission.ViewMembers, Permission.AwardPoints],
    };

    public static bool Grants(this AppRole role, Permission permission) => Map[role].Contains(permission);
}

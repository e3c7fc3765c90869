using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Modules.Members;

/// <summary>人员类别 along the life cycle: 群众 → 入党申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员.</summary>
[ModuleContract]
public enum MemberCategory
{
    Masses,
    Applicant,
    Activist,
    Candidate,
    Probationary,
    Full,
}

[ModuleContract]
public enum Gender
{
    Male,
    Female,
}

/// <summary>党籍状态 and how a person left the roll; people are kept, never deleted.</summary>
[ModuleContract]
public enum MembershipStatus
{
    Normal,
    Suspended,
    Left,
    Deceased,
    TransferredOut,
}

/// <summary>
/// One person's record for the whole life cycle, with the fields of the national system (docs/rules/registry.md#r-1).
/// <see cref="OrgPath"/> copies the unit's path so subtree counts are an index range. The ID number, mobile number
/// and home address are stored encrypted; <see cref="IdNumberHash"/> is a keyed hash for look-ups.
/// </summary>
[ModuleContract]
public sealed class Member : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public MemberCategory Category { get; set; }
    public MembershipStatus Status { get; set; }
    public DateOnly? BirthDate { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? FullMemberOn { get; set; }
    public string? JobPost { get; set; }
    public string? Education { get; set; }
    public string? Ethnicity { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    // Encrypted personal data (PersonalDataProtector) and the look-up hash.
    public string? IdNumberEncrypted { get; set; }
    public string? IdNumberHash { get; set; }
    public string? IdNumberMasked { get; set; }
    public string? MobileEncrypted { get; set; }
    public string? HomeAddressEncrypted { get; set; }
    public string? Telephone { get; set; }

    // State.
    public bool IsMobile { get; set; }
    public string? MobileDestination { get; set; }
    public DateOnly? OutOfContactSince { get; set; }
    public string? OutOfContactReason { get; set; }

    /// <summary>
    /// 党费交至 on the 介绍信 of a person who came from outside the tenant (first day of the month): the months up to it
    /// were paid at the former organisation, so they are never arrears here.
    /// </summary>
    public DateOnly? DuesSettledUntil { get; set; }

    // Extended fields of the national system.
    public string? Degree { get; set; }
    public int PartyAgeAdjustmentMonths { get; set; }
    public string? NewSocialStratum { get; set; }
    public string? ProfessionalTitle { get; set; }
    public bool IsMigrantWorker { get; set; }
    public string? Residence { get; set; }
    public string? HouseholdRegistration { get; set; }
    public string? NativePlace { get; set; }
    public string? MaritalStatus { get; set; }
    public string? JoinType { get; set; }
    public int ProbationExtendedMonths { get; set; }
    public string? BranchAtJoining { get; set; }
    public DateOnly? AppliedOn { get; set; }
    public DateOnly? ActivistOn { get; set; }
    public DateOnly? CandidateOn { get; set; }
    public DateOnly? WorkStartedOn { get; set; }
    public string? WorkUnitAndPost { get; set; }
    public string? FrontLine { get; set; }
    public string? DossierLocation { get; set; }

    /// <summary>The account of the person themself, so they can see their record and who looked at it.</summary>
    public Guid? UserId { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;

    public static bool IsPartyMember(MemberCategory c) => c is MemberCategory.Full or MemberCategory.Probationary;
}

/// <summary>A look at a person's unmasked personal data or an export containing it: who, when, what.</summary>
public sealed class MemberAccessLog : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public required string Action { get; set; }
    public string? Detail { get; set; }
}

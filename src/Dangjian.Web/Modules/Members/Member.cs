using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Modules.Members;

/// <summary>人员类别 along the life cycle: 群众 → 入党申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员.</summary>
public enum MemberCategory
{
    Masses,
    Applicant,
    Activist,
    Candidate,
    Probationary,
    Full,
}

public enum Gender
{
    Male,
    Female,
}

/// <summary>
/// A person on the roll of a unit. <see cref="OrgPath"/> copies the unit's path so subtree counts are an index range.
/// </summary>
public sealed class Member : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public MemberCategory Category { get; set; }
    public DateOnly? BirthDate { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? FullMemberOn { get; set; }
    public string? JobPost { get; set; }
    public string? Education { get; set; }
    public string? Ethnicity { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;

    public static bool IsPartyMember(MemberCategory c) => c is MemberCategory.Full or MemberCategory.Probationary;
}

using Dangjian.Web.Modules.Members;

namespace Dangjian.Web.Modules.Education.Plans;

/// <summary>What the audience rules read of one person: the member record's category, dates and flags, and whether they sit on a committee in office.</summary>
public sealed record AudienceFacts(MemberCategory Category, MembershipStatus Status, DateOnly? JoinedOn, DateOnly? FullMemberOn, bool IsMobile,
    string? JobPost, bool SitsOnCommittee);

/// <summary>
/// Who a plan's audience is (分层分类), derived from the record, never typed per person. Every audience is of party
/// members (预备 and 正式, 党籍正常). New members are those who joined (入党) or became full members (转正) within the year
/// before the day asked (docs/rules/education.md#e-3 names both); retired members are those whose 工作岗位 is the
/// national code table's 离退休人员; secretaries and committee members sit on the committee in office of their unit or
/// of a unit above it.
/// </summary>
public static class AudienceRules
{
    /// <summary>The 工作岗位 value of retired people (the code table's twelfth value, stored as written).</summary>
    public static readonly string RetiredJobPost = Platform.CodeTables.CodeTableDefaults.Value("jobPost", 12);

    public static bool IsPartyMember(AudienceFacts f) => Member.IsPartyMember(f.Category) && f.Status == MembershipStatus.Normal;

    public static bool IsNew(DateOnly? joinedOn, DateOnly? fullMemberOn, DateOnly asOf) =>
        (joinedOn is { } j && j > asOf.AddYears(-1) && j <= asOf) || (fullMemberOn is { } f && f > asOf.AddYears(-1) && f <= asOf);

    public static bool Matches(PlanAudience audience, AudienceFacts f, DateOnly asOf) => IsPartyMember(f) && audience switch
    {
        PlanAudience.AllMembers => true,
        PlanAudience.Leaders => f.SitsOnCommittee,
        PlanAudience.NewMembers => IsNew(f.JoinedOn, f.FullMemberOn, asOf),
        PlanAudience.Probationary => f.Category == MemberCategory.Probationary,
        PlanAudience.Mobile => f.IsMobile,
        PlanAudience.Retired => string.Equals(f.JobPost?.Trim(), RetiredJobPost, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The day a year's audience is read on: today while the year runs, its last day once it is over, its first before it starts.</summary>
    public static DateOnly AsOf(int year, DateOnly today) =>
        today.Year == year ? today : today.Year > year ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
}

using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Modules.Dues.Usage;
using Dangjian.Web.Modules.Members;

namespace Dangjian.Web.Modules.Dues;

/// <summary>POST /api/v1/members/{id}/dues/bases. Text and nullable fields so that every bad value is named, not a bare 400.</summary>
public sealed record SetDuesBaseRequest(string? EffectiveMonth, string? Category, long? BaseFen, [MaxLength(Payments.SetDuesBase.NoteMaxLength)] string? Note);

/// <summary>POST /api/v1/members/{id}/dues/payments.</summary>
public sealed record RecordDuesPaymentRequest(
    string? Month, long? AmountFen, long? VoluntaryFen, string? PaidOn, string? Method, bool? ProxyConsent);

/// <summary>A base with the monthly amount it gives, the rate applied and the article it rests on.</summary>
public sealed record DuesBaseDto(Guid Id, string EffectiveMonth, DuesCategory Category, long BaseFen, long MonthlyFen, string Rate, string Rule, string? Note);

/// <summary>A recorded payment.</summary>
public sealed record DuesPaymentDto(
    Guid Id, Guid MemberId, string Month, long AmountFen, long VoluntaryFen, DateOnly PaidOn, DuesPaymentMethod Method, bool ProxyConsent,
    bool ToCentre, string Status);

/// <summary>
/// One month's bill. <c>amountFen</c> is the computed amount (0 when the month is not billed or has no base);
/// <c>status</c> is one of paid | backPaid | unpaid | exempt | notDue | noBase (see <see cref="DuesBillStatus"/>);
/// the payment fields are set when the month was paid.
/// </summary>
[ModuleContract]
public sealed record DuesBillDto(
    string Month, long AmountFen, string Status, DateOnly? PaidOn, long? PaidFen, long VoluntaryFen, bool ToCentre, DuesPaymentMethod? Method);

/// <summary>
/// A member's bills for a year, with the bases they were computed from. <c>settledElsewhereUntil</c>: 党费交至 on the
/// 介绍信 of a member who transferred in; months up to it are <c>settledElsewhere</c>.
/// </summary>
[ModuleContract]
public sealed record DuesBillsDto(
    Guid MemberId, string Name, Guid OrgUnitId, string OrgUnitName, MemberCategory Category, int Year, bool IsPartyMember, string? FirstBillMonth, IReadOnlyList<DuesBaseDto> Bases, IReadOnlyList<DuesBillDto> Bills,
    long BilledFen, long PaidFen, long VoluntaryFen, string? SettledElsewhereUntil = null);

/// <summary>A party member with consecutive unpaid months up to <c>upToMonth</c>, from <c>since</c> on.</summary>
public sealed record ArrearsItem(Guid MemberId, string Name, Guid OrgUnitId, string OrgUnitName, int Months, string Since, ArrearsLevel Level);

/// <summary>
/// GET /api/v1/dues/arrears: one page of the members in arrears, the longest first. Warning from
/// <c>warningMonths</c>, flag from <c>flagMonths</c> (第十三条); nobody is ever removed by the platform.
/// </summary>
public sealed record ArrearsReportDto(
    Guid OrgUnitId, string UpToMonth, int WarningMonths, int FlagMonths, string Rule,
    IReadOnlyList<ArrearsItem> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// One month (or the year, as totals) of a unit's collection. Counts are about the party members on the roll now:
/// <c>dueCount</c> bills issued (the month has come, or it was paid in advance), <c>paidCount</c> of them paid,
/// <c>amountDueFen</c> their computed amounts. Money is what the unit collected (payments recorded in its subtree,
/// 第九条), also for people who have since moved: <c>collectedFen</c> regular dues, <c>voluntaryFen</c> voluntary extra,
/// <c>toCentreFen</c> the part of it that goes entirely to the Centre (single payments of ¥1,000 or more, 第十一条).
/// </summary>
public sealed record CollectionRow(string Month, int DueCount, int PaidCount, long AmountDueFen, long CollectedFen, long VoluntaryFen, long ToCentreFen);

/// <summary>
/// GET /api/v1/dues/collection: per month and for the year. <c>yearTotalFen</c> = regular dues + voluntary dues kept
/// (not the ¥1,000+ payments); <c>centreShareFen</c> = its <c>centreSharePercent</c>% (第十五条), due by
/// <c>handUpBy</c> (end of April of the next year); <c>handUpFen</c> = the share + <c>toCentreFen</c>.
/// </summary>
public sealed record CollectionReportDto(
    Guid OrgUnitId, int Year, IReadOnlyList<CollectionRow> Months, CollectionRow Totals, long YearTotalFen, int CentreSharePercent,
    long CentreShareFen, long ToCentreFen, long HandUpFen, DateOnly HandUpBy, string Rule);

/// <summary>POST /api/v1/org-units/{id}/dues/usages. Text and nullable fields so that every bad value is named, not a bare 400.</summary>
public sealed record RecordDuesUsageRequest(string? SpentOn, long? AmountFen, string? Purpose,
    [MultiLine, MaxLength(DuesUsageConfiguration.DescriptionMaxLength)] string? Description, [MaxLength(DuesUsageConfiguration.ApprovedByMaxLength)] string? ApprovedBy,
    string? ApprovedOn);

/// <summary>POST /api/v1/org-units/{id}/dues/usages/{usageId}/reversal.</summary>
public sealed record ReverseDuesUsageRequest([MultiLine, MaxLength(DuesUsageConfiguration.DescriptionMaxLength)] string? Reason);

/// <summary>
/// A usage entry. A reversal has a negative <c>amountFen</c> and <c>reversesId</c>; an entry that was reversed has
/// <c>reversedById</c>.
/// </summary>
public sealed record DuesUsageDto(
    Guid Id, Guid OrgUnitId, string OrgUnitName, DateOnly SpentOn, long AmountFen, DuesUsagePurpose Purpose, string Description, string ApprovedBy,
    DateOnly ApprovedOn, Guid? ReversesId, Guid? ReversedById, DateTimeOffset CreatedAt);

/// <summary>A recorded entry with the year's balance after it.</summary>
public sealed record DuesUsageRecordedDto(DuesUsageDto Usage, DuesYearBalance Balance);

/// <summary>The year's usage of one purpose (reversals netted).</summary>
public sealed record DuesUsageByPurpose(DuesUsagePurpose Purpose, long AmountFen);

/// <summary>
/// GET /api/v1/org-units/{id}/dues/usages: one page of the year's entries (newest first), the year's total used, per
/// purpose, and the balance (collected − the Centre's share − used).
/// </summary>
public sealed record DuesUsageListDto(
    Guid OrgUnitId, string OrgUnitName, int Year, IReadOnlyList<DuesUsageDto> Items, int PageNumber, int PageSize, int Total, long UsedFen,
    IReadOnlyList<DuesUsageByPurpose> ByPurpose, DuesYearBalance Balance, long OverdraftFen, string Rule)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// One person of the annual publication: the monthly amount in force at the end of the year (or now), the months paid
/// in the unit that year, regular and voluntary dues paid. Names only: no ID numbers, no ids.
/// </summary>
public sealed record DuesPublicationMember(string Name, string OrgUnitName, long MonthlyFen, int MonthsPaid, long PaidFen, long VoluntaryFen);

/// <summary>
/// GET /api/v1/org-units/{id}/dues/publication (党费收缴使用情况公示): the people and their dues, the year's money
/// (collected, handed up, used per purpose, balance) and the hand-up date.
/// </summary>
public sealed record DuesPublicationDto(
    Guid OrgUnitId, string OrgUnitName, int Year, IReadOnlyList<DuesPublicationMember> Members, int MonthsPaid, DuesYearBalance Balance,
    IReadOnlyList<DuesUsageByPurpose> UsedByPurpose, DateOnly HandUpBy, string Rule);

using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Modules.Members.Transfers;

/// <summary>Within the tenant (branch to branch), or out of it with a numbered 介绍信.</summary>
public enum TransferKind
{
    Internal,
    Outgoing,
}

public enum TransferStatus
{
    Pending,
    Accepted,
    Rejected,
    Cancelled,
}

/// <summary>
/// 组织关系转接: the person stays on the old unit's roll, and the old unit stays responsible, until the receiving
/// side accepts (internal) or the return slip (回执) comes back (outgoing) (《中国共产党党员教育管理工作条例》第二十五条).
/// </summary>
public sealed class MemberTransfer : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public required string MemberName { get; set; }
    public Guid FromUnitId { get; set; }
    [OrgPathCopy]
    public required string FromPath { get; set; }
    public Guid? ToUnitId { get; set; }
    [OrgPathCopy]
    public string? ToPath { get; set; }
    public string? Destination { get; set; }
    public TransferKind Kind { get; set; }
    public TransferStatus Status { get; set; }
    public required string LetterNumber { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ValidUntil { get; set; }
    public DateOnly? DuesPaidUntil { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string? DecisionNote { get; set; }

    Guid IAudited.AuditOrgUnitId => FromUnitId;
}

/// <summary>Letter validity and number of docs/rules/transfers.md#t-4 and #t-3: settings.</summary>
public sealed class TransferOptions
{
    public const string Section = "Rules:Transfers";
    public int WithinCityDays { get; set; } = 10;
    public int ElsewhereDays { get; set; } = 30;
    public int MaxDays { get; set; } = 90;
    public string LetterPrefix { get; set; } = PersonOnDocument.F["Transfer.NumberPrefix"];
}

[Platform.RegulationNames]
public static class TransferArticles
{
    public const string Transfer = "《中国共产党党员教育管理工作条例》第二十五条";
}

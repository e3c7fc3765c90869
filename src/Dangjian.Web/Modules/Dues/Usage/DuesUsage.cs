using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Modules.Dues.Usage;

/// <summary>What retained dues were spent on (党费使用), as the branch reports it.</summary>
public enum DuesUsagePurpose
{
    /// <summary>培训党员.</summary>
    Training,

    /// <summary>订阅党报党刊 (and other education materials).</summary>
    Publications,

    /// <summary>表彰 (先进基层党组织、优秀共产党员、优秀党务工作者).</summary>
    Commendation,

    /// <summary>慰问困难党员.</summary>
    Hardship,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>
/// One spending of retained dues by a unit (党费使用), append-only like payments: each is a "dues.used" ledger entry.
/// A wrong entry is not edited or deleted; a reversal (<see cref="ReversesId"/>, the negative amount) cancels it,
/// with its own ledger entry. <see cref="OrgPath"/> copies the unit's path so a subtree's usage is an index range.
/// </summary>
public sealed class DuesUsage : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }

    /// <summary>The day the money was spent; the year of the balance it counts in.</summary>
    public DateOnly SpentOn { get; set; }

    /// <summary>Fen spent; negative for a reversal.</summary>
    public long AmountFen { get; set; }

    public DuesUsagePurpose Purpose { get; set; }
    public required string Description { get; set; }
    public required string ApprovedBy { get; set; }
    public DateOnly ApprovedOn { get; set; }

    /// <summary>For a reversal: the entry it cancels (each entry can be reversed once).</summary>
    public Guid? ReversesId { get; set; }

    public Guid? RecordedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

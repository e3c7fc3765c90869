using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Modules.Dues;

/// <summary>
/// A member's dues base (党费计算基数) from a month on: it applies from <see cref="EffectiveMonth"/> until a later base
/// replaces it (第十条: the new base applies from the month the new pay is received). Fixed-amount categories keep 0.
/// </summary>
public sealed class DuesBase : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }

    /// <summary>The member's unit when the base was set: whose administrators read the audit entry.</summary>
    public Guid OrgUnitId { get; set; }

    /// <summary>First day of the month from which the base applies.</summary>
    public DateOnly EffectiveMonth { get; set; }

    public DuesCategory Category { get; set; }
    public long BaseFen { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

/// <summary>How a month's dues reached the branch (第十二条: monthly; quarterly or by proxy with consent).</summary>
public enum DuesPaymentMethod
{
    /// <summary>The member paid themself.</summary>
    Self,

    /// <summary>Someone else paid for the member; only with the member's consent (第十四条).</summary>
    Proxy,

    /// <summary>Paid together for a quarter (按季度交纳).</summary>
    Quarterly,
}

/// <summary>
/// One month's dues paid by one member (at most one per member and month). <see cref="OrgPath"/> copies the path of
/// the unit that collected it (第九条: the branch holding the membership relation), so a unit's collection is an
/// index range; it does not follow the member to a new unit.
/// </summary>
public sealed class DuesPayment : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }

    /// <summary>First day of the month paid for.</summary>
    public DateOnly Month { get; set; }

    /// <summary>The regular dues paid for the month; at least the month's computed amount.</summary>
    public long AmountFen { get; set; }

    /// <summary>Voluntary extra dues (自愿多交) paid with the month (第十一条).</summary>
    public long VoluntaryFen { get; set; }

    public DateOnly PaidOn { get; set; }
    public DuesPaymentMethod Method { get; set; }

    /// <summary>For a proxy payment: the member's consent is on record (第十四条).</summary>
    public bool ProxyConsent { get; set; }

    /// <summary>The voluntary part is ¥1,000 or more and goes entirely to the Centre (第十一条).</summary>
    public bool ToCentre { get; set; }

    public Guid? RecordedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

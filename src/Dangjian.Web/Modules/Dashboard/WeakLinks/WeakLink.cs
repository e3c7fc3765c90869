using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Dashboard.WeakLinks;

public enum WeakLinkStatus
{
    Open,
    Assigned,
    Closed,

    /// <summary>No longer found by the rules: it went away by itself (or by work nobody recorded here).</summary>
    Resolved,
}

/// <summary>
/// 薄弱环节: a branch or a member that needs attention, found by a rule (<see cref="WeakLinkRules"/>), with the reason in
/// words and the data behind it; assigned to someone, followed up and closed. <see cref="Key"/> keeps one item per
/// finding (rule, unit or member, and the period where it has one).
/// </summary>
public sealed class WeakLink : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Key { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public required string OrgUnitName { get; set; }
    public Guid? MemberId { get; set; }
    public string? MemberName { get; set; }
    public required string Rule { get; set; }
    public required string Reason { get; set; }
    public required string Article { get; set; }
    public int Score { get; set; }
    public WeakLinkStatus Status { get; set; }
    public string? AssignedTo { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

internal sealed class WeakLinkConfiguration : IEntityTypeConfiguration<WeakLink>
{
    public void Configure(EntityTypeBuilder<WeakLink> e)
    {
        e.ToTable("WeakLinks");
        e.Property(w => w.Key).HasMaxLength(200);
        e.Property(w => w.OrgPath).HasMaxLength(400);
        e.Property(w => w.OrgUnitName).HasMaxLength(200);
        e.Property(w => w.MemberName).HasMaxLength(100);
        e.Property(w => w.Rule).HasMaxLength(40);
        e.Property(w => w.Reason).HasMaxLength(1000);
        e.Property(w => w.Article).HasMaxLength(200);
        e.Property(w => w.AssignedTo).HasMaxLength(100);
        e.Property(w => w.Note).HasMaxLength(2000);
        e.HasIndex(w => new { w.TenantId, w.Key }).IsUnique();
        e.HasIndex(w => new { w.TenantId, w.OrgPath, w.Status });
    }
}

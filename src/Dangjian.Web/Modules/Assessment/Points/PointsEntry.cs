using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Assessment.Points;

public enum PointsStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// One line of a member's points (docs/rules/points-and-assessment.md#pa-6): the item it applies, the points, the day
/// (China time) and, for a claim, who recorded it and who decided (#pa-8). <see cref="SourceKey"/> names the record it
/// was counted from (a meeting, a month, an exam attempt) and is unique per member and item, so counting again adds
/// nothing. Filed under the member's unit so the lists and rankings of a subtree are one index range.
/// </summary>
public sealed class PointsEntry : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public DateOnly Day { get; set; }
    public int Year { get; set; }
    /// <summary>The day's month (1–12): quarters and months are ranked from it.</summary>
    public int Month { get; set; }
    public Guid RuleId { get; set; }
    public string RuleCode { get; set; } = "";
    public string RuleName { get; set; } = "";
    public PointsKind Kind { get; set; }
    public int Points { get; set; }
    public string? Reason { get; set; }
    public required string SourceKey { get; set; }
    public PointsStatus Status { get; set; }
    public Guid? ClaimedById { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? DecidedById { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RejectReason { get; set; }
    public Guid AuditOrgUnitId => OrgUnitId;
}

/// <summary>
/// A member's approved points of one year, kept in the transaction of each approval so the statement and the rankings
/// read one row per member instead of summing lines (#pa-9).
/// </summary>
public sealed class PointsBalance : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public int Year { get; set; }
    public int Total { get; set; }
    public int Lines { get; set; }
    public DateTimeOffset LastAt { get; set; }
}

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> e)
    {
        e.ToTable("PointsEntries");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.MemberName).HasMaxLength(100);
        e.Property(x => x.RuleCode).HasMaxLength(40);
        e.Property(x => x.RuleName).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(200);
        e.Property(x => x.SourceKey).HasMaxLength(100);
        e.Property(x => x.ClaimedBy).HasMaxLength(100);
        e.Property(x => x.DecidedBy).HasMaxLength(100);
        e.Property(x => x.RejectReason).HasMaxLength(200);
        // Deciding writes WHERE Status = 'Pending': of two decisions at once (a double click), one changes the line.
        e.Property(x => x.Status).IsConcurrencyToken();
        e.HasIndex(x => new { x.TenantId, x.MemberId, x.RuleId, x.SourceKey }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.MemberId, x.Year });
        e.HasIndex(x => new { x.TenantId, x.Status, x.OrgPath });
        e.HasIndex(x => new { x.TenantId, x.Year, x.Month, x.OrgPath });
    }
}

internal sealed class PointsBalanceConfiguration : IEntityTypeConfiguration<PointsBalance>
{
    public void Configure(EntityTypeBuilder<PointsBalance> e)
    {
        e.ToTable("PointsBalances");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.MemberName).HasMaxLength(100);
        // Two approvals for one member at once: the second finds Lines changed and is answered 409, not lost.
        e.Property(x => x.Lines).IsConcurrencyToken();
        e.HasIndex(x => new { x.TenantId, x.MemberId, x.Year }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.Year, x.OrgPath });
        e.HasIndex(x => new { x.TenantId, x.Year, x.Total });
    }
}

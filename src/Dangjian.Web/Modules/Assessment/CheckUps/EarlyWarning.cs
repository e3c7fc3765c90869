using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>What a warning is about (docs/rules/points-and-assessment.md#pa-11).</summary>
public enum WarningKind
{
    Absences,
    DuesArrears,
    StudyFarBelow,
    CheckUpMissing,
    ReviewTalk,
}

public enum WarningStatus
{
    Open,
    Handled,
    Dismissed,
}

/// <summary>How the secretary took a warning up (谈心谈话, 批评教育, 限期改正, 其他).</summary>
public enum HandlingMeasure
{
    HeartToHeartTalk,
    CriticismEducation,
    RectifyByDeadline,
    Other,
}

/// <summary>
/// 预警: a member the records say needs the secretary's attention, with the evidence (a text and its number) and what
/// was done about it. <see cref="Basis"/> names the evidence (the quarter, the last month paid, the first meeting missed),
/// so a job run again raises nothing twice, and a handled warning comes back only on new evidence.
/// </summary>
public sealed class EarlyWarning : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public WarningKind Kind { get; set; }
    public required string Basis { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public string Evidence { get; set; } = "";
    public int? EvidenceNumber { get; set; }
    public WarningStatus Status { get; set; }
    public HandlingMeasure? Measure { get; set; }
    public string? Note { get; set; }
    public Guid? HandledByUserId { get; set; }
    public string? HandledBy { get; set; }
    public DateTimeOffset? HandledAt { get; set; }

    public Guid AuditOrgUnitId => OrgUnitId;
}

internal sealed class EarlyWarningConfiguration : IEntityTypeConfiguration<EarlyWarning>
{
    public void Configure(EntityTypeBuilder<EarlyWarning> e)
    {
        e.ToTable("EarlyWarnings");
        e.Property(w => w.MemberName).HasMaxLength(100);
        e.Property(w => w.OrgPath).HasMaxLength(400);
        e.Property(w => w.Basis).HasMaxLength(40);
        e.Property(w => w.Evidence).HasMaxLength(400);
        e.Property(w => w.Measure).HasConversion<string>().HasMaxLength(40);
        e.Property(w => w.Note).HasMaxLength(1000);
        e.Property(w => w.HandledBy).HasMaxLength(100);
        // Handling and dismissing write WHERE Status = 'Open': of two decisions at once, one stands.
        e.Property(w => w.Status).IsConcurrencyToken();
        // The same evidence raises one warning, however often the job runs.
        e.HasIndex(w => new { w.TenantId, w.MemberId, w.Kind, w.Basis }).IsUnique();
        // At most one open warning per member and kind.
        e.HasIndex(w => new { w.TenantId, w.MemberId, w.Kind }).IsUnique().HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_EarlyWarnings_Open");
        e.HasIndex(w => new { w.TenantId, w.OrgPath, w.RaisedAt });
    }
}

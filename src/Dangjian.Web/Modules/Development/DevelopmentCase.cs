using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Development;

[ModuleContract]
public enum CaseStatus
{
    /// <summary>From the application to the approval of admission (steps 1–17).</summary>
    Open,
    /// <summary>Admitted as 预备党员; probation running (steps 18–24).</summary>
    Probation,
    /// <summary>Full member; only the archiving step may remain.</summary>
    Full,
    /// <summary>预备党员资格 cancelled at step 23, or the case closed.</summary>
    Cancelled,
}

/// <summary>
/// 发展党员: one person's way from the application to full membership. The case follows the person (their unit is
/// the person's current unit), so it moves with an organisational-relation transfer.
/// </summary>
public sealed class DevelopmentCase : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public Guid OpenedInUnitId { get; set; }
    public CaseStatus Status { get; set; }
    public DateOnly ApplicationDate { get; set; }
    public int LastStep { get; set; }
    public DateOnly? LastStepOn { get; set; }
    public DateOnly? ResolutionOn { get; set; }
    public DateOnly? ProbationEndsOn { get; set; }
    public int ExtendedMonths { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>
    /// Raised by every step recorded and every review signed; the case's concurrency token. Two requests that read the
    /// case at once and both record a step (or sign) cannot both save: the second finds the version moved and is refused
    /// (409) with its step row and ledger entry. Step numbers alone cannot tell, since a step may follow itself (考察, a
    /// step returned by the review).
    /// </summary>
    public int Version { get; set; }

    Guid IAudited.AuditOrgUnitId => OpenedInUnitId;
}

/// <summary>One step done: its date, what was recorded (JSON) and the warnings that stay on the record.</summary>
public sealed class DevelopmentStepRecord : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CaseId { get; set; }
    public int Step { get; set; }
    public DateOnly Date { get; set; }
    public required string Data { get; set; }
    public string? Warnings { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class DevelopmentCaseConfiguration : IEntityTypeConfiguration<DevelopmentCase>
{
    public void Configure(EntityTypeBuilder<DevelopmentCase> e)
    {
        e.ToTable("DevelopmentCases");
        e.Property(c => c.ExtendedMonths).HasDefaultValue(0);
        e.Property(c => c.Version).HasDefaultValue(0).IsConcurrencyToken();
        e.HasIndex(c => new { c.TenantId, c.MemberId });
        e.HasIndex(c => new { c.TenantId, c.Status });
    }
}

internal sealed class DevelopmentStepRecordConfiguration : IEntityTypeConfiguration<DevelopmentStepRecord>
{
    public void Configure(EntityTypeBuilder<DevelopmentStepRecord> e)
    {
        e.ToTable("DevelopmentSteps");
        e.Property(s => s.Data).HasMaxLength(4000);
        e.Property(s => s.Warnings).HasMaxLength(1000);
        e.Property(s => s.RecordedBy).HasMaxLength(100);
        e.HasIndex(s => new { s.TenantId, s.CaseId, s.Step });
    }
}

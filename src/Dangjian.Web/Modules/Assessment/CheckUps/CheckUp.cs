using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>The secretary's finding on a check-up (良好 / 需关注 / 需谈心谈话); <see cref="Talk"/> raises a warning (PA-11).</summary>
public enum CheckUpResult
{
    Good,
    Attention,
    Talk,
}

/// <summary>
/// 政治体检: one party member's self-analysis of one quarter under the five headings, submitted once inside the quarter's
/// window (docs/rules/points-and-assessment.md#pa-10), then reviewed once by the secretary. Filed under the member's unit
/// so that a branch reads its own.
/// </summary>
public sealed class CheckUp : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public string? Ideals { get; set; }
    public string? Discipline { get; set; }
    public string? Conduct { get; set; }
    public string? Role { get; set; }
    public string? Measures { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Null while a draft; once set the text is final.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    public CheckUpResult? Result { get; set; }
    public string? ReviewComment { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }

    public Guid AuditOrgUnitId => OrgUnitId;
}

internal sealed class CheckUpConfiguration : IEntityTypeConfiguration<CheckUp>
{
    public const int PartLength = 2000;

    public void Configure(EntityTypeBuilder<CheckUp> e)
    {
        e.ToTable("CheckUps");
        e.Property(c => c.MemberName).HasMaxLength(100);
        e.Property(c => c.OrgPath).HasMaxLength(400);
        e.Property(c => c.Ideals).HasMaxLength(PartLength);
        e.Property(c => c.Discipline).HasMaxLength(PartLength);
        e.Property(c => c.Conduct).HasMaxLength(PartLength);
        e.Property(c => c.Role).HasMaxLength(PartLength);
        e.Property(c => c.Measures).HasMaxLength(PartLength);
        e.Property(c => c.Result).HasConversion<string>().HasMaxLength(40);
        e.Property(c => c.ReviewComment).HasMaxLength(1000);
        e.Property(c => c.ReviewedBy).HasMaxLength(100);
        // Submitting writes WHERE SubmittedAt IS NULL and reviewing WHERE Result IS NULL: of two clicks, one changes it.
        e.Property(c => c.SubmittedAt).IsConcurrencyToken();
        e.Property(c => c.Result).IsConcurrencyToken();
        // One check-up per member and quarter: a double click on 保存 creates one.
        e.HasIndex(c => new { c.TenantId, c.MemberId, c.Year, c.Quarter }).IsUnique();
        e.HasIndex(c => new { c.TenantId, c.Year, c.Quarter, c.OrgPath });
    }
}

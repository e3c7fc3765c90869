using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>A 书记述职评议 campaign of a 党委 or 党总支 for one year (docs/rules/points-and-assessment.md#pa-20): the secretaries below report, then are scored within [opens, closes).</summary>
public sealed class SecretaryReview : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<SecretaryReport> Reports { get; set; } = [];

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

/// <summary>
/// One secretary in a campaign: the branch, the secretary sitting when it started (a snapshot: a later change of secretary
/// does not move the review), and their report (述职: a text and key figures) once written.
/// </summary>
public sealed class SecretaryReport : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ReviewId { get; set; }
    public Guid BranchId { get; set; }
    /// <summary>The branch's path: its members score this secretary.</summary>
    public required string OrgPath { get; set; }
    public required string BranchName { get; set; }
    public Guid SecretaryMemberId { get; set; }
    public required string SecretaryName { get; set; }
    public string? Text { get; set; }
    public string? KeyFigures { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => BranchId;
}

/// <summary>Who scored: the reviewing unit (上级) or a member of the secretary's branch (党员).</summary>
public enum ScorerSide
{
    Superior,
    Member,
}

/// <summary>One scorer's score (0–100) of one secretary; one per scorer and secretary (docs/rules/points-and-assessment.md#pa-21).</summary>
public sealed class SecretaryScore : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ReviewId { get; set; }
    public Guid ReportId { get; set; }
    public Guid ScorerUserId { get; set; }
    public ScorerSide Side { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class SecretaryReviewConfiguration : IEntityTypeConfiguration<SecretaryReview>, IEntityTypeConfiguration<SecretaryReport>,
    IEntityTypeConfiguration<SecretaryScore>
{
    public void Configure(EntityTypeBuilder<SecretaryReview> e)
    {
        e.ToTable("SecretaryReviews");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.TenantId, x.OrgUnitId, x.Year }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.OrgPath });
        e.HasMany(x => x.Reports).WithOne().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SecretaryReport> e)
    {
        e.ToTable("SecretaryReports");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.BranchName).HasMaxLength(200);
        e.Property(x => x.SecretaryName).HasMaxLength(100);
        e.Property(x => x.Text).HasMaxLength(8000);
        e.Property(x => x.KeyFigures).HasMaxLength(2000);
        e.HasIndex(x => new { x.TenantId, x.ReviewId, x.BranchId }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.SecretaryMemberId });
    }

    public void Configure(EntityTypeBuilder<SecretaryScore> e)
    {
        e.ToTable("SecretaryScores");
        e.Property(x => x.Comment).HasMaxLength(500);
        e.HasIndex(x => new { x.TenantId, x.ReportId, x.ScorerUserId }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.ReviewId });
    }
}

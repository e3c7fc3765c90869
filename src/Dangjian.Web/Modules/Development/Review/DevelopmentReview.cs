using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Development.Review;

/// <summary>The four levels of 四级联审, in the order they sign.</summary>
public enum ReviewLevel
{
    Branch,
    GeneralBranch,
    Committee,
    OrgDepartment,
}

public enum ReviewDecision
{
    Approved,
    Returned,
}

/// <summary>One sign-off (or return) of one level on one recorded step.</summary>
public sealed class DevelopmentReview : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CaseId { get; set; }
    public Guid StepRecordId { get; set; }
    public int Step { get; set; }
    public ReviewLevel Level { get; set; }
    public Guid UnitId { get; set; }
    public ReviewDecision Decision { get; set; }
    public string? Reason { get; set; }
    public Guid SignedByUserId { get; set; }
    public string SignedBy { get; set; } = "";
    public DateTimeOffset SignedAt { get; set; }
}

internal sealed class DevelopmentReviewConfiguration : IEntityTypeConfiguration<DevelopmentReview>
{
    public void Configure(EntityTypeBuilder<DevelopmentReview> e)
    {
        e.ToTable("DevelopmentReviews");
        e.Property(r => r.Reason).HasMaxLength(400);
        e.Property(r => r.SignedBy).HasMaxLength(100);
        e.HasIndex(r => new { r.TenantId, r.CaseId });
    }
}

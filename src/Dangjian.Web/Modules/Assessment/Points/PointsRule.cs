using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>How an item of the scheme gets its lines: counted by the platform, claimed for a member, or deducted.</summary>
public enum PointsKind
{
    Auto,
    Claim,
    Deduction,
}

/// <summary>
/// What a line of an item stands for: for <see cref="PointsKind.Auto"/> items the record of the platform it is counted
/// from; for claims and deductions what was done.
/// </summary>
public enum PointsSource
{
    MeetingAttended,
    AbsentWithoutLeave,
    /// <summary>Per class hour (45 minutes) of the learning archive.</summary>
    StudyHours,
    ExamPassed,
    DuesOnTime,
    DuesArrears,
    Service,
    PioneerPost,
    Task,
    Other,
}

/// <summary>
/// The tenant's scheme head (docs/rules/points-and-assessment.md#pa-1): the base every member's year starts from. One
/// row per tenant, made with the default items when the tenant has none.
/// </summary>
public sealed class PointsScheme : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public int Base { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public Guid AuditOrgUnitId => Guid.Empty;
}

/// <summary>
/// An item of the tenant's points scheme (#pa-1, #pa-6): the points a line of it carries (signed) and its caps per day,
/// month and year (#pa-7). Items are retired (inactive), never deleted, so old lines keep their item.
/// </summary>
public sealed class PointsRule : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public PointsKind Kind { get; set; }
    public PointsSource Source { get; set; }
    public int Points { get; set; }
    public int? DailyCap { get; set; }
    public int? MonthlyCap { get; set; }
    public int? YearlyCap { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public Guid AuditOrgUnitId => Guid.Empty;
}

internal sealed class PointsSchemeConfiguration : IEntityTypeConfiguration<PointsScheme>
{
    public void Configure(EntityTypeBuilder<PointsScheme> e)
    {
        e.ToTable("PointsSchemes");
        e.Property(s => s.UpdatedBy).HasMaxLength(100);
        // One scheme per tenant: two first reads at once make one.
        e.HasIndex(s => s.TenantId).IsUnique();
    }
}

internal sealed class PointsRuleConfiguration : IEntityTypeConfiguration<PointsRule>
{
    public void Configure(EntityTypeBuilder<PointsRule> e)
    {
        e.ToTable("PointsRules");
        e.Property(r => r.Code).HasMaxLength(40);
        e.Property(r => r.Name).HasMaxLength(100);
        e.Property(r => r.UpdatedBy).HasMaxLength(100);
        e.HasIndex(r => new { r.TenantId, r.Code }).IsUnique();
    }
}

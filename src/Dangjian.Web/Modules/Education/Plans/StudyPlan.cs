using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Plans;

/// <summary>
/// Who a plan is for (分层分类), each derived from the member record and the committees in office, never typed per
/// person: all party members, secretaries and committee members, new members, probationary, mobile and retired members.
/// </summary>
public enum PlanAudience
{
    AllMembers,
    Leaders,
    NewMembers,
    Probationary,
    Mobile,
    Retired,
}

/// <summary>
/// A unit's yearly study plan for one audience: courses with deadlines (items) and class hours per category (targets).
/// It applies to the audience in the unit's whole subtree.
/// </summary>
public sealed class StudyPlan : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public PlanAudience Audience { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>One course of a plan: required or optional, with the plan's own deadline (else the course's).</summary>
public sealed class StudyPlanItem : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid PlanId { get; set; }
    public Guid CourseId { get; set; }
    public bool Required { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The class hours (学时) a plan's audience should study in one category during the plan's year.</summary>
public sealed class StudyPlanTarget : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid PlanId { get; set; }
    public CourseCategory Category { get; set; }
    public int Hours { get; set; }
}

internal sealed class StudyPlanConfiguration : IEntityTypeConfiguration<StudyPlan>
{
    public void Configure(EntityTypeBuilder<StudyPlan> e)
    {
        e.ToTable("StudyPlans");
        e.Property(p => p.OrgPath).HasMaxLength(400);
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.Note).HasMaxLength(1000);
        e.Property(p => p.CreatedBy).HasMaxLength(100);
        e.HasIndex(p => new { p.TenantId, p.OrgPath, p.Year });
    }
}

internal sealed class StudyPlanItemConfiguration : IEntityTypeConfiguration<StudyPlanItem>
{
    public void Configure(EntityTypeBuilder<StudyPlanItem> e)
    {
        e.ToTable("StudyPlanItems");
        e.HasIndex(i => new { i.TenantId, i.PlanId, i.CourseId }).IsUnique();
    }
}

internal sealed class StudyPlanTargetConfiguration : IEntityTypeConfiguration<StudyPlanTarget>
{
    public void Configure(EntityTypeBuilder<StudyPlanTarget> e)
    {
        e.ToTable("StudyPlanTargets");
        e.HasIndex(t => new { t.TenantId, t.PlanId, t.Category }).IsUnique();
    }
}

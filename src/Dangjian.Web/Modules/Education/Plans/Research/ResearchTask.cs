using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Plans.Research;

/// <summary>A research task is open until its findings are recorded.</summary>
public enum ResearchStatus
{
    Open,
    Reported,
}

/// <summary>A problem is open until it is solved or closed, each with its outcome written down.</summary>
public enum ProblemStatus
{
    Open,
    Solved,
    Closed,
}

/// <summary>
/// 学习—调研—解题: from a study item (a course) a unit sends a party member of its subtree to research (调研) by a
/// deadline; the findings may raise problems to solve (<see cref="ResearchProblem"/>).
/// </summary>
public sealed class ResearchTask : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public Guid CourseId { get; set; }
    public required string Title { get; set; }
    public Guid OwnerMemberId { get; set; }
    public string OwnerName { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public ResearchStatus Status { get; set; }
    public string? Findings { get; set; }
    public DateTimeOffset? FindingsAt { get; set; }
    public string? FindingsBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>A problem raised by a research task (解题): an owner, a deadline, and the outcome once solved or closed.</summary>
public sealed class ResearchProblem : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid TaskId { get; set; }
    /// <summary>The task's unit: the problem is read and managed with it.</summary>
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public required string Title { get; set; }
    public Guid OwnerMemberId { get; set; }
    public string OwnerName { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public ProblemStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

internal sealed class ResearchTaskConfiguration : IEntityTypeConfiguration<ResearchTask>
{
    public void Configure(EntityTypeBuilder<ResearchTask> e)
    {
        e.ToTable("ResearchTasks");
        e.Property(t => t.OrgPath).HasMaxLength(400);
        e.Property(t => t.Title).HasMaxLength(200);
        e.Property(t => t.OwnerName).HasMaxLength(100);
        e.Property(t => t.Findings).HasMaxLength(4000);
        e.Property(t => t.FindingsBy).HasMaxLength(100);
        e.Property(t => t.CreatedBy).HasMaxLength(100);
        e.HasIndex(t => new { t.TenantId, t.OrgPath, t.CreatedAt });
        e.HasIndex(t => new { t.TenantId, t.OwnerMemberId });
    }
}

internal sealed class ResearchProblemConfiguration : IEntityTypeConfiguration<ResearchProblem>
{
    public void Configure(EntityTypeBuilder<ResearchProblem> e)
    {
        e.ToTable("ResearchProblems");
        e.Property(p => p.OrgPath).HasMaxLength(400);
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.OwnerName).HasMaxLength(100);
        e.Property(p => p.Outcome).HasMaxLength(4000);
        e.Property(p => p.ClosedBy).HasMaxLength(100);
        e.Property(p => p.CreatedBy).HasMaxLength(100);
        e.HasIndex(p => new { p.TenantId, p.TaskId });
        e.HasIndex(p => new { p.TenantId, p.OwnerMemberId });
    }
}

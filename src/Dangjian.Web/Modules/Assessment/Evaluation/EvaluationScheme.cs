using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>Where a scheme stands: indicators are edited while Draft, scored while Open, frozen when Closed, seen by the branches when Published.</summary>
public enum SchemeStatus
{
    Draft,
    Open,
    Closed,
    Published,
}

/// <summary>
/// 党建考评方案: one tenant's assessment of the branches under a unit for a year. Its grade bands, star bands and indicator
/// tree are data (docs/rules/points-and-assessment.md#pa-13, #pa-14), started from a template and edited before opening.
/// </summary>
public sealed class EvaluationScheme : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    /// <summary>The unit that runs the assessment; the branches of its subtree are assessed.</summary>
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public int Year { get; set; }
    public required string Name { get; set; }
    /// <summary>The template it was started from (PA2, PA3, PA4): only a record, the tree is the scheme's own.</summary>
    public required string Template { get; set; }
    public SchemeStatus Status { get; set; }
    /// <summary>Full marks of the tree (100, 110 …): the roots add up to it.</summary>
    public decimal TotalPoints { get; set; }
    /// <summary>Grade bands, highest first, as "name:minimum;…" (优秀:90;良好:80;达标:60;未达标:0).</summary>
    public required string GradeBands { get; set; }
    /// <summary>Optional star bands as "stars:minimum;…" (5:90;4:80;3:70;2:60;1:0).</summary>
    public string? StarBands { get; set; }
    /// <summary>Branches younger than a year at the end of the scheme's year are not graded (PA-3).</summary>
    public bool SkipYoungBranches { get; set; }
    public DateOnly? ScoringOpensOn { get; set; }
    public DateOnly? ScoringClosesOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ComputedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Raised by every change of status, so that two identical clicks change the state once.</summary>
    public int Version { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

/// <summary>What an indicator is scored on.</summary>
public enum IndicatorKind
{
    /// <summary>A heading whose children add up to its points.</summary>
    Group,
    /// <summary>From the platform's data: a source key and a linear map from a floor rate to a target rate.</summary>
    Quantitative,
    /// <summary>Scored online by the superior, the peers and the masses, each with a weight.</summary>
    Qualitative,
    /// <summary>一票否决: raised by the superior, it forces the lowest grade (PA-15).</summary>
    Veto,
}

/// <summary>One node of a scheme's indicator tree.</summary>
public sealed class EvaluationIndicator : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid SchemeId { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>The scheme's unit, for the audit log's scope.</summary>
    public Guid OrgUnitId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public IndicatorKind Kind { get; set; }
    /// <summary>Full marks of this node (0 for a veto item).</summary>
    public decimal Points { get; set; }
    public string? SourceKey { get; set; }
    /// <summary>Quantitative: at or below this rate no points.</summary>
    public decimal? Floor { get; set; }
    /// <summary>Quantitative: at or above this rate full points.</summary>
    public decimal? Target { get; set; }
    /// <summary>Qualitative: weights in percent of the superior, peers and masses (adding up to 100).</summary>
    public int SuperiorWeight { get; set; }
    public int PeersWeight { get; set; }
    public int MassesWeight { get; set; }
    /// <summary>Counts toward the ideology share, capped by a setting (PA-5).</summary>
    public bool Ideology { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

internal sealed class EvaluationSchemeConfiguration : IEntityTypeConfiguration<EvaluationScheme>
{
    public void Configure(EntityTypeBuilder<EvaluationScheme> e)
    {
        e.ToTable("EvaluationSchemes");
        e.Property(s => s.OrgPath).HasMaxLength(400);
        e.Property(s => s.Name).HasMaxLength(100);
        e.Property(s => s.Template).HasMaxLength(40);
        e.Property(s => s.TotalPoints).HasPrecision(7, 2);
        e.Property(s => s.GradeBands).HasMaxLength(400);
        e.Property(s => s.StarBands).HasMaxLength(200);
        e.Property(s => s.CreatedBy).HasMaxLength(100);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasIndex(s => new { s.TenantId, s.OrgPath, s.Year });
    }
}

internal sealed class EvaluationIndicatorConfiguration : IEntityTypeConfiguration<EvaluationIndicator>
{
    public void Configure(EntityTypeBuilder<EvaluationIndicator> e)
    {
        e.ToTable("EvaluationIndicators");
        e.Property(i => i.Name).HasMaxLength(100);
        e.Property(i => i.Points).HasPrecision(7, 2);
        e.Property(i => i.SourceKey).HasMaxLength(60);
        e.Property(i => i.Floor).HasPrecision(7, 4);
        e.Property(i => i.Target).HasPrecision(7, 4);
        e.HasIndex(i => new { i.SchemeId, i.Position });
    }
}

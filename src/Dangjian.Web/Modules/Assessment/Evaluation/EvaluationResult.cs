using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>
/// One branch's outcome of a computed scheme: its total (points, 2 decimals), grade or stars, veto and "not graded".
/// Replaced whole by every computation, in one transaction (one per branch and scheme, a unique index).
/// </summary>
public sealed class EvaluationResult : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid SchemeId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public required string UnitName { get; set; }
    public decimal Total { get; set; }
    public string? Grade { get; set; }
    public int? Stars { get; set; }
    public bool Vetoed { get; set; }
    /// <summary>Too young to be graded (PA-3): scored, but no grade.</summary>
    public bool NotGraded { get; set; }
    /// <summary>1 = the highest total of the scheme.</summary>
    public int Rank { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>
/// One leaf indicator's points in a result, with where they came from: a source key and its raw value, or the scorer
/// kinds' averages and how many scored, or the veto.
/// </summary>
public sealed class EvaluationScore : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid SchemeId { get; set; }
    public Guid ResultId { get; set; }
    public Guid IndicatorId { get; set; }
    public decimal Points { get; set; }
    public string? SourceKey { get; set; }
    /// <summary>The source's value (a rate) or null when it had none for the branch.</summary>
    public decimal? RawValue { get; set; }
    public decimal? SuperiorAverage { get; set; }
    public int SuperiorCount { get; set; }
    public decimal? PeersAverage { get; set; }
    public int PeersCount { get; set; }
    public decimal? MassesAverage { get; set; }
    public int MassesCount { get; set; }
    public bool Vetoed { get; set; }
}

internal sealed class EvaluationResultConfiguration : IEntityTypeConfiguration<EvaluationResult>
{
    public void Configure(EntityTypeBuilder<EvaluationResult> e)
    {
        e.ToTable("EvaluationResults");
        e.Property(r => r.OrgPath).HasMaxLength(400);
        e.Property(r => r.UnitName).HasMaxLength(200);
        e.Property(r => r.Total).HasPrecision(7, 2);
        e.Property(r => r.Grade).HasMaxLength(40);
        e.HasIndex(r => new { r.SchemeId, r.OrgUnitId }).IsUnique();
        e.HasIndex(r => new { r.SchemeId, r.Rank });
        e.HasIndex(r => new { r.TenantId, r.OrgPath });
    }
}

internal sealed class EvaluationScoreConfiguration : IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationScore> e)
    {
        e.ToTable("EvaluationScores");
        e.Property(s => s.Points).HasPrecision(7, 2);
        e.Property(s => s.SourceKey).HasMaxLength(60);
        e.Property(s => s.RawValue).HasPrecision(9, 4);
        e.Property(s => s.SuperiorAverage).HasPrecision(7, 2);
        e.Property(s => s.PeersAverage).HasPrecision(7, 2);
        e.Property(s => s.MassesAverage).HasPrecision(7, 2);
        e.HasIndex(s => new { s.ResultId, s.IndicatorId }).IsUnique();
        e.HasIndex(s => s.SchemeId);
    }
}

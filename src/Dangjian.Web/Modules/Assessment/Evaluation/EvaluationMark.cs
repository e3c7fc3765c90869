using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>Who gives a qualitative score (PA-16).</summary>
public enum ScorerKind
{
    /// <summary>Someone who manages assessment on a unit above the branch.</summary>
    Superior,
    /// <summary>The secretary (or another manager) of a sibling branch under the same parent.</summary>
    Peers,
    /// <summary>The masses' survey result, entered by the superior with the number of respondents.</summary>
    Masses,
}

/// <summary>
/// One scorer's score of one branch on one qualitative indicator (or the superior's veto, 1 = raised): a scorer changes
/// their own score while the scheme is open, never adds a second one (a unique index).
/// </summary>
public sealed class EvaluationMark : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid SchemeId { get; set; }
    public Guid IndicatorId { get; set; }
    /// <summary>The branch scored.</summary>
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public ScorerKind Kind { get; set; }
    public Guid ScorerUserId { get; set; }
    public string ScorerName { get; set; } = "";
    public decimal Score { get; set; }
    /// <summary>Masses: how many people answered the survey.</summary>
    public int? Respondents { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

internal sealed class EvaluationMarkConfiguration : IEntityTypeConfiguration<EvaluationMark>
{
    public void Configure(EntityTypeBuilder<EvaluationMark> e)
    {
        e.ToTable("EvaluationMarks");
        e.Property(m => m.OrgPath).HasMaxLength(400);
        e.Property(m => m.ScorerName).HasMaxLength(100);
        e.Property(m => m.Score).HasPrecision(7, 2);
        e.Property(m => m.Note).HasMaxLength(200);
        e.HasIndex(m => new { m.SchemeId, m.IndicatorId, m.OrgUnitId, m.Kind, m.ScorerUserId }).IsUnique().HasDatabaseName("IX_EvaluationMarks_SchemeId_IndicatorId_OrgUnitId_Kind_User");
        e.HasIndex(m => new { m.TenantId, m.OrgPath });
    }
}

using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Plans.Cases;

/// <summary>What a case is linked to as required study.</summary>
public enum CaseTargetKind
{
    Meeting,
    Plan,
}

/// <summary>
/// A case (a course of 红色基因案例库 or 警示教育案例库) named as required study of a meeting or of a plan, filed under
/// the target's unit so its completion is read per branch below it.
/// </summary>
public sealed class CaseLink : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CourseId { get; set; }
    public CaseTargetKind TargetKind { get; set; }
    public Guid TargetId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
    public Guid LinkedByUserId { get; set; }
    public string LinkedBy { get; set; } = "";
}

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> e)
    {
        e.ToTable("CaseLinks");
        e.Property(l => l.OrgPath).HasMaxLength(400);
        e.Property(l => l.LinkedBy).HasMaxLength(100);
        e.HasIndex(l => new { l.TenantId, l.TargetKind, l.TargetId, l.CourseId }).IsUnique();
        e.HasIndex(l => new { l.TenantId, l.CourseId });
    }
}

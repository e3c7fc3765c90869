using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Assessment.Evaluation.Kpis;

/// <summary>
/// 业务考核: one business figure of a branch for a quarter (its value and target, 2 decimals), imported from a workbook,
/// so the party score is seen beside the business one (四同步). A re-import of the same branch, quarter and name replaces it.
/// </summary>
public sealed class BusinessKpi : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    /// <summary>The quarter as "2026Q1".</summary>
    public required string Period { get; set; }
    public required string Name { get; set; }
    public decimal Value { get; set; }
    public decimal Target { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
}

internal sealed class BusinessKpiConfiguration : IEntityTypeConfiguration<BusinessKpi>
{
    public void Configure(EntityTypeBuilder<BusinessKpi> e)
    {
        e.ToTable("BusinessKpis");
        e.Property(k => k.OrgPath).HasMaxLength(400);
        e.Property(k => k.Period).HasMaxLength(7);
        e.Property(k => k.Name).HasMaxLength(100);
        e.Property(k => k.Value).HasPrecision(14, 2);
        e.Property(k => k.Target).HasPrecision(14, 2);
        e.Property(k => k.ImportedBy).HasMaxLength(100);
        e.HasIndex(k => new { k.TenantId, k.OrgUnitId, k.Period, k.Name }).IsUnique();
        e.HasIndex(k => new { k.TenantId, k.OrgPath, k.Period });
    }
}

using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Development.Plans;

/// <summary>年度发展党员计划: how many people a unit (with its subtree) may admit as 预备党员 in a year.</summary>
public sealed class DevelopmentQuota : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public int Year { get; set; }
    public int Quota { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

internal sealed class DevelopmentQuotaConfiguration : IEntityTypeConfiguration<DevelopmentQuota>
{
    public void Configure(EntityTypeBuilder<DevelopmentQuota> e)
    {
        e.ToTable("DevelopmentQuotas");
        e.Property(q => q.OrgPath).HasMaxLength(400);
        e.HasIndex(q => new { q.TenantId, q.OrgUnitId, q.Year }).IsUnique();
    }
}

using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Development.Materials;

/// <summary>A file of a case (入党申请书, 政治审查报告 …) for one step, kept with its SHA-256 so the dossier can be checked.</summary>
public sealed class DevelopmentMaterial : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CaseId { get; set; }
    public int Step { get; set; }
    public required string Code { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class DevelopmentMaterialConfiguration : IEntityTypeConfiguration<DevelopmentMaterial>
{
    public void Configure(EntityTypeBuilder<DevelopmentMaterial> e)
    {
        e.ToTable("DevelopmentMaterials");
        e.Property(m => m.Code).HasMaxLength(40);
        e.Property(m => m.FileName).HasMaxLength(200);
        e.Property(m => m.ContentType).HasMaxLength(100);
        e.Property(m => m.Sha256).HasMaxLength(64);
        e.Property(m => m.UploadedBy).HasMaxLength(100);
        e.HasIndex(m => new { m.TenantId, m.CaseId, m.Step });
    }
}

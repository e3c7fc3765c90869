using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.CodeTables;

/// <summary>
/// One value of a code table (代码表: 民族, 学历, 工作岗位, 单位类型, …). Records store the value's name; a tenant's
/// table is its built-in defaults until an administrator first edits it, then the stored rows.
/// </summary>
public sealed class CodeItem : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Table { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    Guid IAudited.AuditOrgUnitId => Guid.Empty;
}

internal sealed class CodeItemConfiguration : IEntityTypeConfiguration<CodeItem>
{
    public void Configure(EntityTypeBuilder<CodeItem> e)
    {
        e.ToTable("CodeItems");
        e.Property(c => c.Table).HasMaxLength(40);
        e.Property(c => c.Name).HasMaxLength(60);
        e.Property(c => c.IsActive).HasDefaultValue(true);
        e.HasIndex(c => new { c.TenantId, c.Table, c.Name }).IsUnique();
    }
}

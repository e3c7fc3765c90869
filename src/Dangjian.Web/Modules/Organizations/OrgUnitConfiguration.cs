using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations.Committees;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Organizations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> e)
    {
        e.ToTable("OrgUnits");
        e.HasKey(u => u.Id);
        e.Property(u => u.Key).HasMaxLength(OrgPaths.KeyLength).IsRequired();
        e.Property(u => u.Path).HasMaxLength(400).IsRequired();
        e.Property(u => u.Name).HasMaxLength(100).IsRequired();
        e.Property(u => u.HostUnitType).HasMaxLength(40);
        e.HasIndex(u => new { u.TenantId, u.Path }).IsUnique();
        e.HasIndex(u => new { u.TenantId, u.ParentId, u.SortOrder });
        e.HasQueryFilter(AppDbContext.SoftDeleteFilter, u => u.DissolvedAt == null);
    }
}

internal sealed class CommitteeTermConfiguration : IEntityTypeConfiguration<CommitteeTerm>
{
    public void Configure(EntityTypeBuilder<CommitteeTerm> e)
    {
        e.ToTable("CommitteeTerms");
        e.HasKey(t => t.Id);
        e.Property(t => t.ElectionMethod).HasMaxLength(100);
        e.Property(t => t.Notes).HasMaxLength(2000);
        e.Property(t => t.ReminderStage).HasMaxLength(20);
        e.HasIndex(t => new { t.TenantId, t.OrgUnitId, t.StartOn });
        e.HasIndex(t => new { t.TenantId, t.EndOn });
        e.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TermId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> e)
    {
        e.ToTable("CommitteeMembers");
        e.HasKey(m => m.Id);
        e.Property(m => m.Name).HasMaxLength(50).IsRequired();
        e.HasIndex(m => new { m.TenantId, m.TermId });
    }
}

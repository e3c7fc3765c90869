using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> e)
    {
        e.ToTable("Members");
        e.HasKey(m => m.Id);
        e.Property(m => m.OrgPath).HasMaxLength(400).IsRequired();
        e.Property(m => m.Name).HasMaxLength(50).IsRequired();
        e.Property(m => m.JobPost).HasMaxLength(60);
        e.Property(m => m.Education).HasMaxLength(30);
        e.Property(m => m.Ethnicity).HasMaxLength(30);
        // Leading with the path makes "how many members under this unit, by category" an index-only range scan.
        e.HasIndex(m => new { m.TenantId, m.OrgPath, m.Category });
        e.HasIndex(m => new { m.TenantId, m.OrgUnitId });
    }
}

using Dangjian.Web.Modules.Dues.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Dues;

internal sealed class DuesBaseConfiguration : IEntityTypeConfiguration<DuesBase>
{
    public void Configure(EntityTypeBuilder<DuesBase> e)
    {
        e.ToTable("DuesBases");
        e.HasKey(b => b.Id);
        e.Property(b => b.Note).HasMaxLength(200);
        // One base per member and month: setting it again corrects it.
        e.HasIndex(b => new { b.TenantId, b.MemberId, b.EffectiveMonth }).IsUnique();
    }
}

internal sealed class DuesPaymentConfiguration : IEntityTypeConfiguration<DuesPayment>
{
    public void Configure(EntityTypeBuilder<DuesPayment> e)
    {
        e.ToTable("DuesPayments");
        e.HasKey(p => p.Id);
        e.Property(p => p.OrgPath).HasMaxLength(400).IsRequired();
        // A month is paid once; the unique index also stops two clerks recording it at the same moment.
        e.HasIndex(p => new { p.TenantId, p.MemberId, p.Month }).IsUnique();
        // A unit's collection for a year: one index range over the subtree's paths.
        e.HasIndex(p => new { p.TenantId, p.OrgPath, p.Month });
    }
}

internal sealed class DuesUsageConfiguration : IEntityTypeConfiguration<DuesUsage>
{
    public const int DescriptionMaxLength = 500;
    public const int ApprovedByMaxLength = 50;

    public void Configure(EntityTypeBuilder<DuesUsage> e)
    {
        e.ToTable("DuesUsages");
        e.HasKey(u => u.Id);
        e.Property(u => u.OrgPath).HasMaxLength(400).IsRequired();
        e.Property(u => u.Description).HasMaxLength(DescriptionMaxLength).IsRequired();
        e.Property(u => u.ApprovedBy).HasMaxLength(ApprovedByMaxLength).IsRequired();
        // A subtree's usage in a year: one index range over the paths.
        e.HasIndex(u => new { u.TenantId, u.OrgPath, u.SpentOn });
        // An entry is reversed at most once, even when two people press the button together.
        e.HasIndex(u => new { u.TenantId, u.ReversesId }).IsUnique();
    }
}

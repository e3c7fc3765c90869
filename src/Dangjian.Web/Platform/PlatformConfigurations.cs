using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Jobs;
using Dangjian.Web.Platform.Ledger;
using Dangjian.Web.Platform.Notifications;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> e)
    {
        e.ToTable("Tenants");
        e.Property(t => t.Name).HasMaxLength(100).IsRequired();
    }
}

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<Import.ImportUpload>
{
    public void Configure(EntityTypeBuilder<Import.ImportUpload> e)
    {
        e.ToTable("ImportUploads");
        e.Property(u => u.FileName).HasMaxLength(200);
        e.Property(u => u.Kind).HasMaxLength(40).HasDefaultValue(Import.ImportUpload.DefaultKind);
        e.HasIndex(u => new { u.TenantId, u.UserId, u.CreatedAt });
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> e)
    {
        e.ToTable("RoleAssignments");
        e.HasIndex(r => new { r.TenantId, r.UserId });
        e.HasIndex(r => new { r.TenantId, r.OrgUnitId });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditEntries");
        e.Property(a => a.UserName).HasMaxLength(100);
        e.Property(a => a.Action).HasMaxLength(20);
        e.Property(a => a.EntityType).HasMaxLength(60);
        e.Property(a => a.EntityId).HasMaxLength(100);
        e.Property(a => a.OrgPath).HasMaxLength(400);
        e.HasIndex(a => new { a.TenantId, a.OrgPath, a.At });
        e.HasIndex(a => new { a.TenantId, a.At });
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> e)
    {
        e.ToTable("LedgerEntries");
        e.HasKey(l => new { l.TenantId, l.Sequence });
        e.Property(l => l.Sequence).ValueGeneratedNever();
        e.Property(l => l.Kind).HasMaxLength(60);
        e.Property(l => l.SubjectId).HasMaxLength(100);
        e.Property(l => l.PreviousHash).HasMaxLength(64);
        e.Property(l => l.Hash).HasMaxLength(64);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("Notifications");
        e.Property(n => n.Title).HasMaxLength(200);
        e.Property(n => n.Body).HasMaxLength(2000);
        e.Property(n => n.Link).HasMaxLength(400);
        e.Property(n => n.DedupKey).HasMaxLength(200);
        e.HasIndex(n => new { n.TenantId, n.UserId, n.CreatedAt });
        e.HasIndex(n => new { n.TenantId, n.UserId, n.DedupKey }).IsUnique();
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> e)
    {
        e.ToTable("JobLeases");
        e.HasKey(j => j.Name);
        e.Property(j => j.Name).HasMaxLength(100);
        e.Property(j => j.LeasedBy).HasMaxLength(100);
        e.Property(j => j.LastResult).HasMaxLength(1000);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.ToTable("JobRuns");
        e.Property(r => r.JobName).HasMaxLength(100);
        e.Property(r => r.InstanceId).HasMaxLength(100);
        e.Property(r => r.Result).HasMaxLength(1000);
        e.HasIndex(r => new { r.JobName, r.StartedAt });
    }
}

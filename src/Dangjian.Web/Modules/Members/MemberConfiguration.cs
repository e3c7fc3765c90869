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
        e.HasIndex(m => new { m.TenantId, m.IdNumberHash }).IsUnique();
        e.HasIndex(m => new { m.TenantId, m.UserId });
        e.Property(m => m.Status).HasDefaultValue(MembershipStatus.Normal).HasSentinel(MembershipStatus.Normal);
        // Columns added by V0002 carry defaults so existing rows upgrade in place.
        e.Property(m => m.IsMobile).HasDefaultValue(false);
        e.Property(m => m.IsMigrantWorker).HasDefaultValue(false);
        e.Property(m => m.PartyAgeAdjustmentMonths).HasDefaultValue(0);
        e.Property(m => m.ProbationExtendedMonths).HasDefaultValue(0);
        e.Property(m => m.IdNumberEncrypted).HasMaxLength(200);
        e.Property(m => m.IdNumberHash).HasMaxLength(64);
        e.Property(m => m.IdNumberMasked).HasMaxLength(20);
        e.Property(m => m.MobileEncrypted).HasMaxLength(200);
        e.Property(m => m.HomeAddressEncrypted).HasMaxLength(600);
        e.Property(m => m.Telephone).HasMaxLength(30);
        e.Property(m => m.MobileDestination).HasMaxLength(200);
        e.Property(m => m.OutOfContactReason).HasMaxLength(40);
        foreach (var name in new[] { nameof(Member.Degree), nameof(Member.NewSocialStratum), nameof(Member.ProfessionalTitle), nameof(Member.MaritalStatus),
                     nameof(Member.JoinType), nameof(Member.FrontLine) })
        {
            e.Property<string?>(name).HasMaxLength(40);
        }
        foreach (var name in new[] { nameof(Member.Residence), nameof(Member.HouseholdRegistration), nameof(Member.NativePlace),
                     nameof(Member.BranchAtJoining), nameof(Member.WorkUnitAndPost), nameof(Member.DossierLocation) })
        {
            e.Property<string?>(name).HasMaxLength(200);
        }
    }
}

internal sealed class MemberAccessLogConfiguration : IEntityTypeConfiguration<MemberAccessLog>
{
    public void Configure(EntityTypeBuilder<MemberAccessLog> e)
    {
        e.ToTable("MemberAccessLogs");
        e.Property(a => a.UserName).HasMaxLength(100);
        e.Property(a => a.Action).HasMaxLength(40);
        e.Property(a => a.Detail).HasMaxLength(400);
        e.HasIndex(a => new { a.TenantId, a.MemberId, a.At });
    }
}

internal sealed class MemberTransferConfiguration : IEntityTypeConfiguration<Transfers.MemberTransfer>
{
    public void Configure(EntityTypeBuilder<Transfers.MemberTransfer> e)
    {
        e.ToTable("MemberTransfers");
        e.Property(t => t.MemberName).HasMaxLength(50);
        e.Property(t => t.FromPath).HasMaxLength(400);
        e.Property(t => t.ToPath).HasMaxLength(400);
        e.Property(t => t.Destination).HasMaxLength(200);
        e.Property(t => t.LetterNumber).HasMaxLength(40);
        e.Property(t => t.Reason).HasMaxLength(400);
        e.Property(t => t.DecisionNote).HasMaxLength(400);
        // A letter is decided once (accepted, refused, cancelled or completed): of two decisions sent at once, the second
        // save finds the status changed and is refused (409), with its ledger entry.
        e.Property(t => t.Status).IsConcurrencyToken();
        e.HasIndex(t => new { t.TenantId, t.LetterNumber }).IsUnique();
        e.HasIndex(t => new { t.TenantId, t.MemberId, t.Status });
        e.HasIndex(t => new { t.TenantId, t.FromPath });
        e.HasIndex(t => new { t.TenantId, t.ToPath });
    }
}

using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Meetings.Records;

/// <summary>心得: what a person expected at a meeting took from it, one per person and meeting; every change is audited.</summary>
public sealed class MeetingReflection : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid OrgUnitId { get; set; }
    public Guid MemberId { get; set; }
    public required string MemberName { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

internal sealed class MeetingReflectionConfiguration : IEntityTypeConfiguration<MeetingReflection>
{
    public void Configure(EntityTypeBuilder<MeetingReflection> e)
    {
        e.ToTable("MeetingReflections");
        e.Property(r => r.MemberName).HasMaxLength(100);
        e.Property(r => r.Text).HasMaxLength(MeetingReflections.MaxLength);
        e.HasIndex(r => new { r.TenantId, r.MeetingId, r.MemberId }).IsUnique();
    }
}

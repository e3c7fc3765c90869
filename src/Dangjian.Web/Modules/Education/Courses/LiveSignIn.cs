using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>A member's attendance at a live course (直播), by the rotating code like a meeting's sign-in; one per person.</summary>
public sealed class LiveSignIn : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CourseId { get; set; }
    public Guid MemberId { get; set; }
    public Guid UserId { get; set; }
    public required string MemberName { get; set; }
    public DateTimeOffset SignedAt { get; set; }
}

internal sealed class LiveSignInConfiguration : IEntityTypeConfiguration<LiveSignIn>
{
    public void Configure(EntityTypeBuilder<LiveSignIn> e)
    {
        e.ToTable("LiveSignIns");
        e.Property(s => s.MemberName).HasMaxLength(100);
        e.HasIndex(s => new { s.TenantId, s.CourseId, s.MemberId }).IsUnique();
    }
}

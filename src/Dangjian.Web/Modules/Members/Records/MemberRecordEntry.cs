using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Members.Records;

/// <summary>The tabs of the national system's record beyond the basic fields (docs/rules/registry.md#r-4).</summary>
public enum RecordKind
{
    Post,
    RewardPunishment,
    TravelAbroad,
    Hardship,
    Family,
}

/// <summary>
/// One line of a record tab: a post held, a reward or punishment, a trip abroad, a hardship, a family member.
/// The tabs share one shape; <see cref="RecordKinds"/> says what each column means for each tab.
/// </summary>
public sealed class MemberRecordEntry : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public Guid OrgUnitId { get; set; }
    public RecordKind Kind { get; set; }
    public string? Category { get; set; }
    public required string Title { get; set; }
    public string? Organisation { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

internal sealed class MemberRecordEntryConfiguration : IEntityTypeConfiguration<MemberRecordEntry>
{
    public void Configure(EntityTypeBuilder<MemberRecordEntry> e)
    {
        e.ToTable("MemberRecordEntries");
        e.Property(r => r.Category).HasMaxLength(40);
        e.Property(r => r.Title).HasMaxLength(100);
        e.Property(r => r.Organisation).HasMaxLength(200);
        e.Property(r => r.Detail).HasMaxLength(1000);
        e.HasIndex(r => new { r.TenantId, r.MemberId, r.Kind });
    }
}

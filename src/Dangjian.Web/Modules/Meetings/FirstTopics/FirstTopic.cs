using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Meetings.FirstTopics;

/// <summary>第一议题: an important speech or document published to a unit's subtree; every unit's next meeting studies it first.</summary>
public sealed class FirstTopic : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public required string Title { get; set; }
    public string? Source { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
}

internal sealed class FirstTopicConfiguration : IEntityTypeConfiguration<FirstTopic>
{
    public void Configure(EntityTypeBuilder<FirstTopic> e)
    {
        e.ToTable("FirstTopics");
        e.Property(t => t.OrgPath).HasMaxLength(400);
        e.Property(t => t.Title).HasMaxLength(200);
        e.Property(t => t.Source).HasMaxLength(200);
        e.Property(t => t.PublishedBy).HasMaxLength(100);
        e.HasIndex(t => new { t.TenantId, t.OrgPath, t.PublishedAt });
    }
}

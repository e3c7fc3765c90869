using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Members.Contact;

public enum ContactMethod
{
    Phone,
    Visit,
    Letter,
    Online,
    ThroughOthers,
}

/// <summary>
/// A try to reach a member (失联党员排查): when, how, whether the member was reached, the reason code of
/// docs/rules/registry.md#r-7 (外出务工经商, 改制破产, …; a code table) and what was done.
/// </summary>
public sealed class ContactFollowUp : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public Guid OrgUnitId { get; set; }
    public DateOnly On { get; set; }
    public ContactMethod Method { get; set; }
    public bool Reached { get; set; }
    public string? ReasonCode { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

internal sealed class ContactFollowUpConfiguration : IEntityTypeConfiguration<ContactFollowUp>
{
    public void Configure(EntityTypeBuilder<ContactFollowUp> e)
    {
        e.ToTable("ContactFollowUps");
        e.Property(f => f.ReasonCode).HasMaxLength(40);
        e.Property(f => f.Note).HasMaxLength(1000);
        e.Property(f => f.CreatedByName).HasMaxLength(100);
        e.HasIndex(f => new { f.TenantId, f.MemberId, f.On });
    }
}

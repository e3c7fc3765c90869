using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Members.Mobile;

/// <summary>
/// 流动党员登记: a member away from home at no fixed place keeps the membership relation with the home branch and
/// carries a 流动党员活动证 (docs/rules/registry.md#r-9). The member's contact number away is personal data, stored encrypted.
/// </summary>
public sealed class MobileRegistration : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string MemberName { get; set; }
    public required string Destination { get; set; }
    public string? DestinationOrganisation { get; set; }
    public string? ContactEncrypted { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly LeftOn { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

public enum ReportMethod
{
    InPerson,
    Phone,
    Written,
    Online,
}

/// <summary>A mobile member's report to the home organisation (at least once a year, docs/rules/registry.md#r-9).</summary>
public sealed class MobileReport : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid RegistrationId { get; set; }
    public Guid MemberId { get; set; }
    public Guid OrgUnitId { get; set; }
    public DateOnly ReportedOn { get; set; }
    public ReportMethod Method { get; set; }
    public required string Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

internal sealed class MobileRegistrationConfiguration : IEntityTypeConfiguration<MobileRegistration>
{
    public void Configure(EntityTypeBuilder<MobileRegistration> e)
    {
        e.ToTable("MobileRegistrations");
        e.Property(r => r.MemberName).HasMaxLength(50);
        e.Property(r => r.Destination).HasMaxLength(200);
        e.Property(r => r.DestinationOrganisation).HasMaxLength(200);
        e.Property(r => r.ContactEncrypted).HasMaxLength(200);
        e.Property(r => r.CertificateNumber).HasMaxLength(40);
        e.Property(r => r.Note).HasMaxLength(400);
        e.HasIndex(r => new { r.TenantId, r.MemberId });
    }
}

internal sealed class MobileReportConfiguration : IEntityTypeConfiguration<MobileReport>
{
    public void Configure(EntityTypeBuilder<MobileReport> e)
    {
        e.ToTable("MobileReports");
        e.Property(r => r.Content).HasMaxLength(1000);
        e.HasIndex(r => new { r.TenantId, r.RegistrationId, r.ReportedOn });
        e.HasIndex(r => new { r.TenantId, r.MemberId });
    }
}

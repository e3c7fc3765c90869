using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Members.Certificates;

public enum CertificateStatus
{
    Issued,
    Cancelled,
}

/// <summary>
/// 党员证明信: a member away for six months or less carries it to the organisation where they stay and takes part in
/// its organisational life there, without voting or election rights; the membership relation does not move
/// (《中国共产党党员教育管理工作条例》第二十五条). Issued and numbered by the member's unit, which keeps it
/// (<see cref="OrgPath"/> is that unit's path, also after the member moves on).
/// </summary>
public sealed class MemberCertificate : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MemberId { get; set; }
    public required string MemberName { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public required string Number { get; set; }
    public required string Destination { get; set; }
    public string? Reason { get; set; }
    public DateOnly FromDate { get; set; }
    public DateOnly ToDate { get; set; }
    public DateOnly IssuedOn { get; set; }
    public CertificateStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateOnly? CancelledOn { get; set; }
    public Guid? CancelledByUserId { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

/// <summary>The number prefix is local practice: a setting (党证明〔2026〕001号).</summary>
public sealed class CertificateOptions
{
    public const string Section = "Rules:Certificates";
    public string NumberPrefix { get; set; } = PersonOnDocument.F["Certificate.NumberPrefix"];
}

internal sealed class MemberCertificateConfiguration : IEntityTypeConfiguration<MemberCertificate>
{
    public void Configure(EntityTypeBuilder<MemberCertificate> e)
    {
        e.ToTable("MemberCertificates");
        e.Property(c => c.MemberName).HasMaxLength(50);
        e.Property(c => c.OrgPath).HasMaxLength(400);
        e.Property(c => c.Number).HasMaxLength(40);
        e.Property(c => c.Destination).HasMaxLength(200);
        e.Property(c => c.Reason).HasMaxLength(400);
        // Cancelled once: of two cancellations sent at once, the second save finds the status changed and is refused
        // (409), with its ledger entry.
        e.Property(c => c.Status).IsConcurrencyToken();
        e.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
        e.HasIndex(c => new { c.TenantId, c.OrgPath });
        e.HasIndex(c => new { c.TenantId, c.MemberId });
    }
}

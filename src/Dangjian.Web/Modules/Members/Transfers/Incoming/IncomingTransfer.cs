using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Members.Transfers.Incoming;

/// <summary>
/// 转入: a 介绍信 issued by an organisation outside the tenant, registered by the receiving branch. The person is not on
/// the roll until the branch accepts (《中国共产党党员教育管理工作条例》第二十五条); acceptance creates the record (or
/// reactivates that of someone who once transferred out) and produces the return slip (回执) to the sender. The ID
/// number is kept as the registry keeps it: encrypted, with the keyed hash for look-ups and a masked copy for lists.
/// </summary>
public sealed class IncomingTransfer : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ToUnitId { get; set; }
    [OrgPathCopy]
    public required string ToPath { get; set; }

    // The letter as the sender wrote it.
    public required string LetterNumber { get; set; }
    public required string IssuedBy { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ValidUntil { get; set; }

    /// <summary>党费交至: first day of the month.</summary>
    public DateOnly? DuesPaidUntil { get; set; }

    // The person.
    public required string Name { get; set; }
    public required string IdNumberEncrypted { get; set; }
    public required string IdNumberHash { get; set; }
    public required string IdNumberMasked { get; set; }
    public MemberCategory Category { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? FullMemberOn { get; set; }
    public string? MobileEncrypted { get; set; }

    public TransferStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string? DecisionNote { get; set; }

    /// <summary>The record created or reactivated on acceptance.</summary>
    public Guid? MemberId { get; set; }

    /// <summary>Acceptance reactivated the record of someone who had transferred out of the tenant before.</summary>
    public bool Returning { get; set; }

    Guid IAudited.AuditOrgUnitId => ToUnitId;
}

internal sealed class IncomingTransferConfiguration : IEntityTypeConfiguration<IncomingTransfer>
{
    public const int LetterNumberMax = 60;
    public const int IssuedByMax = 200;
    public const int NameMax = 50;
    public const int NoteMax = 400;

    public void Configure(EntityTypeBuilder<IncomingTransfer> e)
    {
        e.ToTable("IncomingTransfers");
        e.Property(t => t.ToPath).HasMaxLength(400);
        e.Property(t => t.LetterNumber).HasMaxLength(LetterNumberMax);
        e.Property(t => t.IssuedBy).HasMaxLength(IssuedByMax);
        e.Property(t => t.Name).HasMaxLength(NameMax);
        e.Property(t => t.IdNumberEncrypted).HasMaxLength(200);
        e.Property(t => t.IdNumberHash).HasMaxLength(64);
        e.Property(t => t.IdNumberMasked).HasMaxLength(20);
        e.Property(t => t.MobileEncrypted).HasMaxLength(200);
        e.Property(t => t.DecisionNote).HasMaxLength(NoteMax);
        // Two people deciding the same letter at once: the second save finds the status changed and is refused.
        e.Property(t => t.Status).IsConcurrencyToken();
        // A branch's pending letters are one range of the path; a person's letters are found by the keyed hash.
        e.HasIndex(t => new { t.TenantId, t.ToPath, t.Status });
        e.HasIndex(t => new { t.TenantId, t.IdNumberHash, t.Status });
    }
}

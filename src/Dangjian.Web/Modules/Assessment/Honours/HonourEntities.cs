using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Assessment.Honours;

/// <summary>The honours of 两优一先: two for persons, one for units (docs/rules/points-and-assessment.md#pa-18).</summary>
public enum HonourKind
{
    ExcellentMember,
    ExcellentWorker,
    AdvancedOrganisation,
}

/// <summary>The phases of a campaign, in their only order (docs/rules/points-and-assessment.md#pa-17).</summary>
public enum HonourCampaignStatus
{
    Nomination,
    Vote,
    Approval,
    Notice,
    Awarded,
}

public enum HonourNominationStatus
{
    Nominated,
    Approved,
    Withdrawn,
    Awarded,
}

public enum HonourObjectionOutcome
{
    Pending,
    Upheld,
    Dismissed,
}

/// <summary>
/// A 先优评选 of a unit for a year: the totals per kind (0 = the kind is not awarded), the planned dates of its phases and
/// the phase it is in. <see cref="Version"/> guards every write that counts against a quota, so two concurrent
/// nominations or approvals cannot both take the last place.
/// </summary>
public sealed class HonourCampaign : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public int ExcellentMembers { get; set; }
    public int ExcellentWorkers { get; set; }
    public int AdvancedOrganisations { get; set; }
    public DateOnly NominationOpensOn { get; set; }
    public DateOnly NominationClosesOn { get; set; }
    public DateOnly VoteClosesOn { get; set; }
    public DateOnly NoticeStartsOn { get; set; }
    public DateOnly NoticeEndsOn { get; set; }
    public DateOnly AwardOn { get; set; }
    public HonourCampaignStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }
    public int Version { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;

    public int TotalOf(HonourKind kind) => kind switch
    {
        HonourKind.ExcellentMember => ExcellentMembers,
        HonourKind.ExcellentWorker => ExcellentWorkers,
        _ => AdvancedOrganisations,
    };
}

/// <summary>How many of a kind a unit below the campaign's unit may put forward (and have approved).</summary>
public sealed class HonourQuota : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public HonourKind Kind { get; set; }
    public int Number { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

/// <summary>
/// A nominee put forward by a unit holding a quota: a member of its subtree, or (先进基层党组织) the unit itself or one
/// below it. <see cref="NomineeId"/> is the member's or the unit's id; <see cref="NomineePath"/> where the nominee is filed.
/// </summary>
public sealed class HonourNomination : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CampaignId { get; set; }
    public HonourKind Kind { get; set; }
    public Guid NomineeId { get; set; }
    public required string NomineeName { get; set; }
    [Platform.OrgPathCopy] public required string NomineePath { get; set; }
    /// <summary>The nominating unit (the quota's).</summary>
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public required string Reason { get; set; }
    public HonourNominationStatus Status { get; set; }
    public DateTimeOffset NominatedAt { get; set; }
    public string NominatedBy { get; set; } = "";
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

/// <summary>One voter's yes or no on one nominee; only the tallies are ever shown.</summary>
public sealed class HonourVote : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid NominationId { get; set; }
    public Guid VoterMemberId { get; set; }
    public bool Yes { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>An objection to a noticed nominee and its answer (docs/rules/points-and-assessment.md#pa-19).</summary>
public sealed class HonourObjection : ITenantOwned, IAudited
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid CampaignUnitId { get; set; }
    public Guid NominationId { get; set; }
    public Guid LodgedByUserId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset LodgedAt { get; set; }
    public HonourObjectionOutcome Outcome { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }

    Guid IAudited.AuditOrgUnitId => CampaignUnitId;
}

/// <summary>
/// An honour awarded, kept here because the registry offers no contract to write its 奖惩 entries: the person's (or the
/// unit's) honours page reads it, and the ledger holds its <c>honour.awarded</c> entry.
/// </summary>
public sealed class HonourAward : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid NominationId { get; set; }
    public HonourKind Kind { get; set; }
    public Guid NomineeId { get; set; }
    public required string NomineeName { get; set; }
    /// <summary>Where the nominee is filed (a member's unit, or the awarded unit).</summary>
    public required string OrgPath { get; set; }
    public Guid OrgUnitId { get; set; }
    public int Year { get; set; }
    public required string CampaignTitle { get; set; }
    public DateOnly AwardedOn { get; set; }
    public DateTimeOffset AwardedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

internal sealed class HonourConfiguration : IEntityTypeConfiguration<HonourCampaign>, IEntityTypeConfiguration<HonourQuota>,
    IEntityTypeConfiguration<HonourNomination>, IEntityTypeConfiguration<HonourVote>, IEntityTypeConfiguration<HonourObjection>,
    IEntityTypeConfiguration<HonourAward>
{
    public void Configure(EntityTypeBuilder<HonourCampaign> e)
    {
        e.ToTable("HonourCampaigns");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.TenantId, x.OrgPath, x.Year });
    }

    public void Configure(EntityTypeBuilder<HonourQuota> e)
    {
        e.ToTable("HonourQuotas");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.HasIndex(x => new { x.TenantId, x.CampaignId, x.OrgUnitId, x.Kind }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<HonourNomination> e)
    {
        e.ToTable("HonourNominations");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.NomineePath).HasMaxLength(400);
        e.Property(x => x.NomineeName).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.Property(x => x.NominatedBy).HasMaxLength(100);
        e.Property(x => x.ApprovedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.TenantId, x.CampaignId, x.Kind, x.NomineeId }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.CampaignId, x.OrgPath });
    }

    public void Configure(EntityTypeBuilder<HonourVote> e)
    {
        e.ToTable("HonourVotes");
        e.HasIndex(x => new { x.TenantId, x.NominationId, x.VoterMemberId }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.CampaignId });
    }

    public void Configure(EntityTypeBuilder<HonourObjection> e)
    {
        e.ToTable("HonourObjections");
        e.Property(x => x.Text).HasMaxLength(1000);
        e.Property(x => x.Answer).HasMaxLength(1000);
        e.Property(x => x.AnsweredBy).HasMaxLength(100);
        e.HasIndex(x => new { x.TenantId, x.CampaignId, x.NominationId });
    }

    public void Configure(EntityTypeBuilder<HonourAward> e)
    {
        e.ToTable("HonourAwards");
        e.Property(x => x.OrgPath).HasMaxLength(400);
        e.Property(x => x.NomineeName).HasMaxLength(100);
        e.Property(x => x.CampaignTitle).HasMaxLength(200);
        e.HasIndex(x => new { x.TenantId, x.NominationId }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.NomineeId });
        e.HasIndex(x => new { x.TenantId, x.OrgPath });
    }
}

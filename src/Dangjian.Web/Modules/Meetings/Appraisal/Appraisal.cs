using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>The grades of 民主评议党员.</summary>
[Dangjian.Web.Platform.ModuleContract]
public enum AppraisalGrade
{
    Excellent,
    Qualified,
    BasicallyQualified,
    Unqualified,
}

/// <summary>One member's self-appraisal in a 民主评议 meeting.</summary>
public sealed class AppraisalSelf : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public required string Text { get; set; }
    public AppraisalGrade Grade { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>One voter's grade for one member (mutual appraisal and vote); who voted what is not shown, only tallies.</summary>
public sealed class AppraisalVote : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid VoterMemberId { get; set; }
    public Guid SubjectMemberId { get; set; }
    public AppraisalGrade Grade { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>The grade a member received, on their record.</summary>
public sealed class AppraisalResult : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public int Year { get; set; }
    public AppraisalGrade Grade { get; set; }
    public int Voters { get; set; }
    public int Excellent { get; set; }
    public int Qualified { get; set; }
    public int BasicallyQualified { get; set; }
    public int Unqualified { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}

internal sealed class AppraisalConfiguration : IEntityTypeConfiguration<AppraisalSelf>, IEntityTypeConfiguration<AppraisalVote>,
    IEntityTypeConfiguration<AppraisalResult>
{
    public void Configure(EntityTypeBuilder<AppraisalSelf> e)
    {
        e.ToTable("AppraisalSelves");
        e.Property(x => x.Text).HasMaxLength(2000);
        e.HasIndex(x => new { x.TenantId, x.MeetingId, x.MemberId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AppraisalVote> e)
    {
        e.ToTable("AppraisalVotes");
        e.HasIndex(x => new { x.TenantId, x.MeetingId, x.VoterMemberId, x.SubjectMemberId }).IsUnique().HasDatabaseName("IX_AppraisalVotes_Ballot");
    }

    public void Configure(EntityTypeBuilder<AppraisalResult> e)
    {
        e.ToTable("AppraisalResults");
        e.HasIndex(x => new { x.TenantId, x.MemberId, x.Year });
        e.HasIndex(x => new { x.TenantId, x.MeetingId, x.MemberId }).IsUnique();
    }
}

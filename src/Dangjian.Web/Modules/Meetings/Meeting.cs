using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>The kinds of organisational life (三会一课 and the rest) of docs/rules/organisation.md#o-10.</summary>
public enum MeetingType
{
    BranchGeneralMeeting,
    CommitteeMeeting,
    GroupMeeting,
    PartyLecture,
    ThemeDay,
    OrgLifeMeeting,
    DemocraticAppraisal,
    HeartTalk,
    FirstTopicStudy,
    CentralGroupStudy,
    JointMeeting,
}

public enum MeetingMode
{
    Onsite,
    Online,
    Mixed,
}

public enum MeetingStatus
{
    Planned,
    Cancelled,
}

/// <summary>预审报备: the plan of a meeting submitted to the organisation above, which approves or returns it.</summary>
public enum PreApproval
{
    NotRequired,
    NotSubmitted,
    Submitted,
    Approved,
    Returned,
}

/// <summary>One meeting of a unit: what, when, where; the host signs in without a code, the others with the rotating code.</summary>
public sealed class Meeting : ITenantOwned, IAudited, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrgUnitId { get; set; }
    public required string OrgPath { get; set; }
    public MeetingType Type { get; set; }
    public required string Topic { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public MeetingMode Mode { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public Guid HostUserId { get; set; }
    public string HostName { get; set; } = "";
    public MeetingStatus Status { get; set; }
    public PreApproval PreApproval { get; set; }

    /// <summary>The 第一议题 this meeting studies first, if any.</summary>
    public Guid? FirstTopicId { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? ReturnReason { get; set; }

    /// <summary>When the roll was closed (<see cref="Attendance.MeetingRolls"/>); null while the meeting is still open.</summary>
    public DateTimeOffset? RollClosedAt { get; set; }

    /// <summary>The key of the rotating sign-in code (base64, 32 random bytes); never sent to attendees.</summary>
    public required string SignInSecret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    Guid IAudited.AuditOrgUnitId => OrgUnitId;
}

public enum SignInMethod
{
    Host,
    Code,
}

/// <summary>A person's sign-in to a meeting: once per person, the first time kept.</summary>
public sealed class MeetingSignIn : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    public bool Late { get; set; }
    public bool Remote { get; set; }
    public SignInMethod Method { get; set; }
}

public enum LeaveStatus
{
    Pending,
    Approved,
    Refused,
}

/// <summary>请假: a member asks the host to be excused from a meeting, with a reason.</summary>
public sealed class MeetingLeave : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public required string MemberName { get; set; }
    public required string Reason { get; set; }
    public LeaveStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

internal sealed class MeetingLeaveConfiguration : IEntityTypeConfiguration<MeetingLeave>
{
    public void Configure(EntityTypeBuilder<MeetingLeave> e)
    {
        e.ToTable("MeetingLeaves");
        e.Property(l => l.MemberName).HasMaxLength(100);
        e.Property(l => l.Reason).HasMaxLength(400);
        e.Property(l => l.DecidedBy).HasMaxLength(100);
        e.HasIndex(l => new { l.TenantId, l.MeetingId, l.MemberId }).IsUnique();
    }
}

/// <summary>观察员: someone the organisation above sends to a meeting, who rates it (1–5 on three counts) with comments.</summary>
public sealed class MeetingObserver : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public string AssignedBy { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
    public int? Criticism { get; set; }
    public int? Preparation { get; set; }
    public int? Participation { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset? RatedAt { get; set; }
}

internal sealed class MeetingObserverConfiguration : IEntityTypeConfiguration<MeetingObserver>
{
    public void Configure(EntityTypeBuilder<MeetingObserver> e)
    {
        e.ToTable("MeetingObservers");
        e.Property(o => o.Name).HasMaxLength(100);
        e.Property(o => o.AssignedBy).HasMaxLength(100);
        e.Property(o => o.Comment).HasMaxLength(1000);
        e.HasIndex(o => new { o.TenantId, o.MeetingId, o.UserId }).IsUnique();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.ToTable("Meetings");
        e.Property(m => m.OrgPath).HasMaxLength(400);
        e.Property(m => m.Topic).HasMaxLength(200);
        e.Property(m => m.Place).HasMaxLength(200);
        e.Property(m => m.OnlineLink).HasMaxLength(400);
        e.Property(m => m.HostName).HasMaxLength(100);
        e.Property(m => m.SignInSecret).HasMaxLength(64);
        e.Property(m => m.DecidedBy).HasMaxLength(100);
        e.Property(m => m.ReturnReason).HasMaxLength(400);
        e.HasIndex(m => new { m.TenantId, m.OrgPath, m.StartsAt });
        e.HasIndex(m => new { m.TenantId, m.FirstTopicId });
        e.HasIndex(m => new { m.TenantId, m.RollClosedAt, m.EndsAt });
    }
}

internal sealed class MeetingSignInConfiguration : IEntityTypeConfiguration<MeetingSignIn>
{
    public void Configure(EntityTypeBuilder<MeetingSignIn> e)
    {
        e.ToTable("MeetingSignIns");
        e.HasIndex(s => new { s.TenantId, s.MeetingId, s.MemberId }).IsUnique();
        e.HasIndex(s => new { s.TenantId, s.MemberId, s.SignedAt });
    }
}

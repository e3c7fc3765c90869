using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Modules.Meetings.Attendance;

/// <summary>How one expected attendee came out of a meeting once its roll was closed.</summary>
[ModuleContract]
public enum AttendanceOutcome
{
    Present,
    Late,
    OnLeave,
    Absent,
}

/// <summary>
/// One line of a meeting's closed roll: a person who was expected at it and how they came out of it. The roll is
/// written once the meeting is over (<see cref="MeetingRolls"/>), so rates are counted from who was expected then,
/// not from today's roll. <see cref="OrgPath"/> is the person's unit at that time; it moves with the unit.
/// </summary>
public sealed class MeetingAttendance : ITenantOwned, Organizations.IHasOrgPath
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public required string OrgPath { get; set; }
    public MeetingType MeetingType { get; set; }
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>The meeting's month in China time as yyyymm (202611), for monthly roll-ups.</summary>
    public int Month { get; set; }
    public AttendanceOutcome Outcome { get; set; }
    public bool Remote { get; set; }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> e)
    {
        e.ToTable("MeetingAttendances");
        e.Property(a => a.OrgPath).HasMaxLength(400);
        e.HasIndex(a => new { a.TenantId, a.MeetingId, a.MemberId }).IsUnique();
        e.HasIndex(a => new { a.TenantId, a.OrgPath, a.StartsAt });
        e.HasIndex(a => new { a.TenantId, a.MemberId, a.StartsAt });
        e.HasIndex(a => new { a.TenantId, a.Month });
    }
}

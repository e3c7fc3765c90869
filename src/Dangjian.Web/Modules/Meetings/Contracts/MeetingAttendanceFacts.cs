using Dangjian.Web.Data;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Meetings.Contracts;

/// <summary>How one person came out of one meeting's closed roll: signed in (late included), on leave, or absent without leave.</summary>
public sealed record AttendanceLine(Guid MemberId, Guid MeetingId, DateTimeOffset StartsAt, bool Attended, bool OnLeave);

/// <summary>
/// The read contract of the closed rolls per person for the points bank (Assessment): every line of the rolls of meetings
/// that started in [from, before), so points are counted from the same roll as the attendance rates.
/// </summary>
[ModuleContract]
public sealed class MeetingAttendanceFacts(AppDbContext db)
{
    public Task<List<AttendanceLine>> LinesAsync(DateTimeOffset from, DateTimeOffset before, CancellationToken ct) =>
        db.MeetingAttendances.AsNoTracking().Where(a => a.StartsAt >= from && a.StartsAt < before)
            .Select(a => new AttendanceLine(a.MemberId, a.MeetingId, a.StartsAt,
                a.Outcome == AttendanceOutcome.Present || a.Outcome == AttendanceOutcome.Late, a.Outcome == AttendanceOutcome.OnLeave))
            .ToListAsync(ct);
}

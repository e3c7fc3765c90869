using Dangjian.Web.Data;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Meetings.Contracts;

/// <summary>A person's latest closed rolls were all absences without leave: how many in a row, and the first of them.</summary>
public sealed record AbsenceStreak(Guid MemberId, int Count, DateTimeOffset Since);

/// <summary>
/// Absences without leave in a row, for the early warnings of the political check-up: for each person, the absences on the
/// closed rolls after the last meeting they attended, were late to or were excused from. One grouped query over the
/// Meetings module's own table.
/// </summary>
[ModuleContract]
public sealed class AbsenceStreaks(AppDbContext db)
{
    /// <summary>People whose trailing streak since <paramref name="fromMonth"/> (yyyymm) is at least <paramref name="atLeast"/> meetings.</summary>
    public Task<List<AbsenceStreak>> AtLeastAsync(int fromMonth, int atLeast, CancellationToken ct) =>
        db.MeetingAttendances.AsNoTracking()
            .Where(a => a.Month >= fromMonth && a.Outcome == AttendanceOutcome.Absent
                        && !db.Set<MeetingAttendance>().Any(b => b.MemberId == a.MemberId && b.StartsAt > a.StartsAt && b.Outcome != AttendanceOutcome.Absent))
            .GroupBy(a => a.MemberId)
            .Select(g => new { Member = g.Key, Count = g.Count(), Since = g.Min(a => a.StartsAt) })
            .Where(g => g.Count >= atLeast)
            .Select(g => new AbsenceStreak(g.Member, g.Count, g.Since)).ToListAsync(ct);
}

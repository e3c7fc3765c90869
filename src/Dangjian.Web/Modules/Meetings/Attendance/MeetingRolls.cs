using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Meetings.Attendance;

/// <summary>
/// Closes the roll of meetings that are over: every person expected then gets one line (signed in, late, on approved
/// leave or absent), and the meeting is marked so it is never closed twice. Sign-in closes at the end; the roll waits
/// <see cref="MeetingOptions.RollClosesAfterMinutes"/> more for the host to decide late leave requests.
/// </summary>
public sealed class MeetingRolls(AppDbContext db, TimeProvider clock, IOptions<MeetingOptions> options)
{
    /// <summary>Closes up to <paramref name="max"/> rolls due in the current tenant; returns how many were closed.</summary>
    public async Task<int> CloseDueAsync(int max, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = now.AddMinutes(-options.Value.RollClosesAfterMinutes);
        var due = await db.Meetings.Where(m => m.RollClosedAt == null && m.Status == MeetingStatus.Planned && m.EndsAt <= before)
            .OrderBy(m => m.EndsAt).Take(max).ToListAsync(ct);
        foreach (var m in due) await CloseAsync(m, now, ct);
        return due.Count;
    }

    private async Task CloseAsync(Meeting m, DateTimeOffset now, CancellationToken ct)
    {
        var expected = await ExpectedAttendees.Of(db, m).Select(x => new { x.Id, x.OrgPath }).ToListAsync(ct);
        var signIns = await db.MeetingSignIns.Where(s => s.MeetingId == m.Id).Select(s => new { s.MemberId, s.Late, s.Remote })
            .ToDictionaryAsync(s => s.MemberId, ct);
        var excused = (await db.MeetingLeaves.Where(l => l.MeetingId == m.Id && l.Status == LeaveStatus.Approved).Select(l => l.MemberId)
            .ToListAsync(ct)).ToHashSet();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Only a meeting still open is closed: a second instance racing on it updates nothing and writes nothing.
        var marked = await db.Meetings.Where(x => x.Id == m.Id && x.RollClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RollClosedAt, now), ct);
        if (marked == 0) return;
        foreach (var person in expected)
        {
            var signed = signIns.GetValueOrDefault(person.Id);
            db.MeetingAttendances.Add(new MeetingAttendance
            {
                Id = Guid.CreateVersion7(now), MeetingId = m.Id, MemberId = person.Id, OrgPath = person.OrgPath, MeetingType = m.Type,
                StartsAt = m.StartsAt, Month = AttendanceRules.MonthOf(m.StartsAt), Outcome = AttendanceRules.Outcome(signed is not null, signed?.Late == true, excused.Contains(person.Id)),
                Remote = signed?.Remote == true,
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}

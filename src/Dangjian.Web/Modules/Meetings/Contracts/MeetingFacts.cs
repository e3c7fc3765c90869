using Dangjian.Web.Data;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Meetings.Contracts;

/// <summary>A meeting held (not cancelled): where and when, and whether it was a 主题党日.</summary>
public sealed record HeldMeeting(Guid OrgUnitId, bool ThemeDay, DateTimeOffset StartsAt);

/// <summary>The closed rolls of one unit path and month (yyyymm): people expected, signed in (late included), on leave.</summary>
public sealed record RollMonth(string OrgPath, int Month, int Expected, int SignedIn, int OnLeave);

/// <summary>A person absent without leave from every one of <see cref="Count"/> meetings.</summary>
public sealed record AbsentStreak(Guid MemberId, int Count);

/// <summary>
/// The read contract of organisational life for other modules (the dashboard's roll-ups and weak links, the registry's
/// out-of-contact rule): grouped answers from the Meetings module's own tables, so that no other module reads them.
/// </summary>
[ModuleContract]
public sealed class MeetingFacts(AppDbContext db)
{
    /// <summary>Meetings not cancelled that started in [<paramref name="from"/>, <paramref name="before"/>), optionally under a path.</summary>
    public Task<List<HeldMeeting>> HeldAsync(DateTimeOffset from, DateTimeOffset before, string? underPath, CancellationToken ct)
    {
        var q = db.Meetings.AsNoTracking().Where(m => m.Status != MeetingStatus.Cancelled && m.StartsAt >= from && m.StartsAt < before);
        if (underPath is not null) q = q.UnderPath(underPath);
        return q.Select(m => new HeldMeeting(m.OrgUnitId, m.Type == MeetingType.ThemeDay, m.StartsAt)).ToListAsync(ct);
    }

    /// <summary>The closed rolls summed by unit path and month, from <paramref name="fromMonth"/> (yyyymm) on, optionally up to a month and under a path.</summary>
    public Task<List<RollMonth>> RollsByPathAndMonthAsync(int fromMonth, int? toMonth, string? underPath, CancellationToken ct)
    {
        var q = db.MeetingAttendances.AsNoTracking().Where(a => a.Month >= fromMonth);
        if (toMonth is { } last) q = q.Where(a => a.Month <= last);
        if (underPath is not null) q = q.UnderPath(underPath);
        return q.GroupBy(a => new { a.OrgPath, a.Month })
            .Select(g => new RollMonth(g.Key.OrgPath, g.Key.Month, g.Count(),
                g.Count(a => a.Outcome == AttendanceOutcome.Present || a.Outcome == AttendanceOutcome.Late),
                g.Count(a => a.Outcome == AttendanceOutcome.OnLeave)))
            .ToListAsync(ct);
    }

    /// <summary>People absent without leave from every meeting they were expected at since <paramref name="fromMonth"/>, at least <paramref name="atLeast"/> of them.</summary>
    public Task<List<AbsentStreak>> AbsentThroughoutAsync(int fromMonth, int atLeast, CancellationToken ct) =>
        db.MeetingAttendances.AsNoTracking().Where(a => a.Month >= fromMonth).GroupBy(a => a.MemberId)
            .Select(g => new { Member = g.Key, Count = g.Count(), Absent = g.Count(a => a.Outcome == AttendanceOutcome.Absent) })
            .Where(g => g.Count >= atLeast && g.Absent == g.Count)
            .Select(g => new AbsentStreak(g.Member, g.Count)).ToListAsync(ct);

    /// <summary>Each person's latest sign-in to a meeting (an instant), for the given people or everyone.</summary>
    public async Task<Dictionary<Guid, DateTimeOffset>> LastSignInsAsync(IReadOnlyCollection<Guid>? memberIds, CancellationToken ct)
    {
        var q = db.MeetingSignIns.AsNoTracking();
        if (memberIds is not null) q = q.Where(s => memberIds.Contains(s.MemberId));
        return await q.GroupBy(s => s.MemberId).Select(g => new { g.Key, Last = g.Max(s => s.SignedAt) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
    }
}

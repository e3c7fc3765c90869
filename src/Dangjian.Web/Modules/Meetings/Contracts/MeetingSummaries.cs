using Dangjian.Web.Data;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Meetings.Contracts;

/// <summary>What another module may know of one meeting to file something under it: its unit and path, type, topic and start.</summary>
public sealed record MeetingSummary(Guid Id, Guid OrgUnitId, string OrgPath, string Type, string Topic, DateTimeOffset StartsAt, bool Cancelled);

/// <summary>
/// The read contract of single meetings for other modules (education links a case to a meeting as its required
/// study): the meeting's place in the tree, so the caller checks its own scope on it, and who is expected at it.
/// </summary>
[ModuleContract]
public sealed class MeetingSummaries(AppDbContext db)
{
    /// <summary>The meeting with this id (the tenant's filter applies), or null.</summary>
    public Task<MeetingSummary?> FindAsync(Guid meetingId, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new MeetingSummary(m.Id, m.OrgUnitId, m.OrgPath, m.Type.ToString(), m.Topic, m.StartsAt, m.Status == MeetingStatus.Cancelled))
            .FirstOrDefaultAsync(ct);

    /// <summary>The people expected at the meeting (<see cref="ExpectedAttendees"/>), with their unit paths; empty for an unknown meeting.</summary>
    public async Task<List<(Guid MemberId, string OrgPath)>> ExpectedAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return [];
        var rows = await ExpectedAttendees.Of(db, meeting).AsNoTracking().Select(m => new { m.Id, m.OrgPath }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.OrgPath)).ToList();
    }
}

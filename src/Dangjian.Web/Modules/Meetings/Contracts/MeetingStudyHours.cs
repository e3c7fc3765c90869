using Dangjian.Web.Data;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Meetings.Contracts;

/// <summary>A meeting a person signed in to: when it ran, its type (the name of <see cref="MeetingType"/>) and topic.</summary>
public sealed record AttendedMeeting(Guid MemberId, Guid MeetingId, string Type, string Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// The read contract of attended meetings for the learning archive (Education): per person, the meetings of the given
/// types they signed in to that started in [startsFrom, startsBefore), not cancelled. Types are named as strings so the reader
/// needs none of this module's types; an unknown name matches nothing.
/// </summary>
[ModuleContract]
public sealed class MeetingStudyHours(AppDbContext db)
{
    public async Task<List<AttendedMeeting>> AttendedAsync(IReadOnlyCollection<Guid> memberIds, IReadOnlyCollection<string> types, DateTimeOffset startsFrom,
        DateTimeOffset startsBefore, CancellationToken ct)
    {
        var kinds = types.Select(t => Enum.TryParse<MeetingType>(t, ignoreCase: false, out var k) ? k : (MeetingType?)null)
            .Where(k => k is not null).Select(k => k!.Value).Distinct().ToList();
        var found = new List<AttendedMeeting>();
        if (kinds.Count == 0 || memberIds.Count == 0) return found;
        foreach (var chunk in memberIds.Distinct().Chunk(500))
        {
            var rows = await (from s in db.MeetingSignIns.AsNoTracking()
                              join m in db.Meetings.AsNoTracking() on s.MeetingId equals m.Id
                              where chunk.Contains(s.MemberId) && kinds.Contains(m.Type) && m.Status != MeetingStatus.Cancelled
                                    && m.StartsAt >= startsFrom && m.StartsAt < startsBefore
                              select new { s.MemberId, m.Id, m.Type, m.Topic, m.StartsAt, m.EndsAt }).ToListAsync(ct);
            found.AddRange(rows.Select(r => new AttendedMeeting(r.MemberId, r.Id, r.Type.ToString(), r.Topic, r.StartsAt, r.EndsAt)));
        }
        return found.OrderBy(a => a.StartsAt).ToList();
    }
}

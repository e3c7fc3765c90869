using Dangjian.Web.Modules.Dues.Contracts;
using Dangjian.Web.Modules.Meetings.Contracts;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members.Contact;

/// <summary>
/// The latest contact the platform has seen for each member: dues payments, follow-ups that reached the member,
/// mobile members' reports, and signing in to a meeting (organisational-life attendance).
/// </summary>
public static class LastContact
{
    public static async Task<Dictionary<Guid, DateOnly>> ForTenantAsync(AppDbContext db, IReadOnlyCollection<Guid>? memberIds, CancellationToken ct)
    {
        // Payments and sign-ins are the Dues and Meetings modules' tables: asked through their read contracts.
        var (dues, meetings) = (new DuesFacts(db), new MeetingFacts(db));
        var followUps = db.ContactFollowUps.Where(f => f.Reached);
        var reports = db.MobileReports.AsQueryable();
        if (memberIds is not null)
        {
            followUps = followUps.Where(f => memberIds.Contains(f.MemberId));
            reports = reports.Where(r => memberIds.Contains(r.MemberId));
        }
        var result = new Dictionary<Guid, DateOnly>();
        void Take(Guid id, DateOnly on)
        {
            if (!result.TryGetValue(id, out var seen) || on > seen) result[id] = on;
        }
        foreach (var (id, last) in await dues.LastPaymentsAsync(memberIds, ct)) Take(id, last);
        foreach (var f in await followUps.GroupBy(f => f.MemberId).Select(g => new { g.Key, Last = g.Max(f => f.On) }).ToListAsync(ct)) Take(f.Key, f.Last);
        foreach (var r in await reports.GroupBy(r => r.MemberId).Select(g => new { g.Key, Last = g.Max(r => r.ReportedOn) }).ToListAsync(ct)) Take(r.Key, r.Last);
        foreach (var (id, last) in await meetings.LastSignInsAsync(memberIds, ct)) Take(id, ChinaTime.Date(last));
        return result;
    }
}

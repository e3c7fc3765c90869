using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Meetings;
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
        var payments = db.DuesPayments.AsQueryable();
        var followUps = db.ContactFollowUps.Where(f => f.Reached);
        var reports = db.MobileReports.AsQueryable();
        var signIns = db.MeetingSignIns.AsQueryable();
        if (memberIds is not null)
        {
            payments = payments.Where(p => memberIds.Contains(p.MemberId));
            followUps = followUps.Where(f => memberIds.Contains(f.MemberId));
            reports = reports.Where(r => memberIds.Contains(r.MemberId));
            signIns = signIns.Where(s => memberIds.Contains(s.MemberId));
        }
        var result = new Dictionary<Guid, DateOnly>();
        void Take(Guid id, DateOnly on)
        {
            if (!result.TryGetValue(id, out var seen) || on > seen) result[id] = on;
        }
        foreach (var p in await payments.GroupBy(p => p.MemberId).Select(g => new { g.Key, Last = g.Max(p => p.PaidOn) }).ToListAsync(ct)) Take(p.Key, p.Last);
        foreach (var f in await followUps.GroupBy(f => f.MemberId).Select(g => new { g.Key, Last = g.Max(f => f.On) }).ToListAsync(ct)) Take(f.Key, f.Last);
        foreach (var r in await reports.GroupBy(r => r.MemberId).Select(g => new { g.Key, Last = g.Max(r => r.ReportedOn) }).ToListAsync(ct)) Take(r.Key, r.Last);
        foreach (var s in await signIns.GroupBy(s => s.MemberId).Select(g => new { g.Key, Last = g.Max(s => s.SignedAt) }).ToListAsync(ct))
            Take(s.Key, ChinaTime.Date(s.Last));
        return result;
    }
}

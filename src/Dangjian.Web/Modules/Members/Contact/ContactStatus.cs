using Dangjian.Web.Data;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Members.Contact;

/// <summary>A member who crossed into out-of-contact in one refresh.</summary>
public sealed record NewlyOutOfContact(Guid MemberId, string Name, Guid OrgUnitId, string OrgPath, DateOnly Since);

/// <summary>
/// Sets or clears <see cref="Member.OutOfContactSince"/> from <see cref="OutOfContactRule"/> and the contact the
/// platform has seen; the flag is derived here and nowhere else. The reason code stays until the member is reached.
/// </summary>
public static class ContactStatus
{
    public static async Task<List<NewlyOutOfContact>> RefreshAsync(AppDbContext db, DateOnly today, int months,
        IReadOnlyCollection<Guid>? memberIds, CancellationToken ct)
    {
        var query = db.Members.AsNoTracking()
            .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal);
        if (memberIds is not null) query = query.Where(m => memberIds.Contains(m.Id));
        var members = await query.Select(m => new { m.Id, m.CreatedAt, m.OutOfContactSince }).ToListAsync(ct);
        var last = await LastContact.ForTenantAsync(db, memberIds, ct);

        var changes = new Dictionary<Guid, DateOnly?>();
        foreach (var m in members)
        {
            var created = DateOnly.FromDateTime(m.CreatedAt.ToOffset(ChinaTime.Offset).DateTime);
            var since = OutOfContactRule.OutOfContactSince(last.TryGetValue(m.Id, out var c) ? c : null, created, today, months);
            if (since != m.OutOfContactSince) changes[m.Id] = since;
        }

        var newly = new List<NewlyOutOfContact>();
        foreach (var chunk in changes.Keys.Chunk(500))
        {
            var tracked = await db.Members.Where(m => chunk.Contains(m.Id)).ToListAsync(ct);
            foreach (var m in tracked)
            {
                var since = changes[m.Id];
                if (since is not null && m.OutOfContactSince is null) newly.Add(new NewlyOutOfContact(m.Id, m.Name, m.OrgUnitId, m.OrgPath, since.Value));
                m.OutOfContactSince = since;
                if (since is null) m.OutOfContactReason = null;
            }
            await db.SaveChangesAsync(ct);
        }
        return newly;
    }
}

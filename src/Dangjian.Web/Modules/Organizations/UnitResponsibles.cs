using Dangjian.Web.Platform;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>Who runs a unit: the users holding one of the given roles on it or on an ancestor, with a scope that reaches it; and telling them once.</summary>
[ModuleContract]
public static class UnitResponsibles
{
    public static readonly AppRole[] Organisers =
        [AppRole.SystemAdmin, AppRole.PartyAffairsWorker, AppRole.BranchSecretary, AppRole.OrganizationCommissioner];

    public static async Task<List<Guid>> FindAsync(AppDbContext db, string unitPath, IReadOnlyCollection<AppRole> roles, CancellationToken ct)
    {
        var paths = GetOrgUnit.AncestorPaths(unitPath);
        paths.Add(unitPath);
        var holders = await db.RoleAssignments
            .Join(db.OrgUnits, r => r.OrgUnitId, u => u.Id, (r, u) => new { r.UserId, r.Role, r.Scope, u.Path })
            .Where(x => paths.Contains(x.Path) && roles.Contains(x.Role))
            .ToListAsync(ct);
        return holders.Where(h => h.Scope != DataScope.Self && (h.Scope != DataScope.OwnUnit || h.Path == unitPath))
            .Select(h => h.UserId).Distinct().ToList();
    }

    /// <summary>
    /// Tells the people running a unit (<see cref="Organisers"/>) about one event, once: a user already sent the notice
    /// with this <paramref name="dedupKey"/> is skipped, so a job run again, or twice a day, sends nothing twice. Adds
    /// the notices to the context (the caller saves) and returns how many were added.
    /// </summary>
    public static async Task<int> NotifyOnceAsync(AppDbContext db, string unitPath, string dedupKey, DateTimeOffset now,
        string title, string body, string link, CancellationToken ct)
    {
        var users = await FindAsync(db, unitPath, Organisers, ct);
        var already = await db.Notifications.Where(n => n.DedupKey == dedupKey).Select(n => n.UserId).ToListAsync(ct);
        var count = 0;
        foreach (var userId in users.Except(already))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(now), UserId = userId, CreatedAt = now, Title = title, Body = body, Link = link, DedupKey = dedupKey,
            });
            count++;
        }
        return count;
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

/// <summary>A branch of the demo tenant with what its activity is seeded from.</summary>
internal sealed record DemoBranch(int Index, Guid Id, string Path, IReadOnlyList<DemoGroup> Groups);

internal sealed record DemoGroup(Guid Id, string Path);

/// <summary>A party member of the demo tenant (full or probationary, on the roll), numbered in a stable order.</summary>
internal sealed record DemoPerson(int Index, Guid Id, string Name, Guid OrgUnitId, string OrgPath, DateOnly? BirthDate, DateOnly? JoinedOn, bool Silent, bool Away);

/// <summary>
/// The demo's branches in the order <see cref="TenantSeeder"/> made them (position among siblings, then the parent's
/// position: keys and ids are random, so neither can order them), and the branches picked for its weak spots. The
/// meetings, the dues and the weak spots read the same list, so a weak spot is one branch across all of them.
/// </summary>
internal static class DemoBranches
{
    /// <summary>Skipped the 党课 of the last quarter (red on the calendar).</summary>
    public const int MissedLecture = 5;

    /// <summary>Sign-ins down to about half over the last three months, and the 主题党日 of three months ago missed (red).</summary>
    public const int LowSignIn = 6;

    /// <summary>About half its members stopped paying dues four months ago.</summary>
    public const int Arrears = 10;

    /// <summary>Its committee's term ends within three months.</summary>
    public const int TermEnding = 9;

    /// <summary>Skipped the 支委会 of two months ago (or, without a committee, the 主题党日): red.</summary>
    public const int MissedCommitteeMeeting = 13;

    public static async Task<IReadOnlyList<DemoBranch>> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.DissolvedAt == null)
            .Select(u => new { u.Id, u.ParentId, u.Path, u.Kind, u.SortOrder }).ToListAsync(ct);
        var sort = units.ToDictionary(u => u.Id, u => u.SortOrder);
        var groups = units.Where(u => u.Kind == OrgUnitKind.Group && u.ParentId is not null).OrderBy(u => u.SortOrder)
            .ToLookup(u => u.ParentId!.Value, u => new DemoGroup(u.Id, u.Path));
        return units.Where(u => u.Kind == OrgUnitKind.Branch)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.ParentId is { } p ? sort.GetValueOrDefault(p) : 0)
            .Select((u, i) => new DemoBranch(i, u.Id, u.Path, groups[u.Id].ToList())).ToList();
    }

    /// <summary>Full and probationary members on the roll, in a stable order (birth date, name: ids are random).</summary>
    public static async Task<IReadOnlyList<DemoPerson>> PartyAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Members.AsNoTracking()
            .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
            .Select(m => new { m.Id, m.Name, m.OrgUnitId, m.OrgPath, m.JoinedOn, m.BirthDate, m.OutOfContactSince, m.IsMobile }).ToListAsync(ct))
        .OrderBy(m => m.BirthDate).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.JoinedOn)
        .Select((m, i) => new DemoPerson(i, m.Id, m.Name, m.OrgUnitId, m.OrgPath, m.BirthDate, m.JoinedOn, m.OutOfContactSince is not null, m.IsMobile))
        .ToList();
}

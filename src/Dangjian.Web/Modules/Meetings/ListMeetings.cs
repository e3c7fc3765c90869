using Dangjian.Web.Modules.Members;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings;

public sealed record MeetingListItem(Guid Id, Guid OrgUnitId, string OrgUnitName, MeetingType Type, string Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    MeetingMode Mode, MeetingStatus Status, int SignedIn, bool SignedInByMe);

/// <summary>
/// The meetings of a unit and the units below it, newest first, read through <see cref="ReadDb"/> (a replica when there
/// is one: a meeting just planned or a sign-in just made may show a moment later); and the meetings a member is
/// expected at, from the primary (a member who has just signed in sees it at once).
/// </summary>
public sealed class ListMeetings(AppDbContext db, ReadDb read, OrgAccess access, CurrentUser user, IStringLocalizer<SharedResource> L)
{
    public async Task<Result<Page<MeetingListItem>>> HandleAsync(Guid? orgUnitId, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var q = read.Db.Meetings.Where(m => m.OrgPath.StartsWith(unit.Value!.Path));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.StartsAt).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<MeetingListItem>(await ItemsAsync(read.Db, rows, null, ct), page.Page, page.PageSize, total);
    }

    /// <summary>The caller's own meetings (as an expected attendee) from a week ago on, soonest first.</summary>
    public async Task<IReadOnlyList<MeetingListItem>> MineAsync(DateTimeOffset from, CancellationToken ct)
    {
        var me = await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => new { m.Id, m.OrgPath, m.OrgUnitId }).FirstOrDefaultAsync(ct);
        if (me is null) return [];
        var paths = GetOrgUnit.AncestorPaths(me.OrgPath);
        paths.Add(me.OrgPath);
        var candidates = await db.Meetings.AsNoTracking().Where(m => paths.Contains(m.OrgPath) && m.EndsAt >= from).OrderBy(m => m.StartsAt).Take(50).ToListAsync(ct);
        var mine = new List<Meeting>();
        foreach (var m in candidates)
        {
            if (await ExpectedAttendees.Of(db, m).AnyAsync(x => x.Id == me.Id, ct)) mine.Add(m);
        }
        return await ItemsAsync(db, mine, me.Id, ct);
    }

    private static async Task<List<MeetingListItem>> ItemsAsync(AppDbContext db, List<Meeting> rows, Guid? memberId, CancellationToken ct)
    {
        var ids = rows.Select(m => m.Id).ToList();
        var unitIds = rows.Select(m => m.OrgUnitId).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var counts = await db.MeetingSignIns.AsNoTracking().Where(s => ids.Contains(s.MeetingId)).GroupBy(s => s.MeetingId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var mine = memberId is { } id
            ? (await db.MeetingSignIns.AsNoTracking().Where(s => ids.Contains(s.MeetingId) && s.MemberId == id).Select(s => s.MeetingId).ToListAsync(ct)).ToHashSet()
            : [];
        return rows.Select(m => new MeetingListItem(m.Id, m.OrgUnitId, names.GetValueOrDefault(m.OrgUnitId, ""), m.Type, m.Topic, m.StartsAt, m.EndsAt, m.Mode,
            m.Status, counts.GetValueOrDefault(m.Id), mine.Contains(m.Id))).ToList();
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>
/// The whole subtree of a unit as an Excel roster of organisations: level, name, kind, set-up, host unit type,
/// parent, and party members (own roll and the whole subtree). Counts are one grouped query rolled up in memory.
/// </summary>
public sealed class ExportOrgSubtree(AppDbContext db, OrgAccess access, CurrentUser user, IStringLocalizer<SharedResource> L, IStringLocalizer<OrganizationsText> T)
{
    public async Task<Result<(string FileName, byte[] Content)>> HandleAsync(Guid id, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, Permission.ViewOrg, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var root = loaded.Value!;
        if (!user.CanInSubtree(Permission.ViewOrg, root.Path)) return Error.Forbidden(L["Auth.Forbidden"]);

        var units = await db.OrgUnits.AsNoTracking().InSubtree(root.Path).OrderBy(u => u.Path).ToListAsync(ct);
        var direct = await db.Members.InSubtree(root.Path)
            .Where(m => m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary)
            .GroupBy(m => m.OrgUnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var total = units.ToDictionary(u => u.Id, u => direct.GetValueOrDefault(u.Id));
        foreach (var u in units.OrderByDescending(u => u.Depth))
        {
            if (u.ParentId is { } p && total.ContainsKey(p)) total[p] += total[u.Id];
        }
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        // Depth-first order: a unit's row comes right before its sub-units.
        var ordered = Ordered(units);

        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, L["Nav.Org"],
            [T["Export.Level"], T["Org.Name"], T["Org.Kind"], T["Org.Setup"], T["Org.HostUnitType"], T["Export.Parent"], T["Export.OwnRoll"], T["Org.PartyMembers"]],
            ordered.Select(u => (IReadOnlyList<object?>)
            [
                u.Depth - root.Depth + 1, new string('　', u.Depth - root.Depth) + u.Name, T["Kind." + u.Kind].Value, T["Setup." + u.Setup].Value,
                u.HostUnitType, u.ParentId is { } p && names.TryGetValue(p, out var pn) ? pn : "", direct.GetValueOrDefault(u.Id), total[u.Id],
            ]));
        return (T["Export.FileName", root.Name], stream.ToArray());
    }

    private static List<OrgUnit> Ordered(List<OrgUnit> units)
    {
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var ids = units.Select(u => u.Id).ToHashSet();
        var result = new List<OrgUnit>(units.Count);
        var stack = new Stack<OrgUnit>(units.Where(u => u.ParentId is null || !ids.Contains(u.ParentId.Value)).Reverse());
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            result.Add(u);
            foreach (var c in children[u.Id].OrderByDescending(c => c.SortOrder).ThenByDescending(c => c.Name)) stack.Push(c);
        }
        return result;
    }
}

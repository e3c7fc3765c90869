using Dangjian.Web.Data;
using Dangjian.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>
/// A unit named with its parent ("综合办公室党支部 · 机关党总支"), for lists and selects where two units of a tenant can
/// share a name: every subsidiary has its own 综合办公室党支部, and the name alone does not say which.
/// </summary>
[ModuleContract]
public static class UnitLabels
{
    public static string Of(string name, string? parentName) => string.IsNullOrEmpty(parentName) ? name : $"{name} · {parentName}";

    /// <summary>The names of the parents of the given units, by unit id, in one query (units at the top have none; dissolved ones are named too, as old items still point at them).</summary>
    public static async Task<Dictionary<Guid, string>> ParentNamesAsync(AppDbContext db, IEnumerable<Guid> unitIds, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.OrgUnits.AsNoTracking().IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .Where(u => ids.Contains(u.Id) && u.ParentId != null)
            .Join(db.OrgUnits.AsNoTracking().IgnoreQueryFilters([AppDbContext.SoftDeleteFilter]), u => u.ParentId, p => (Guid?)p.Id, (u, p) => new { u.Id, p.Name })
            .ToDictionaryAsync(x => x.Id, x => x.Name, ct);
    }

    /// <summary>The names of the given units by id, in one query: the parents of a list that already holds its units' parent ids.</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(AppDbContext db, IEnumerable<Guid> unitIds, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.OrgUnits.AsNoTracking().IgnoreQueryFilters([AppDbContext.SoftDeleteFilter]).Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }
}

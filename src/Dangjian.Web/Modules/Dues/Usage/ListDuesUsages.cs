using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Dues.Reports;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues.Usage;

/// <summary>
/// A unit's dues usage for a year, a page at a time (newest first), with the year's total, the total per purpose and
/// the balance. Like the collection report, it covers the unit's subtree when the caller's role reaches it, else the
/// unit alone.
/// </summary>
public sealed class ListDuesUsages(AppDbContext db, DuesRoll roll, DuesBalance balances, IOptionsSnapshot<DuesOptions> options)
{
    public async Task<Result<DuesUsageListDto>> HandleAsync(Guid orgUnitId, string? year, PageRequest page, CancellationToken ct)
    {
        var loaded = await roll.LoadYearAsync(orgUnitId, year, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (s, y) = (loaded.Value!.Scope, loaded.Value.Year);

        var usages = balances.Usages(s.Unit, s.Subtree, y);
        var total = await usages.CountAsync(ct);
        var items = await usages.OrderByDescending(u => u.SpentOn).ThenByDescending(u => u.CreatedAt).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var ids = items.Select(u => u.Id).ToList();
        var reversedBy = await db.DuesUsages.AsNoTracking().Where(u => u.ReversesId != null && ids.Contains(u.ReversesId.Value))
            .ToDictionaryAsync(u => u.ReversesId!.Value, u => u.Id, ct);
        var unitIds = items.Select(u => u.OrgUnitId).Distinct().ToList();
        var unitNames = await db.OrgUnits.AsNoTracking().IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        var balance = await balances.ForAsync(s.Unit, s.Subtree, y, ct);
        return new DuesUsageListDto(
            s.Unit.Id, s.Unit.Name, y,
            items.Select(u => RecordDuesUsage.ToDto(u, unitNames.GetValueOrDefault(u.OrgUnitId, ""), reversedBy.TryGetValue(u.Id, out var r) ? r : null)).ToList(),
            page.Page, page.PageSize, total, balance.UsedFen, await balances.ByPurposeAsync(s.Unit, s.Subtree, y, ct), balance, options.Value.UsageOverdraftFen,
            DuesArticles.CentreShare);
    }
}

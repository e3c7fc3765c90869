using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues.Reports;

/// <summary>
/// Party members under a unit who have not paid for ArrearsWarningMonths or more consecutive months up to last month:
/// a warning, and from ArrearsFlagMonths a flag that 自行脱党 may apply (第十三条). The platform never acts on a flag;
/// only the 支部大会 decides. One query for the roll, one for its bases and one for each member's latest paid month,
/// then counting in memory: meant for a branch or a committee, not a whole province.
/// </summary>
public sealed class ArrearsReport(AppDbContext db, DuesRoll roll, TimeProvider clock, IOptionsSnapshot<DuesOptions> options)
{
    public async Task<Result<ArrearsReportDto>> HandleAsync(Guid? orgUnitId, PageRequest page, CancellationToken ct)
    {
        var scope = await roll.LoadAsync(orgUnitId, ct);
        if (!scope.IsSuccess) return scope.Error!;
        var s = scope.Value!;
        var o = options.Value;
        var lastMonth = DuesMonth.Of(clock.Today()).AddMonths(-1);

        var payers = await roll.PayersAsync(s, ct);
        var ids = s.Members.Select(m => m.Id);
        var latestPaid = await db.DuesPayments.AsNoTracking()
            .Where(p => p.Month <= lastMonth && ids.Contains(p.MemberId))
            .GroupBy(p => p.MemberId)
            .Select(g => new { MemberId = g.Key, Month = g.Max(p => p.Month) })
            .ToDictionaryAsync(x => x.MemberId, x => x.Month, ct);

        var inArrears = payers
            .Where(p => p.Bases.Count > 0)
            .Select(p => (Payer: p, Months: DuesBilling.UnpaidRun(lastMonth, p.Dues, p.Bases, latestPaid.TryGetValue(p.Id, out var m) ? m : null, o)))
            .Where(x => DuesRules.Arrears(x.Months, o) != ArrearsLevel.None)
            .OrderByDescending(x => x.Months).ThenBy(x => x.Payer.OrgPath, StringComparer.Ordinal).ThenBy(x => x.Payer.Name, StringComparer.Ordinal)
            .ToList();

        var items = inArrears.Skip(page.Skip).Take(page.PageSize).ToList();
        var unitIds = items.Select(x => x.Payer.OrgUnitId).Distinct().ToList();
        var unitNames = await db.OrgUnits.AsNoTracking().IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        return new ArrearsReportDto(
            s.Unit.Id, DuesMonth.Format(lastMonth), o.ArrearsWarningMonths, o.ArrearsFlagMonths, DuesArticles.Arrears,
            items.Select(x => new ArrearsItem(x.Payer.Id, x.Payer.Name, x.Payer.OrgUnitId, unitNames.GetValueOrDefault(x.Payer.OrgUnitId, ""), x.Months,
                DuesMonth.Format(lastMonth.AddMonths(1 - x.Months)), DuesRules.Arrears(x.Months, o))).ToList(),
            page.Page, page.PageSize, inArrears.Count);
    }
}

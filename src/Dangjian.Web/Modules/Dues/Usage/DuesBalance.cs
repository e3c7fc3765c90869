using Dangjian.Web.Modules.Dues.Reports;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues.Usage;

/// <summary>
/// A unit's dues money for a year, summed in the database: payments collected (by the month paid for, as the
/// collection report counts them) and usage entries (by the day spent), over the unit's subtree or the unit alone.
/// </summary>
public sealed class DuesBalance(AppDbContext db, IOptionsSnapshot<DuesOptions> options)
{
    /// <summary>The Centre's share is handed up by the end of April of the next year (第十五条).</summary>
    public static DateOnly HandUpBy(int year) => new(year + 1, 4, 30);

    public async Task<DuesYearBalance> ForAsync(OrgUnit unit, bool subtree, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 1);
        var payments = db.DuesPayments.AsNoTracking().Where(p => p.Month >= from && p.Month <= to);
        payments = subtree ? payments.InSubtree(unit.Path) : payments.Where(p => p.OrgPath == unit.Path);
        var money = await payments.GroupBy(p => 1)
            .Select(g => new
            {
                Collected = g.Sum(p => p.AmountFen),
                Voluntary = g.Sum(p => p.VoluntaryFen),
                ToCentre = g.Sum(p => p.ToCentre ? p.VoluntaryFen : 0),
            })
            .FirstOrDefaultAsync(ct);
        var used = await Usages(unit, subtree, year).SumAsync(u => u.AmountFen, ct);
        return DuesUsageRules.Balance(year, money?.Collected ?? 0, money?.Voluntary ?? 0, money?.ToCentre ?? 0, used, options.Value);
    }

    /// <summary>The year's usage entries (reversals included) of the unit's subtree or of the unit alone.</summary>
    public IQueryable<DuesUsage> Usages(OrgUnit unit, bool subtree, int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var usages = db.DuesUsages.AsNoTracking().Where(u => u.SpentOn >= from && u.SpentOn <= to);
        if (!subtree) return usages.Where(u => u.OrgPath == unit.Path);
        var upper = OrgPaths.UpperBound(unit.Path);
        return usages.Where(u => string.Compare(u.OrgPath, unit.Path) >= 0 && string.Compare(u.OrgPath, upper) < 0);
    }

    /// <summary>The year's usage per purpose, every purpose listed (0 when unused), in the enum's order.</summary>
    public async Task<IReadOnlyList<DuesUsageByPurpose>> ByPurposeAsync(OrgUnit unit, bool subtree, int year, CancellationToken ct)
    {
        var sums = await Usages(unit, subtree, year).GroupBy(u => u.Purpose)
            .Select(g => new { Purpose = g.Key, Fen = g.Sum(u => u.AmountFen) })
            .ToDictionaryAsync(x => x.Purpose, x => x.Fen, ct);
        return Enum.GetValues<DuesUsagePurpose>().Select(p => new DuesUsageByPurpose(p, sums.GetValueOrDefault(p))).ToList();
    }
}

using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Modules.Dues.Usage;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues.Reports;

/// <summary>
/// A unit's dues collection for a year, month by month: bills due and paid among the party members on its roll, the
/// money it collected, and what it hands up to the Centre: 5% of the dues collected (第十五条) by the end of April of
/// the next year, plus every voluntary payment of ¥1,000 or more in full (第十一条).
/// </summary>
public sealed class CollectionReport(AppDbContext db, DuesRoll roll, IOptionsSnapshot<DuesOptions> options)
{
    public async Task<Result<CollectionReportDto>> HandleAsync(Guid? orgUnitId, string? year, CancellationToken ct)
    {
        var loaded = await roll.LoadYearAsync(orgUnitId, year, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (s, y, from, to, today) = loaded.Value!;
        var o = options.Value;

        var payers = await roll.PayersAsync(s, ct);
        // One query: the year's payments collected in the scope, and those of the people on its roll wherever they paid.
        var ids = s.Members.Select(m => m.Id);
        var inYear = db.DuesPayments.AsNoTracking().Where(p => p.Month >= from && p.Month <= to);
        var path = s.Unit.Path;
        var upper = OrgPaths.UpperBound(path);
        var payments = await (s.Subtree
                ? inYear.Where(p => (string.Compare(p.OrgPath, path) >= 0 && string.Compare(p.OrgPath, upper) < 0) || ids.Contains(p.MemberId))
                : inYear.Where(p => p.OrgPath == path || ids.Contains(p.MemberId)))
            .Select(p => new { p.MemberId, p.Month, p.OrgPath, p.AmountFen, p.VoluntaryFen, p.ToCentre, p.PaidOn })
            .ToListAsync(ct);
        var byMemberMonth = payments.ToDictionary(p => (p.MemberId, p.Month), p => new DuesPaid(p.PaidOn, p.AmountFen, p.VoluntaryFen));
        var collected = payments.Where(p => DuesRoll.CollectedIn(s, p.OrgPath)).ToLookup(p => p.Month);

        var rows = new List<CollectionRow>(12);
        for (var m = from; m <= to; m = m.AddMonths(1))
        {
            int due = 0, paid = 0;
            long amountDue = 0;
            foreach (var payer in payers)
            {
                var bill = DuesBilling.Bill(m, payer.Dues, payer.Bases, byMemberMonth.GetValueOrDefault((payer.Id, m)), today, o);
                if (!DuesBillStatus.IsBilled(bill.Status)) continue;
                due++;
                amountDue += bill.AmountFen;
                if (DuesBillStatus.IsPaid(bill.Status)) paid++;
            }
            var money = collected[m].ToList();
            rows.Add(new CollectionRow(DuesMonth.Format(m), due, paid, amountDue, money.Sum(p => p.AmountFen), money.Sum(p => p.VoluntaryFen),
                money.Where(p => p.ToCentre).Sum(p => p.VoluntaryFen)));
        }

        var totals = new CollectionRow(y.ToString(System.Globalization.CultureInfo.InvariantCulture), rows.Sum(r => r.DueCount), rows.Sum(r => r.PaidCount),
            rows.Sum(r => r.AmountDueFen), rows.Sum(r => r.CollectedFen), rows.Sum(r => r.VoluntaryFen), rows.Sum(r => r.ToCentreFen));
        // Voluntary payments of ¥1,000 or more go to the Centre whole, so they are not in the base of the 5%.
        var figures = DuesUsageRules.Balance(y, totals.CollectedFen, totals.VoluntaryFen, totals.ToCentreFen, 0, o);
        return new CollectionReportDto(s.Unit.Id, y, rows, totals, figures.YearTotalFen, o.CentreShare, figures.CentreShareFen, totals.ToCentreFen,
            figures.HandUpFen, DuesBalance.HandUpBy(y), DuesArticles.CentreShare);
    }
}

using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Dues.Reports;
using Dangjian.Web.Modules.Dues.Usage;
using System.Globalization;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues.Publication;

/// <summary>
/// The yearly publication of a unit's dues (党费收缴使用情况公示): every party member on its roll and everyone who paid
/// in it that year, with the monthly amount and the months and money paid there; the money collected, handed up
/// (第十五条, 第十一条), used per purpose, and the balance. Names only — no ID numbers, no ids — because it is posted.
/// Figures come from the payments and usage entries themselves, so the people's rows add up to the total collected.
/// </summary>
public sealed class DuesPublication(AppDbContext db, DuesRoll roll, DuesBalance balances, IOptionsSnapshot<DuesOptions> options,
    IStringLocalizer<DuesText> T)
{
    public async Task<Result<DuesPublicationDto>> HandleAsync(Guid orgUnitId, string? year, CancellationToken ct)
    {
        var loaded = await roll.LoadYearAsync(orgUnitId, year, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (s, y, from, to, today) = loaded.Value!;
        var o = options.Value;
        var inScope = db.DuesPayments.AsNoTracking().Where(p => p.Month >= from && p.Month <= to);
        inScope = s.Subtree ? inScope.InSubtree(s.Unit.Path) : inScope.Where(p => p.OrgPath == s.Unit.Path);
        var paid = (await inScope.GroupBy(p => p.MemberId)
                .Select(g => new { MemberId = g.Key, Months = g.Count(), Fen = g.Sum(p => p.AmountFen), Voluntary = g.Sum(p => p.VoluntaryFen) })
                .ToListAsync(ct))
            .ToDictionary(x => x.MemberId);

        // The roll, and those who paid here that year but are no longer on it (moved, or no longer in good standing).
        var payers = await roll.PayersAsync(s, ct);
        var onRoll = payers.Select(p => p.Id).ToHashSet();
        var others = paid.Keys.Where(id => !onRoll.Contains(id)).ToList();
        var people = payers.Select(p => (p.Name, p.OrgUnitId, p.OrgPath, p.Id, Bases: (IReadOnlyList<(DateOnly, DuesCategory, long)>)p.Bases)).ToList();
        foreach (var chunk in others.Chunk(500))
        {
            var bases = (await db.DuesBases.AsNoTracking().Where(b => chunk.Contains(b.MemberId))
                    .Select(b => new { b.MemberId, b.EffectiveMonth, b.Category, b.BaseFen }).ToListAsync(ct))
                .ToLookup(b => b.MemberId, b => (b.EffectiveMonth, b.Category, b.BaseFen));
            people.AddRange((await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Id)).Select(m => new { m.Name, m.OrgUnitId, m.OrgPath, m.Id })
                    .ToListAsync(ct))
                .Select(m => (m.Name, m.OrgUnitId, m.OrgPath, m.Id, (IReadOnlyList<(DateOnly, DuesCategory, long)>)bases[m.Id].ToList())));
        }

        var unitIds = people.Select(p => p.OrgUnitId).Distinct().ToList();
        var unitNames = await db.OrgUnits.AsNoTracking().IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        // The amount in force at the end of the year, or this month for the current year.
        var asOf = y < today.Year ? to : DuesMonth.Of(today);
        var members = people
            .OrderBy(p => p.OrgPath, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p =>
            {
                var m = paid.GetValueOrDefault(p.Id);
                return new DuesPublicationMember(p.Name, unitNames.GetValueOrDefault(p.OrgUnitId, ""), DuesRules.MonthlyAmountFor(asOf, p.Bases, o),
                    m?.Months ?? 0, m?.Fen ?? 0, m?.Voluntary ?? 0);
            })
            .ToList();

        var balance = await balances.ForAsync(s.Unit, s.Subtree, y, ct);
        return new DuesPublicationDto(s.Unit.Id, s.Unit.Name, y, members, members.Sum(m => m.MonthsPaid), balance,
            await balances.ByPurposeAsync(s.Unit, s.Subtree, y, ct), DuesBalance.HandUpBy(y), DuesArticles.CentreShare);
    }

    /// <summary>The publication as one sheet: the people, then the year's money as label/value rows under them.</summary>
    public async Task<Result<(string FileName, byte[] Content)>> ExportAsync(Guid orgUnitId, string? year, CancellationToken ct)
    {
        var r = await HandleAsync(orgUnitId, year, ct);
        if (!r.IsSuccess) return r.Error!;
        var p = r.Value!;
        var b = p.Balance;
        static object Yuan(long fen) => fen / 100m;
        var rows = new List<IReadOnlyList<object?>>();
        rows.AddRange(p.Members.Select(m => (IReadOnlyList<object?>)[m.Name, m.OrgUnitName, Yuan(m.MonthlyFen), m.MonthsPaid, Yuan(m.PaidFen), Yuan(m.VoluntaryFen)]));
        rows.Add([T["DuesPublication.Total"].Value, "", null, p.MonthsPaid, Yuan(b.CollectedFen), Yuan(b.VoluntaryFen)]);
        rows.Add([]);
        rows.Add([T["DuesPublication.Collected"].Value, Yuan(b.CollectedFen + b.VoluntaryFen)]);
        rows.Add([T["DuesPublication.CentreShare", b.CentreSharePercent].Value, Yuan(b.CentreShareFen)]);
        rows.Add([T["DuesPublication.ToCentre"].Value, Yuan(b.ToCentreFen)]);
        rows.Add([T["DuesPublication.HandUp"].Value, Yuan(b.HandUpFen)]);
        rows.AddRange(p.UsedByPurpose.Select(u => (IReadOnlyList<object?>)[T["DuesPublication.UsedFor", T["DuesUsage.Purpose." + u.Purpose]].Value, Yuan(u.AmountFen)]));
        rows.Add([T["DuesPublication.Used"].Value, Yuan(b.UsedFen)]);
        rows.Add([T["DuesPublication.Balance"].Value, Yuan(b.BalanceFen)]);

        using var output = new MemoryStream();
        XlsxWriter.Write(output, T["DuesPublication.Sheet"],
            [T["DuesPublication.Name"], T["DuesPublication.Unit"], T["DuesPublication.MonthlyYuan"], T["DuesPublication.MonthsPaid"],
                T["DuesPublication.PaidYuan"], T["DuesPublication.VoluntaryYuan"]],
            rows);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"{p.OrgUnitName}-{p.Year}-{T["DuesPublication.Sheet"]}.xlsx");
        return (fileName, output.ToArray());
    }
}

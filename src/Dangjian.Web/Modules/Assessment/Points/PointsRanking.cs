using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Points;

public sealed record RankingRowDto(int Rank, Guid MemberId, string Name, string Unit, int Points, int Lines, bool Me);

public sealed record PointsRankingDto(Guid OrgUnitId, string UnitName, int Year, int? Quarter, int? Month, int PartyMembers, int WithPoints,
    decimal Participation, decimal Average, Page<RankingRowDto> Rows, RankingRowDto? Mine, string Article);

public sealed record PointsRankingFile(byte[] Content, string FileName);

/// <summary>
/// The ranking of a unit's members by approved points (docs/rules/points-and-assessment.md#pa-9): for a year from the
/// balances (one index range on the unit's path), for a quarter or a month from the approved lines grouped per member;
/// with the unit's participation (party members with a line / party members) and average (points per party member).
/// Those who may see the unit's members read it, and a member reads the ranking of their own branch or group.
/// </summary>
public sealed class PointsRanking(AppDbContext db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<PointsText> T)
{
    /// <summary>The most rows an export carries.</summary>
    public const int ExportMax = 200_000;

    private sealed record Period(int Year, int FromMonth, int ToMonth, int? Quarter, int? Month)
    {
        public bool WholeYear => FromMonth == 1 && ToMonth == 12;
    }

    private sealed record Row(Guid MemberId, int Points, int Lines);

    /// <summary>A member's sums of a period as the grouped query projects them (member initialisation, which EF can filter and order on).</summary>
    private sealed class Summed
    {
        public Guid MemberId { get; init; }
        public int Points { get; init; }
        public int Lines { get; init; }
    }

    public async Task<Result<PointsRankingDto>> GetAsync(Guid unitId, int? year, int? quarter, int? month, PageRequest page, CancellationToken ct)
    {
        var scope = await ScopeAsync(unitId, year, quarter, month, ct);
        if (!scope.IsSuccess) return scope.Error!;
        var (unit, period, me) = scope.Value;
        var (total, withPoints, sum, rows) = await RowsAsync(unit.Path, period, page.Skip, page.PageSize, ct);
        var party = await OrgCounts.PartyMembersInSubtreeAsync(db, unit.Path, ct);
        var ranked = await RankAsync(unit.Path, period, rows, page.Skip, me, ct);
        return new PointsRankingDto(unit.Id, unit.Name, period.Year, period.Quarter, period.Month, party, withPoints, Rate(withPoints, party),
            party == 0 ? 0 : Math.Round((decimal)sum / party, 2), new Page<RankingRowDto>(ranked, page.Page, page.PageSize, total),
            await MineAsync(unit.Path, period, me, ct), PointsArticles.Ranking);
    }

    public async Task<Result<PointsRankingFile>> ExportAsync(Guid unitId, int? year, int? quarter, int? month, CancellationToken ct)
    {
        var scope = await ScopeAsync(unitId, year, quarter, month, ct);
        if (!scope.IsSuccess) return scope.Error!;
        var (unit, period, me) = scope.Value;
        var (_, _, _, rows) = await RowsAsync(unit.Path, period, 0, ExportMax, ct);
        var ranked = await RankAsync(unit.Path, period, rows, 0, me, ct);
        using var output = new MemoryStream();
        XlsxWriter.Write(output, T["Ranking.Sheet"], [T["Ranking.Rank"], T["Ranking.Name"], T["Ranking.Unit"], T["Ranking.Points"], T["Ranking.Lines"]],
            ranked.Select(r => (IReadOnlyList<object?>)[r.Rank, r.Name, r.Unit, r.Points, r.Lines]));
        var label = period.Month is { } m ? $"{period.Year}-{m:00}" : period.Quarter is { } q ? $"{period.Year}-Q{q}" : $"{period.Year}";
        return new PointsRankingFile(output.ToArray(), $"{T["Ranking.FileName"]}-{label}.xlsx");
    }

    /// <summary>A rate from 0 to 1 with four decimals (0 when there is nobody to count).</summary>
    public static decimal Rate(int part, int whole) => whole <= 0 ? 0 : Math.Round((decimal)part / whole, 4);

    private async Task<Result<(OrgUnit Unit, Period Period, Guid? Me)>> ScopeAsync(Guid unitId, int? year, int? quarter, int? month, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return Error.NotFound(T["Unit.NotFound"]);
        var me = user.IsAuthenticated
            ? await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => new { m.Id, m.OrgPath }).FirstOrDefaultAsync(ct)
            : null;
        // A member reads the ranking of the branch (or group) they belong to, whatever their role reaches.
        var ownBranch = me is not null && unit.Kind is OrgUnitKind.Branch or OrgUnitKind.Group && OrgPaths.IsWithin(me.OrgPath, unit.Path);
        if (!ownBranch && !user.Can(Permission.ViewOrg, unit.Path)) return Error.NotFound(T["Unit.NotFound"]);
        if (!ownBranch && !user.Can(Permission.ViewMembers, unit.Path)) return Error.Forbidden(L["Auth.Forbidden"]);
        var y = year ?? clock.Today().Year;
        if (y is < 2000 or > 9999) return Error.Validation("year", T["Ranking.BadYear"]);
        if (quarter is not null && month is not null) return Error.Validation("month", T["Ranking.QuarterOrMonth"]);
        if (quarter is { } q && q is < 1 or > 4) return Error.Validation("quarter", T["Ranking.BadQuarter"]);
        if (month is { } mo && mo is < 1 or > 12) return Error.Validation("month", T["Ranking.BadMonth"]);
        var period = quarter is { } qq ? new Period(y, qq * 3 - 2, qq * 3, qq, null)
            : month is { } mm ? new Period(y, mm, mm, null, mm)
            : new Period(y, 1, 12, null, null);
        return (unit, period, me?.Id);
    }

    private async Task<(int Total, int WithPoints, int Sum, List<Row> Rows)> RowsAsync(string path, Period p, int skip, int take, CancellationToken ct)
    {
        if (p.WholeYear)
        {
            var q = db.PointsBalances.AsNoTracking().UnderPath(path).Where(b => b.Year == p.Year);
            var figures = await q.GroupBy(b => b.TenantId)
                .Select(g => new { Count = g.Count(), With = g.Count(b => b.Lines > 0), Sum = g.Sum(b => b.Total) }).FirstOrDefaultAsync(ct);
            var rows = await q.OrderByDescending(b => b.Total).ThenBy(b => b.MemberName).ThenBy(b => b.MemberId).Skip(skip).Take(take)
                .Select(b => new Row(b.MemberId, b.Total, b.Lines)).ToListAsync(ct);
            return (figures?.Count ?? 0, figures?.With ?? 0, figures?.Sum ?? 0, rows);
        }
        var grouped = Grouped(path, p);
        var total = await grouped.CountAsync(ct);
        var sum = await Lines(path, p).SumAsync(e => (int?)e.Points, ct) ?? 0;
        var page = await grouped.OrderByDescending(g => g.Points).ThenBy(g => g.MemberId).Skip(skip).Take(take).ToListAsync(ct);
        return (total, total, sum, page.Select(g => new Row(g.MemberId, g.Points, g.Lines)).ToList());
    }

    private IQueryable<PointsEntry> Lines(string path, Period p) =>
        db.PointsEntries.AsNoTracking().UnderPath(path)
            .Where(e => e.Year == p.Year && e.Month >= p.FromMonth && e.Month <= p.ToMonth && e.Status == PointsStatus.Approved);

    private IQueryable<Summed> Grouped(string path, Period p) =>
        Lines(path, p).GroupBy(e => e.MemberId).Select(g => new Summed { MemberId = g.Key, Points = g.Sum(e => e.Points), Lines = g.Count() });

    /// <summary>The caller's own row when they are a member of the unit with points in the period: where they stand, whatever the page.</summary>
    private async Task<RankingRowDto?> MineAsync(string path, Period p, Guid? me, CancellationToken ct)
    {
        if (me is not { } id) return null;
        Row? mine;
        if (p.WholeYear)
        {
            mine = await db.PointsBalances.AsNoTracking().UnderPath(path).Where(b => b.Year == p.Year && b.MemberId == id)
                .Select(b => new Row(b.MemberId, b.Total, b.Lines)).FirstOrDefaultAsync(ct);
        }
        else
        {
            var g = await Grouped(path, p).Where(x => x.MemberId == id).FirstOrDefaultAsync(ct);
            mine = g is null ? null : new Row(g.MemberId, g.Points, g.Lines);
        }
        if (mine is null) return null;
        return (await RankAsync(path, p, [mine], 0, me, ct)).Single();
    }

    /// <summary>
    /// Ranks a page (equal points share the rank of the first of them): the first row's rank counts the members above it
    /// in the unit; each later row with fewer points takes its position.
    /// </summary>
    private async Task<List<RankingRowDto>> RankAsync(string path, Period p, List<Row> rows, int skip, Guid? me, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var top = rows[0].Points;
        var above = p.WholeYear
            ? await db.PointsBalances.AsNoTracking().UnderPath(path).CountAsync(b => b.Year == p.Year && b.Total > top, ct)
            : await Grouped(path, p).CountAsync(g => g.Points > top, ct);
        var ids = rows.Select(r => r.MemberId).ToList();
        var people = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Name, m.OrgUnitId }).ToDictionaryAsync(m => m.Id, ct);
        var unitIds = people.Values.Select(m => m.OrgUnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var result = new List<RankingRowDto>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var rank = i == 0 ? above + 1 : rows[i].Points == rows[i - 1].Points ? result[i - 1].Rank : skip + i + 1;
            var person = people.GetValueOrDefault(rows[i].MemberId);
            result.Add(new RankingRowDto(rank, rows[i].MemberId, person?.Name ?? "", person is null ? "" : units.GetValueOrDefault(person.OrgUnitId, ""),
                rows[i].Points, rows[i].Lines, me == rows[i].MemberId));
        }
        return result;
    }
}

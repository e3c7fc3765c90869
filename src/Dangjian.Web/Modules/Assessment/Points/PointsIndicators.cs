using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.Indicators;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>
/// The points figures of each unit's subtree for the branch assessment (docs/rules/points-and-assessment.md#pa-9): party
/// members, those with an approved line in the year, and their approved points, from two grouped queries (balances and
/// members by path) whatever the number of units.
/// </summary>
public sealed class PointsFigures(AppDbContext db)
{
    public sealed record Figures(int PartyMembers, int WithPoints, int Points);

    public async Task<Dictionary<Guid, Figures>> ForAsync(IReadOnlyList<IndicatorUnit> units, int year, CancellationToken ct)
    {
        var balances = await db.PointsBalances.AsNoTracking().Where(b => b.Year == year).GroupBy(b => b.OrgPath)
            .Select(g => new { Path = g.Key, With = g.Count(b => b.Lines > 0), Sum = g.Sum(b => b.Total) }).ToListAsync(ct);
        var party = await db.Members.AsNoTracking()
            .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
            .GroupBy(m => m.OrgPath).Select(g => new { Path = g.Key, Count = g.Count() }).ToListAsync(ct);
        return units.ToDictionary(u => u.Id, u => new Figures(
            party.Where(p => OrgPaths.IsWithin(p.Path, u.Path)).Sum(p => p.Count),
            balances.Where(b => OrgPaths.IsWithin(b.Path, u.Path)).Sum(b => b.With),
            balances.Where(b => OrgPaths.IsWithin(b.Path, u.Path)).Sum(b => b.Sum)));
    }
}

/// <summary><c>points.participation</c>: the share of a unit's party members with at least one approved line in the year (0–1).</summary>
internal sealed class PointsParticipationSource(PointsFigures figures) : IIndicatorSource
{
    public string Key => "points.participation";

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyList<IndicatorUnit> units, int year, CancellationToken ct) =>
        (await figures.ForAsync(units, year, ct)).Where(f => f.Value.PartyMembers > 0)
        .ToDictionary(f => f.Key, f => PointsRanking.Rate(f.Value.WithPoints, f.Value.PartyMembers));
}

/// <summary><c>points.average</c>: approved points per party member of the unit in the year (points, two decimals; not a rate).</summary>
internal sealed class PointsAverageSource(PointsFigures figures) : IIndicatorSource
{
    public string Key => "points.average";

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyList<IndicatorUnit> units, int year, CancellationToken ct) =>
        (await figures.ForAsync(units, year, ct)).Where(f => f.Value.PartyMembers > 0)
        .ToDictionary(f => f.Key, f => Math.Round((decimal)f.Value.Points / f.Value.PartyMembers, 2));
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.Indicators;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>
/// <c>checkups.submitted</c>: of a unit's subtree, the check-ups submitted for the year's quarters opened so far over the
/// party members today × those quarters (0 to 1, four decimal places). Two grouped queries for all units at once.
/// </summary>
internal sealed class SubmittedIndicator(AppDbContext db, TimeProvider clock) : IIndicatorSource
{
    public string Key => "checkups.submitted";

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyList<IndicatorUnit> units, int year, CancellationToken ct)
    {
        var quarters = CheckUpWindowRule.QuartersOpened(year, clock.Today());
        var members = await CheckUpsAccess.PartyMembers(db).GroupBy(m => m.OrgPath).Select(g => new { Path = g.Key, Count = g.Count() }).ToListAsync(ct);
        var submitted = await db.CheckUps.AsNoTracking().Where(c => c.Year == year && c.SubmittedAt != null)
            .GroupBy(c => c.OrgPath).Select(g => new { Path = g.Key, Count = g.Count() }).ToListAsync(ct);
        var result = new Dictionary<Guid, decimal>();
        foreach (var u in units)
        {
            var due = members.Where(m => OrgPaths.IsWithin(m.Path, u.Path)).Sum(m => m.Count) * quarters;
            if (due == 0) continue;
            var done = submitted.Where(s => OrgPaths.IsWithin(s.Path, u.Path)).Sum(s => s.Count);
            result[u.Id] = Math.Round(Math.Min(1m, (decimal)done / due), 4, MidpointRounding.AwayFromZero);
        }
        return result;
    }
}

/// <summary>
/// <c>checkups.warningsHandled</c>: the handling rate of the warnings raised in the year under a unit's subtree
/// (docs/rules/points-and-assessment.md#pa-12), 1 when nothing was left to handle. One grouped query for all units.
/// </summary>
internal sealed class WarningsHandledIndicator(AppDbContext db) : IIndicatorSource
{
    public string Key => "checkups.warningsHandled";

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyList<IndicatorUnit> units, int year, CancellationToken ct)
    {
        var (from, before) = Warnings.PeriodBounds(year, null);
        var rows = await db.EarlyWarnings.AsNoTracking().Where(w => w.RaisedAt >= from && w.RaisedAt < before)
            .GroupBy(w => new { w.OrgPath, w.Status }).Select(g => new { g.Key.OrgPath, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var result = new Dictionary<Guid, decimal>();
        foreach (var u in units)
        {
            var mine = rows.Where(r => OrgPaths.IsWithin(r.OrgPath, u.Path)).ToList();
            result[u.Id] = HandlingRateRule.ForAssessment(mine.Sum(r => r.Count), mine.Where(r => r.Status == WarningStatus.Handled).Sum(r => r.Count),
                mine.Where(r => r.Status == WarningStatus.Dismissed).Sum(r => r.Count));
        }
        return result;
    }
}

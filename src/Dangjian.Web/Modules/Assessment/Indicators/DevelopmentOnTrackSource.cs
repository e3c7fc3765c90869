using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.Evaluation;
using Dangjian.Web.Modules.Development.Contracts;
using Dangjian.Web.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Assessment.Indicators;

/// <summary>
/// development.onTrack: 1 − the share of a unit's open development cases with no step for
/// <see cref="EvaluationOptions.StalledCaseDays"/> days; a unit with no open case is on track (1).
/// </summary>
public sealed class DevelopmentOnTrackSource(AppDbContext db, DevelopmentFacts facts, TimeProvider clock, IOptions<EvaluationOptions> options) : IIndicatorSource
{
    public string Key => "development.onTrack";

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyList<IndicatorUnit> units, int year, CancellationToken ct)
    {
        var today = clock.Today();
        var open = await facts.StalledAsync(DateOnly.MaxValue, ct);
        var stalled = (await facts.StalledAsync(today.AddDays(-options.Value.StalledCaseDays), ct)).Select(c => c.CaseId).ToHashSet();
        var people = open.Select(c => c.MemberId).Distinct().ToList();
        var paths = new Dictionary<Guid, string>();
        foreach (var chunk in people.Chunk(500))
        {
            foreach (var m in await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Id)).Select(m => new { m.Id, m.OrgPath }).ToListAsync(ct))
                paths[m.Id] = m.OrgPath;
        }
        var index = new UnitPathIndex(units);
        var sums = new Dictionary<Guid, (long Part, long Whole)>();
        foreach (var u in units) sums[u.Id] = (0, 0);
        foreach (var c in open)
        {
            if (paths.TryGetValue(c.MemberId, out var path) && index.Find(path) is { } unit) UnitPathIndex.Add(sums, unit, stalled.Contains(c.CaseId) ? 1 : 0, 1);
        }
        return sums.ToDictionary(s => s.Key, s => s.Value.Whole == 0 ? 1m : Math.Round(1m - (decimal)s.Value.Part / s.Value.Whole, 4, MidpointRounding.AwayFromZero));
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.Indicators;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>
/// Computes a scheme for every branch of its unit's subtree: each quantitative source asked once for all of them, the
/// qualitative scores averaged per scorer kind in one read, the veto items, the totals, grades and stars (PA-13..PA-15),
/// stored as results and scores with their sources — the previous run replaced in one transaction, written in bulk so
/// that a tenant of 8,000 branches takes seconds, not a query per branch.
/// </summary>
public sealed class ComputeEvaluation(AppDbContext db, EvaluationAccess access, IEnumerable<IIndicatorSource> sources, TimeProvider clock,
    IOptions<EvaluationOptions> options, IStringLocalizer<EvaluationText> T)
{
    public async Task<Result<EvaluationComputeSummaryDto>> HandleAsync(Guid schemeId, CancellationToken ct)
    {
        var loaded = await access.ManagedAsync(schemeId, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var scheme = loaded.Value!;
        if (scheme.Status == SchemeStatus.Draft) return Error.Conflict("SCHEME_NOT_OPEN", T["Compute.Draft"]);
        if (scheme.Status == SchemeStatus.Published) return Error.Conflict("SCHEME_PUBLISHED", T["Scheme.Published"]);
        return await RunAsync(scheme, ct);
    }

    /// <summary>The computation itself, on a tracked scheme (also used by the demo seeder).</summary>
    internal async Task<EvaluationComputeSummaryDto> RunAsync(EvaluationScheme scheme, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nodes = await db.EvaluationIndicators.AsNoTracking().Where(i => i.SchemeId == scheme.Id).ToListAsync(ct);
        var branches = await db.OrgUnits.AsNoTracking().InSubtree(scheme.OrgPath).Where(u => u.Kind == OrgUnitKind.Branch)
            .Select(u => new { u.Id, u.Path, u.Name, u.CreatedAt }).ToListAsync(ct);
        var units = branches.Select(b => new IndicatorUnit(b.Id, b.Path)).ToList();

        var values = new Dictionary<string, IReadOnlyDictionary<Guid, decimal>>(StringComparer.Ordinal);
        foreach (var key in nodes.Where(n => n.Kind == IndicatorKind.Quantitative && n.SourceKey is not null).Select(n => n.SourceKey!).Distinct())
        {
            var source = sources.FirstOrDefault(s => s.Key == key);
            values[key] = source is null ? new Dictionary<Guid, decimal>() : await source.ValuesAsync(units, scheme.Year, ct);
        }
        var marks = (await db.EvaluationMarks.AsNoTracking().Where(m => m.SchemeId == scheme.Id)
                .Select(m => new { m.IndicatorId, m.OrgUnitId, m.Kind, m.Score }).ToListAsync(ct))
            .GroupBy(m => (m.IndicatorId, m.OrgUnitId, m.Kind))
            .ToDictionary(g => g.Key, g => (Average: Math.Round(g.Average(m => m.Score), 2, MidpointRounding.AwayFromZero), Count: g.Count(), Max: g.Max(m => m.Score)));

        var grades = GradeRules.ParseGrades(scheme.GradeBands) ?? [];
        var stars = GradeRules.ParseStars(scheme.StarBands) ?? [];
        var children = nodes.ToLookup(n => n.ParentId);
        var leaves = nodes.Where(n => n.Kind != IndicatorKind.Group).ToList();
        var results = new List<EvaluationResult>(branches.Count);
        var scores = new List<EvaluationScore>(branches.Count * leaves.Count);
        foreach (var b in branches)
        {
            var resultId = Guid.CreateVersion7(now);
            var points = new Dictionary<Guid, decimal>();
            var vetoed = false;
            foreach (var leaf in leaves)
            {
                var score = new EvaluationScore { Id = Guid.CreateVersion7(now), TenantId = scheme.TenantId, SchemeId = scheme.Id, ResultId = resultId, IndicatorId = leaf.Id };
                switch (leaf.Kind)
                {
                    case IndicatorKind.Quantitative:
                        score.SourceKey = leaf.SourceKey;
                        score.RawValue = values.GetValueOrDefault(leaf.SourceKey!)?.TryGetValue(b.Id, out var v) == true ? v : null;
                        score.Points = SchemeRules.Linear(score.RawValue, leaf.Floor ?? 0, leaf.Target ?? 1, leaf.Points);
                        break;
                    case IndicatorKind.Qualitative:
                        var kinds = new[] { (ScorerKind.Superior, leaf.SuperiorWeight), (ScorerKind.Peers, leaf.PeersWeight), (ScorerKind.Masses, leaf.MassesWeight) }
                            .Select(k => marks.TryGetValue((leaf.Id, b.Id, k.Item1), out var m)
                                ? new KindAverage(k.Item1, k.Item2, m.Average, m.Count) : new KindAverage(k.Item1, k.Item2, null, 0)).ToList();
                        (score.SuperiorAverage, score.SuperiorCount) = (kinds[0].Average, kinds[0].Count);
                        (score.PeersAverage, score.PeersCount) = (kinds[1].Average, kinds[1].Count);
                        (score.MassesAverage, score.MassesCount) = (kinds[2].Average, kinds[2].Count);
                        score.Points = ScoringRules.Combine(kinds, leaf.Points);
                        break;
                    case IndicatorKind.Veto:
                        score.Vetoed = marks.TryGetValue((leaf.Id, b.Id, ScorerKind.Superior), out var veto) && veto.Max >= 1;
                        score.SuperiorCount = veto.Count;
                        vetoed |= score.Vetoed;
                        break;
                }
                points[leaf.Id] = score.Points;
                scores.Add(score);
            }
            decimal Points(EvaluationIndicator n) =>
                n.Kind == IndicatorKind.Group ? Math.Min(n.Points, children[n.Id].Sum(Points)) : points.GetValueOrDefault(n.Id);
            var total = children[null].Sum(Points);
            var young = scheme.SkipYoungBranches && GradeRules.TooYoung(DateOnly.FromDateTime(b.CreatedAt.UtcDateTime), scheme.Year, options.Value.YoungBranchMonths);
            var outcome = GradeRules.Grade(total, grades, stars, vetoed, young);
            results.Add(new EvaluationResult
            {
                Id = resultId, TenantId = scheme.TenantId, SchemeId = scheme.Id, OrgUnitId = b.Id, OrgPath = b.Path, UnitName = b.Name.Length > 200 ? b.Name[..200] : b.Name,
                Total = total, Grade = outcome.Grade, Stars = outcome.Stars, Vetoed = vetoed, NotGraded = outcome.NotGraded, ComputedAt = now,
            });
        }
        var ordered = results.OrderByDescending(r => r.Total).ThenBy(r => r.UnitName, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++) ordered[i].Rank = i > 0 && ordered[i].Total == ordered[i - 1].Total ? ordered[i - 1].Rank : i + 1;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.EvaluationScores.Where(x => x.SchemeId == scheme.Id).ExecuteDeleteAsync(ct);
        await db.EvaluationResults.Where(x => x.SchemeId == scheme.Id).ExecuteDeleteAsync(ct);
        await BulkInsert.InsertAsync(db, results, ct);
        await BulkInsert.InsertAsync(db, scores, ct);
        scheme.ComputedAt = now;
        scheme.Version++;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new EvaluationComputeSummaryDto(scheme.Id, results.Count, now);
    }
}

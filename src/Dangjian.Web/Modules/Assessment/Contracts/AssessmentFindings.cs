using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.CheckUps;
using Dangjian.Web.Modules.Assessment.Evaluation;
using Dangjian.Web.Modules.Assessment.Indicators;
using Dangjian.Web.Modules.Assessment.Points;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Assessment.Contracts;

/// <summary>A unit's early warnings still open after the time allowed to handle them (docs/rules/points-and-assessment.md#pa-12).</summary>
public sealed record UnhandledWarnings(Guid OrgUnitId, int Open, DateTimeOffset OldestRaisedAt);

/// <summary>A branch graded in the lowest band (or vetoed) by the latest published assessment of its scheme's unit (#pa-14, #pa-15).</summary>
public sealed record LowAssessment(Guid OrgUnitId, Guid SchemeId, int Year, string SchemeName, string? Grade, decimal Total, bool Vetoed);

/// <summary>A branch's participation in the points bank in a year (#pa-9): party members with an approved line, of all.</summary>
public sealed record PointsParticipation(Guid OrgUnitId, int PartyMembers, int WithPoints);

/// <summary>
/// What the dashboard's weak links read of the Assessment module: grouped questions over its own tables, for the
/// whole tenant at once (the detector runs after each roll-up rebuild).
/// </summary>
public sealed class AssessmentFindings(AppDbContext db, PointsFigures points)
{
    /// <summary>Open warnings raised before <paramref name="raisedBefore"/>, by the unit of the member concerned.</summary>
    public async Task<List<UnhandledWarnings>> UnhandledWarningsAsync(DateTimeOffset raisedBefore, CancellationToken ct) =>
        (await db.EarlyWarnings.AsNoTracking().Where(w => w.Status == WarningStatus.Open && w.RaisedAt < raisedBefore)
            .Select(w => new { w.OrgUnitId, w.RaisedAt }).ToListAsync(ct))
        .GroupBy(w => w.OrgUnitId).Select(g => new UnhandledWarnings(g.Key, g.Count(), g.Min(w => w.RaisedAt))).ToList();

    /// <summary>
    /// Of each unit's latest published scheme (by year, then publication), the branches vetoed or graded in the scheme's
    /// lowest band; branches not graded (too young) are not counted.
    /// </summary>
    public async Task<List<LowAssessment>> LowestGradedAsync(CancellationToken ct)
    {
        var published = await db.EvaluationSchemes.AsNoTracking().Where(s => s.Status == SchemeStatus.Published)
            .Select(s => new { s.Id, s.OrgUnitId, s.Year, s.Name, s.GradeBands, s.PublishedAt }).ToListAsync(ct);
        var latest = published.GroupBy(s => s.OrgUnitId).Select(g => g.OrderByDescending(s => s.Year).ThenByDescending(s => s.PublishedAt).First()).ToList();
        if (latest.Count == 0) return [];
        var ids = latest.Select(s => s.Id).ToList();
        var results = await db.EvaluationResults.AsNoTracking().Where(r => ids.Contains(r.SchemeId) && !r.NotGraded)
            .Select(r => new { r.SchemeId, r.OrgUnitId, r.Grade, r.Total, r.Vetoed }).ToListAsync(ct);
        var found = new List<LowAssessment>();
        foreach (var s in latest)
        {
            var lowest = GradeRules.ParseGrades(s.GradeBands)?.MinBy(b => b.Min)?.Name;
            found.AddRange(results.Where(r => r.SchemeId == s.Id && (r.Vetoed || (lowest is not null && r.Grade == lowest)))
                .Select(r => new LowAssessment(r.OrgUnitId, s.Id, s.Year, s.Name, r.Grade, r.Total, r.Vetoed)));
        }
        return found;
    }

    /// <summary>The points participation of each unit's subtree for the year (two grouped queries whatever the number of units).</summary>
    public async Task<List<PointsParticipation>> PointsParticipationAsync(IReadOnlyList<(Guid Id, string Path)> units, int year, CancellationToken ct) =>
        (await points.ForAsync(units.Select(u => new IndicatorUnit(u.Id, u.Path)).ToList(), year, ct))
        .Select(f => new PointsParticipation(f.Key, f.Value.PartyMembers, f.Value.WithPoints)).ToList();
}

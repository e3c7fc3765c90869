using System.Text.Json.Nodes;
using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Assessment.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Modules.Assessment.Evaluation;

/// <summary>Each side's own scheme (run by its branch, published), an indicator of it, a mark and a computed result.</summary>
public sealed class EvaluationSiblingSeed : ISiblingSeed
{
    public async Task SeedAsync(AppFixture app, SiblingSeedContext side)
    {
        var now = app.Clock.GetUtcNow();
        var scheme = Guid.CreateVersion7(now);
        var indicator = Guid.CreateVersion7(now);
        var result = Guid.CreateVersion7(now);
        var name = $"{side.Label}考评方案{side.Marker}";
        var indicatorName = $"{side.Label}定性指标{side.Marker}";
        await app.InTenantAsync(side.Tenant.TenantId, async db =>
        {
            db.EvaluationSchemes.Add(new EvaluationScheme
            {
                Id = scheme, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, Year = 2000, Name = name, Template = "PA2", Status = SchemeStatus.Published,
                TotalPoints = 10, GradeBands = "好:9;较差:0", CreatedAt = now, CreatedBy = side.Label, ComputedAt = now, PublishedAt = now,
            });
            db.EvaluationIndicators.Add(new EvaluationIndicator
            {
                Id = indicator, SchemeId = scheme, OrgUnitId = side.Unit.Id, Position = 1, Name = indicatorName, Kind = IndicatorKind.Qualitative, Points = 10,
                SuperiorWeight = 100,
            });
            db.EvaluationMarks.Add(new EvaluationMark
            {
                Id = Guid.CreateVersion7(now), SchemeId = scheme, IndicatorId = indicator, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path,
                Kind = ScorerKind.Superior, ScorerUserId = side.Secretary.Id, ScorerName = side.Label, Score = 7.25m, At = now,
            });
            db.EvaluationResults.Add(new EvaluationResult
            {
                Id = result, SchemeId = scheme, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, UnitName = side.Unit.Name, Total = 7.25m, Grade = "较差",
                Rank = 1, ComputedAt = now,
            });
            db.EvaluationScores.Add(new EvaluationScore
            {
                Id = Guid.CreateVersion7(now), SchemeId = scheme, ResultId = result, IndicatorId = indicator, Points = 7.25m, SuperiorAverage = 7.25m, SuperiorCount = 1,
            });
            await db.SaveChangesAsync();
        });
        side.RouteValues["schemeId"] = scheme;
        side.RouteValues["indicatorId"] = indicator;
        side.RouteValues["resultId"] = result;
        side.BodyValues["template"] = () => JsonValue.Create("PA2");
        side.BodyValues["gradebands"] = () => JsonValue.Create("好:9;较差:0");
        side.Items["evaluation.scheme"] = scheme;
        side.Items["evaluation.indicator"] = indicator;
        side.Secrets.AddRange([name, indicatorName, scheme.ToString(), indicator.ToString(), result.ToString()]);
    }

    public async Task CheckUntouchedAsync(AppFixture app, SiblingSeedContext side)
    {
        var id = (Guid)side.Items["evaluation.scheme"];
        var indicatorId = (Guid)side.Items["evaluation.indicator"];
        var (scheme, indicators, marks) = await app.InTenantAsync(side.Tenant.TenantId, async db => (
            await db.EvaluationSchemes.AsNoTracking().SingleAsync(s => s.Id == id),
            await db.EvaluationIndicators.AsNoTracking().Where(i => i.SchemeId == id).ToListAsync(),
            await db.EvaluationMarks.AsNoTracking().Where(m => m.SchemeId == id).ToListAsync()));
        scheme.Status.ShouldBe(SchemeStatus.Published);
        scheme.Name.ShouldContain(side.Marker);
        indicators.Select(i => i.Id).ShouldBe([indicatorId]);
        marks.ShouldHaveSingleItem().Score.ShouldBe(7.25m);
    }
}

/// <summary>What the branch assessment's request types write.</summary>
public sealed class EvaluationRequestWrites : IRequestWrites
{
    public IReadOnlyDictionary<string, string[]> Writes { get; } = new Dictionary<string, string[]>
    {
        ["CreateEvaluationSchemeRequest"] = ["EvaluationScheme"],
        ["UpdateEvaluationSchemeRequest"] = ["EvaluationScheme"],
        ["SaveEvaluationIndicatorRequest"] = ["EvaluationIndicator"],
        ["EvaluationScoreSheetRequest"] = ["EvaluationMark"],
    };
}

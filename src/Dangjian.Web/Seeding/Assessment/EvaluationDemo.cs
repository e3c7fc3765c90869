using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.Evaluation;
using Dangjian.Web.Modules.Assessment.Evaluation.Kpis;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding.Assessment;

/// <summary>
/// The demo tenant's branch assessment (deterministic): last year's scheme (PA-2) scored, computed and published; this
/// year's (PA-3, a veto raised on the weak spot) open for scoring and computed, so that the pages are not empty.
/// </summary>
internal static class EvaluationDemo
{
    public static async Task SeedAsync(IServiceProvider sp, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var root = await db.OrgUnits.Where(u => u.ParentId == null).OrderBy(u => u.Path).FirstOrDefaultAsync(ct);
        if (root is null || await db.EvaluationSchemes.AnyAsync(ct)) return;
        var branches = await DemoBranches.LoadAsync(db, ct);
        if (branches.Count == 0) return;
        var scorer = await db.Users.Where(u => u.TenantId == root.TenantId).OrderBy(u => u.CreatedAt).ThenBy(u => u.UserName).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var year = clock.Today().Year;

        var last = Scheme(root, year - 1, $"{year - 1}年度党支部工作考评", SchemeTemplates.Pa2, now);
        var current = Scheme(root, year, $"{year}年度国有企业党支部定级考评", SchemeTemplates.Pa3, now);
        current.SkipYoungBranches = false;   // the demo's branches are all created today
        foreach (var (scheme, salt) in new[] { (last, 0), (current, 11) })
        {
            db.EvaluationSchemes.Add(scheme);
            var nodes = SchemeTemplates.Instantiate(scheme, SchemeTemplates.Find(scheme.Template)!, now);
            db.EvaluationIndicators.AddRange(nodes);
            var qualitative = nodes.Where(n => n.Kind == IndicatorKind.Qualitative).ToList();
            foreach (var b in branches)
            {
                for (var q = 0; q < qualitative.Count; q++)
                {
                    var n = qualitative[q];
                    db.EvaluationMarks.Add(Mark(scheme, n, b, ScorerKind.Superior, scorer, Math.Round(n.Points * (0.70m + (b.Index * 7 + q * 3 + salt) % 28 / 100m), 1), null, now));
                    if (n.MassesWeight > 0)
                        db.EvaluationMarks.Add(Mark(scheme, n, b, ScorerKind.Masses, scorer, Math.Round(n.Points * (0.75m + (b.Index * 5 + q + salt) % 22 / 100m), 1), 20 + b.Index % 15, now));
                }
            }
            if (scheme == current && nodes.FirstOrDefault(n => n.Kind == IndicatorKind.Veto) is { } veto && branches.Count > DemoBranches.Arrears)
                db.EvaluationMarks.Add(Mark(scheme, veto, branches[DemoBranches.Arrears], ScorerKind.Superior, scorer, 1, null, now));
        }
        // The business KPI sheets as imported: two figures a quarter per branch, last year's four quarters and this year's so far.
        var quarter = (clock.Today().Month + 2) / 3;
        foreach (var (y, quarters) in new[] { (year - 1, 4), (year, quarter) })
        {
            foreach (var b in branches)
            {
                for (var q = 1; q <= quarters; q++)
                {
                    db.BusinessKpis.Add(Kpi(b, y, q, "营业收入完成率", 80 + (b.Index * 13 + q * 7 + y) % 35, 100, now));
                    db.BusinessKpis.Add(Kpi(b, y, q, "安全生产天数", 85 + (b.Index * 3 + q) % 6, 90, now));
                }
            }
        }
        await db.SaveChangesAsync(ct);

        var compute = sp.GetRequiredService<ComputeEvaluation>();
        await compute.RunAsync(last, ct);
        last.Status = SchemeStatus.Published;
        last.PublishedAt = now;
        await compute.RunAsync(current, ct);
    }

    private static EvaluationScheme Scheme(OrgUnit root, int year, string name, string template, DateTimeOffset now)
    {
        var t = SchemeTemplates.Find(template)!;
        return new EvaluationScheme
        {
            Id = Guid.CreateVersion7(now), TenantId = root.TenantId, OrgUnitId = root.Id, OrgPath = root.Path, Year = year, Name = name, Template = t.Key,
            Status = SchemeStatus.Open, TotalPoints = t.TotalPoints, GradeBands = t.GradeBands, StarBands = t.StarBands, SkipYoungBranches = t.SkipYoungBranches,
            CreatedAt = now, CreatedBy = "演示数据",
        };
    }

    private static BusinessKpi Kpi(DemoBranch b, int year, int quarter, string name, decimal value, decimal target, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), OrgUnitId = b.Id, OrgPath = b.Path, Period = $"{year}Q{quarter}", Name = name, Value = value, Target = target,
        ImportedAt = now, ImportedBy = "演示数据",
    };

    private static EvaluationMark Mark(EvaluationScheme s, EvaluationIndicator n, DemoBranch b, ScorerKind kind, Guid scorer, decimal score, int? respondents,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), TenantId = s.TenantId, SchemeId = s.Id, IndicatorId = n.Id, OrgUnitId = b.Id, OrgPath = b.Path, Kind = kind,
        ScorerUserId = scorer, ScorerName = "演示数据", Score = Math.Min(score, kind == ScorerKind.Superior && n.Kind == IndicatorKind.Veto ? 1 : n.Points),
        Respondents = respondents, At = now,
    };
}

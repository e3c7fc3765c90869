using System.Globalization;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Evaluation.Kpis;

public sealed record EvaluationKpiRowDto(Guid OrgUnitId, string UnitName, decimal PartyScore, string? Grade, decimal? BusinessScore, int Kpis);

public sealed record EvaluationSideBySideDto(Guid SchemeId, string SchemeName, int Year, IReadOnlyList<EvaluationKpiRowDto> Rows, double? Correlation, int Pairs,
    string Article);

/// <summary>四同步: each computed branch's party score beside its business score of the scheme's year, and how closely they go together.</summary>
public sealed class PartyBesideBusiness(AppDbContext db, EvaluationAccess access, IStringLocalizer<EvaluationText> T)
{
    public async Task<Result<EvaluationSideBySideDto>> HandleAsync(Guid schemeId, CancellationToken ct)
    {
        var loaded = await access.ManagedAsync(schemeId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var s = loaded.Value!;
        var results = await db.EvaluationResults.AsNoTracking().Where(r => r.SchemeId == schemeId).OrderBy(r => r.Rank).ThenBy(r => r.OrgPath)
            .Select(r => new { r.OrgUnitId, r.UnitName, r.Total, r.Grade }).ToListAsync(ct);
        var periods = Enumerable.Range(1, 4).Select(q => $"{s.Year.ToString(CultureInfo.InvariantCulture)}Q{q.ToString(CultureInfo.InvariantCulture)}").ToList();
        var kpis = (await db.Set<BusinessKpi>().AsNoTracking().Where(k => k.OrgPath.StartsWith(s.OrgPath) && periods.Contains(k.Period))
                .Select(k => new { k.OrgUnitId, k.Value, k.Target }).ToListAsync(ct))
            .GroupBy(k => k.OrgUnitId).ToDictionary(g => g.Key, g => (Score: CorrelationRule.BusinessScore(g.Select(k => (k.Value, k.Target))), Count: g.Count()));
        var rows = results.Select(r =>
        {
            var k = kpis.GetValueOrDefault(r.OrgUnitId);
            return new EvaluationKpiRowDto(r.OrgUnitId, r.UnitName, r.Total, r.Grade, k.Score, k.Count);
        }).ToList();
        var pairs = rows.Where(r => r.BusinessScore is not null).Select(r => ((double)r.PartyScore, (double)r.BusinessScore!.Value)).ToList();
        return new EvaluationSideBySideDto(s.Id, s.Name, s.Year, rows, CorrelationRule.Pearson(pairs), pairs.Count, CorrelationRule.Article);
    }

    public async Task<Result<EvaluationFile>> WorkbookAsync(Guid schemeId, CancellationToken ct)
    {
        var d = await HandleAsync(schemeId, ct);
        if (!d.IsSuccess) return d.Error!;
        var v = d.Value!;
        using var output = new MemoryStream();
        XlsxWriter.Write(output, T["Kpi.Sheet"], [T["Result.Unit"], T["Kpi.Party"], T["Result.Grade"], T["Kpi.Business"], T["Kpi.Count"]],
            v.Rows.Select(r => (IReadOnlyList<object?>)[r.UnitName, r.PartyScore, r.Grade, r.BusinessScore, r.Kpis])
                .Append([T["Kpi.Correlation"].Value, v.Correlation, null, null, v.Pairs]));
        return new EvaluationFile(output.ToArray(), $"{T["Kpi.File"]}-{v.Year.ToString(CultureInfo.InvariantCulture)}.xlsx");
    }
}

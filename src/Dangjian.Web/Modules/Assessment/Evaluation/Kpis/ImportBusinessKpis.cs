using System.Globalization;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Evaluation.Kpis;

/// <summary>A valid row of the preview. <c>action</c>: create | update | unchanged.</summary>
public sealed record KpiImportRow(int Row, string Unit, string Period, string Name, decimal Value, decimal Target, string Action);

public sealed record KpiImportSummary(ImportSummary Import, IReadOnlyList<KpiImportRow> Rows);

/// <summary>
/// Business KPIs per branch and quarter from a workbook, through the shared upload → check → apply workflow: a branch is
/// named by its name (or its key when two branches share one) within the importing unit's subtree; a figure already
/// there for the branch, quarter and name is replaced.
/// </summary>
public sealed class ImportBusinessKpis(ImportServices s, IStringLocalizer<EvaluationText> T)
    : ImportWorkflow<ImportBusinessKpis.Plan, KpiImportSummary>(s)
{
    public const string UploadKind = "business-kpis";
    public const int ShownRows = 500;

    public sealed record Planned(int Row, Guid UnitId, string UnitPath, string UnitName, string Period, string Name, decimal Value, decimal Target, string Action);

    public sealed record Plan(List<Planned> Rows) : IImportPlan
    {
        public int ToCreate => Rows.Count(r => r.Action == "create");
        public int ToUpdate => Rows.Count(r => r.Action == "update");
        int IImportPlan.Unchanged => Rows.Count(r => r.Action == "unchanged");
    }

    protected override string Kind => UploadKind;
    protected override Permission Permission => Permission.ManageAssessment;
    protected override IReadOnlyList<string> RequiredColumns => KpiSheet.Required;
    protected override string ColumnOf(string header) => KpiSheet.Columns.ColumnOf(header);
    protected override string Label(string column) => KpiSheet.Columns.Label(column, T);

    /// <summary>A blank sheet in the reader's language with one example row.</summary>
    public static byte[] Template(IStringLocalizer<EvaluationText> T)
    {
        using var output = new MemoryStream();
        XlsxWriter.Write(output, T["KpiImport.Sheet"], KpiSheet.Columns.Headers(T), [[T["KpiImport.Example.Unit"].Value, null, "2026Q1", T["KpiImport.Example.Name"].Value, 95, 100]]);
        return output.ToArray();
    }

    protected override async Task<Plan> PlanAsync(ImportSheet sheet, OrgUnit unit, List<ImportError> errors, CancellationToken ct)
    {
        var branches = await S.Db.OrgUnits.AsNoTracking().InSubtree(unit.Path).Where(u => u.Kind == OrgUnitKind.Branch)
            .Select(u => new { u.Id, u.Path, u.Name, u.Key }).ToListAsync(ct);
        var byName = branches.GroupBy(b => b.Name).ToDictionary(g => g.Key, g => g.ToList());
        var byKey = branches.ToDictionary(b => b.Key);
        var ids = branches.Select(b => b.Id).ToList();
        var existing = (await S.Db.Set<BusinessKpi>().AsNoTracking().Where(k => k.OrgPath.StartsWith(unit.Path))
            .Select(k => new { k.OrgUnitId, k.Period, k.Name, k.Value, k.Target }).ToListAsync(ct))
            .ToDictionary(k => (k.OrgUnitId, k.Period, k.Name), k => (k.Value, k.Target));
        var seen = new Dictionary<(Guid, string, string), int>();
        var rows = new List<Planned>();
        foreach (var (row, cells) in sheet.Rows)
        {
            var before = errors.Count;
            void Fail(string column, string reason) => errors.Add(new ImportError(row, Label(column), reason));
            var unitName = sheet.Get(cells, KpiSheet.Unit);
            var key = sheet.Get(cells, KpiSheet.UnitKey);
            Guid? unitId = null;
            string unitPath = "", shownName = unitName ?? "";
            if (!string.IsNullOrEmpty(key))
            {
                if (byKey.TryGetValue(key, out var b)) (unitId, unitPath, shownName) = (b.Id, b.Path, b.Name);
                else Fail(KpiSheet.UnitKey, T["KpiImport.Unknown", key]);
            }
            else if (string.IsNullOrEmpty(unitName)) Fail(KpiSheet.Unit, T["KpiImport.Required", Label(KpiSheet.Unit)]);
            else if (!byName.TryGetValue(unitName, out var named)) Fail(KpiSheet.Unit, T["KpiImport.Unknown", unitName]);
            else if (named.Count > 1) Fail(KpiSheet.Unit, T["KpiImport.Ambiguous", unitName]);
            else (unitId, unitPath) = (named[0].Id, named[0].Path);
            var periodText = sheet.Get(cells, KpiSheet.Period);
            var period = CorrelationRule.Period(periodText);
            if (period is null) Fail(KpiSheet.Period, T["KpiImport.Period"]);
            var name = sheet.Get(cells, KpiSheet.Name)?.Trim();
            if (string.IsNullOrEmpty(name)) Fail(KpiSheet.Name, T["KpiImport.Required", Label(KpiSheet.Name)]);
            else if (name.Length > 100) Fail(KpiSheet.Name, T["KpiImport.TooLong", Label(KpiSheet.Name), 100]);
            var value = Number(sheet.Get(cells, KpiSheet.Value), KpiSheet.Value, Fail);
            var target = Number(sheet.Get(cells, KpiSheet.Target), KpiSheet.Target, Fail);
            if (target is <= 0) Fail(KpiSheet.Target, T["KpiImport.Target"]);
            if (errors.Count > before) continue;
            var p = $"{period!.Value.Year.ToString(CultureInfo.InvariantCulture)}Q{period.Value.Quarter.ToString(CultureInfo.InvariantCulture)}";
            if (seen.TryGetValue((unitId!.Value, p, name!), out var first))
            {
                Fail(KpiSheet.Name, T["KpiImport.Duplicate", first]);
                continue;
            }
            seen[(unitId.Value, p, name!)] = row;
            var action = existing.TryGetValue((unitId.Value, p, name!), out var old) ? old == (value!.Value, target!.Value) ? "unchanged" : "update" : "create";
            rows.Add(new Planned(row, unitId.Value, unitPath, shownName, p, name!, value!.Value, target!.Value, action));
        }
        return new Plan(rows);
    }

    private decimal? Number(string? text, string column, Action<string, string> fail)
    {
        if (string.IsNullOrEmpty(text))
        {
            fail(column, T["KpiImport.Required", Label(column)]);
            return null;
        }
        if (!decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) || Math.Abs(d) >= 1_000_000_000_000m)
        {
            fail(column, T["KpiImport.Number", Label(column)]);
            return null;
        }
        return Math.Round(d, 2, MidpointRounding.AwayFromZero);
    }

    protected override async Task<(int Created, int Updated)> WriteAsync(Plan plan, DateTimeOffset now, CancellationToken ct)
    {
        var by = string.IsNullOrEmpty(S.User.DisplayName) ? S.User.UserName : S.User.DisplayName;
        by = by.Length > 100 ? by[..100] : by;
        int created = 0, updated = 0;
        foreach (var chunk in plan.Rows.Where(r => r.Action != "unchanged").Chunk(500))
        {
            var units = chunk.Select(r => r.UnitId).Distinct().ToList();
            var periods = chunk.Select(r => r.Period).Distinct().ToList();
            var old = await S.Db.Set<BusinessKpi>().Where(k => units.Contains(k.OrgUnitId) && periods.Contains(k.Period)).ToListAsync(ct);
            foreach (var r in chunk)
            {
                var k = old.FirstOrDefault(o => o.OrgUnitId == r.UnitId && o.Period == r.Period && o.Name == r.Name);
                if (k is null)
                {
                    S.Db.Set<BusinessKpi>().Add(new BusinessKpi
                    {
                        Id = Guid.CreateVersion7(now), OrgUnitId = r.UnitId, OrgPath = r.UnitPath, Period = r.Period, Name = r.Name, Value = r.Value, Target = r.Target,
                        ImportedAt = now, ImportedBy = by,
                    });
                    created++;
                }
                else
                {
                    (k.Value, k.Target, k.ImportedAt, k.ImportedBy) = (r.Value, r.Target, now, by);
                    updated++;
                }
            }
            await S.Db.SaveChangesAsync(ct);
            S.Db.ChangeTracker.Clear();
        }
        return (created, updated);
    }

    protected override KpiImportSummary Summarize(ImportSummary counts, Plan? plan) =>
        new(counts, (plan?.Rows ?? []).Take(ShownRows).Select(p => new KpiImportRow(p.Row, p.UnitName, p.Period, p.Name, p.Value, p.Target, p.Action)).ToList());
}

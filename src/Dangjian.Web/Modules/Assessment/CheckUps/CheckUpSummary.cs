using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>
/// A unit's check-up figures for a quarter or a year: submitted of due (party members today × quarters opened), reviewed,
/// the warnings raised in the period by kind and status, and the handling rate (docs/rules/points-and-assessment.md#pa-12);
/// and the .xlsx of the summary with the period's warnings.
/// </summary>
public sealed class CheckUpSummary(AppDbContext db, CheckUpsAccess access, TimeProvider clock, IStringLocalizer<CheckUpsText> T)
{
    public async Task<Result<CheckUpSummaryDto>> GetAsync(Guid unitId, int? year, int? quarter, CancellationToken ct)
    {
        var loaded = await access.UnitAsync(unitId, ct);
        if (loaded.Error is { } e) return e;
        return await SummaryAsync(loaded.Value!, year, quarter, ct);
    }

    public async Task<Result<(CheckUpSummaryDto Summary, List<WarningDto> Warnings)>> ExportAsync(Guid unitId, int? year, int? quarter, CancellationToken ct)
    {
        var loaded = await access.UnitAsync(unitId, ct);
        if (loaded.Error is { } e) return e;
        var summary = await SummaryAsync(loaded.Value!, year, quarter, ct);
        if (summary.Error is { } bad) return bad;
        var s = summary.Value!;
        var warnings = await Warnings.Filter(access.Within(db.EarlyWarnings.AsNoTracking(), loaded.Value!), new WarningFilter(null, null, s.Year, s.Quarter))
            .OrderByDescending(w => w.RaisedAt).ThenBy(w => w.Id).ToListAsync(ct);
        return (s, warnings.Select(WarningDto.Of).ToList());
    }

    private async Task<Result<CheckUpSummaryDto>> SummaryAsync(OrgUnit unit, int? year, int? quarter, CancellationToken ct)
    {
        var today = clock.Today();
        var y = year ?? today.Year;
        if (!CheckUpWindowRule.IsQuarter(y, quarter ?? 1)) return Error.Validation(quarter is null ? "year" : "quarter", T["CheckUps.BadQuarter"]);
        var quarters = quarter is null ? CheckUpWindowRule.QuartersOpened(y, today) : CheckUpWindowRule.FirstDay(y, quarter.Value) <= today ? 1 : 0;
        var members = await access.PartyMembers(unit).CountAsync(ct);
        var checkUps = access.Within(db.CheckUps.AsNoTracking(), unit).Where(c => c.Year == y && c.SubmittedAt != null);
        if (quarter is { } q) checkUps = checkUps.Where(c => c.Quarter == q);
        var counts = await checkUps.GroupBy(c => c.Result != null).Select(g => new { Reviewed = g.Key, Count = g.Count() }).ToListAsync(ct);
        var warnings = await Warnings.Filter(access.Within(db.EarlyWarnings.AsNoTracking(), unit), new WarningFilter(null, null, y, quarter))
            .GroupBy(w => new { w.Kind, w.Status }).Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Of(WarningKind? kind, WarningStatus? status) =>
            warnings.Where(w => (kind is null || w.Kind == kind) && (status is null || w.Status == status)).Sum(w => w.Count);
        var byKind = Enum.GetValues<WarningKind>()
            .Select(k => new WarningKindCount(k.ToString(), Of(k, null), Of(k, WarningStatus.Open), Of(k, WarningStatus.Handled), Of(k, WarningStatus.Dismissed)))
            .ToList();
        int raised = Of(null, null), handled = Of(null, WarningStatus.Handled), dismissed = Of(null, WarningStatus.Dismissed);
        return new CheckUpSummaryDto(unit.Id, unit.Name, y, quarter, members * quarters, counts.Sum(c => c.Count), counts.Where(c => c.Reviewed).Sum(c => c.Count),
            raised, Of(null, WarningStatus.Open), handled, dismissed, HandlingRateRule.Rate(raised, handled, dismissed), byKind);
    }

    /// <summary>The workbook: the summary and its kinds on the first sheet, the period's warnings on the second, in the reader's language.</summary>
    public static byte[] Workbook(CheckUpSummaryDto s, IReadOnlyList<WarningDto> warnings, IStringLocalizer<CheckUpsText> T)
    {
        var summaryRows = new List<IReadOnlyList<object?>>
        {
            new object?[] { T["Summary.Unit"].Value, s.UnitName },
            new object?[] { T["Summary.Period"].Value, Period(s, T) },
            new object?[] { T["Summary.Due"].Value, s.Due },
            new object?[] { T["Summary.Submitted"].Value, s.Submitted },
            new object?[] { T["Summary.Reviewed"].Value, s.Reviewed },
            new object?[] { T["Summary.Raised"].Value, s.Raised },
            new object?[] { T["Summary.Open"].Value, s.Open },
            new object?[] { T["Summary.Handled"].Value, s.Handled },
            new object?[] { T["Summary.Dismissed"].Value, s.Dismissed },
            new object?[] { T["Summary.Rate"].Value, s.Rate is { } r ? r : T["Summary.NoRate"].Value },
        };
        summaryRows.AddRange(s.ByKind.Select(k => (IReadOnlyList<object?>)new object?[]
            { T["Warning.Kind." + k.Kind].Value, k.Raised, k.Open, k.Handled, k.Dismissed }));
        var warningRows = warnings.Select(w => (IReadOnlyList<object?>)new object?[]
        {
            w.MemberName, T["Warning.Kind." + w.Kind].Value, ChinaTime.Format(w.RaisedAt), Evidence(w, T), T["Warning.Status." + w.Status].Value,
            w.Measure is null ? null : T["Measure." + w.Measure].Value, w.Note, w.HandledBy, w.HandledAt is { } at ? ChinaTime.Format(at) : null,
        });
        using var ms = new MemoryStream();
        XlsxWriter.Write(ms,
        [
            new XlsxSheet(T["Export.SummarySheet"], [T["Export.Item"], T["Export.Value"], T["Summary.Open"], T["Summary.Handled"], T["Summary.Dismissed"]], summaryRows),
            new XlsxSheet(T["Export.WarningsSheet"],
                [T["Warning.Member"], T["Warning.Kind"], T["Warning.RaisedAt"], T["Warning.Evidence"], T["Warning.Status"], T["Warning.Measure"],
                    T["Warning.Note"], T["Warning.HandledBy"], T["Warning.HandledAt"]], warningRows),
        ]);
        return ms.ToArray();
    }

    public static string Period(CheckUpSummaryDto s, IStringLocalizer<CheckUpsText> T) =>
        s.Quarter is { } q ? T["CheckUp.Quarter", s.Year, q] : T["CheckUp.Year", s.Year];

    /// <summary>The evidence worded in the reader's language from its kind, number and detail.</summary>
    public static string Evidence(WarningDto w, IStringLocalizer<CheckUpsText> T) => T["Warning.Evidence." + w.Kind, w.EvidenceNumber ?? 0, w.Evidence];
}

using System.Globalization;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Ledger;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>A file made for download.</summary>
public sealed record EvaluationFile(byte[] Content, string FileName);

/// <summary>
/// Publication of a computed scheme (a ledger event) and what it shows: the ranking to the scheme's managers, and to
/// each assessed branch its own result with every score's source; the ranking as a workbook and on A4.
/// </summary>
public sealed class EvaluationResults(AppDbContext db, EvaluationAccess access, CurrentUser user, TimeProvider clock, Ledger ledger, PdfDocuments pdf,
    IStringLocalizer<EvaluationText> T)
{
    public async Task<Result<EvaluationSchemeSummaryDto>> PublishAsync(Guid schemeId, CancellationToken ct)
    {
        var loaded = await access.ManagedAsync(schemeId, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var s = loaded.Value!;
        if (s.Status == SchemeStatus.Published) return Error.Conflict("SCHEME_PUBLISHED", T["Scheme.Published"]);
        if (s.Status == SchemeStatus.Draft || s.ComputedAt is null) return Error.Conflict("SCHEME_NOT_COMPUTED", T["Publish.NotComputed"]);
        var now = clock.GetUtcNow();
        s.Status = SchemeStatus.Published;
        s.PublishedAt = now;
        s.Version++;
        var summary = await db.EvaluationResults.AsNoTracking().Where(r => r.SchemeId == schemeId)
            .GroupBy(r => 1).Select(g => new { Count = g.Count(), Vetoed = g.Count(r => r.Vetoed) }).FirstOrDefaultAsync(ct);
        ledger.Append("evaluation.published", s.Id.ToString(), new { s.Year, s.Name, unit = s.OrgUnitId, branches = summary?.Count ?? 0, vetoed = summary?.Vetoed ?? 0, computedAt = s.ComputedAt });
        await db.SaveChangesAsync(ct);
        return new EvaluationSchemeSummaryDto(s.Id, s.OrgUnitId, "", s.Year, s.Name, s.Template, s.Status.ToString(), s.TotalPoints, s.ComputedAt, s.PublishedAt, true, null);
    }

    /// <summary>The scheme's branches by rank, for its managers.</summary>
    public async Task<Result<Page<EvaluationResultRowDto>>> RankingAsync(Guid schemeId, PageRequest page, CancellationToken ct)
    {
        var loaded = await access.ManagedAsync(schemeId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var q = db.EvaluationResults.AsNoTracking().Where(r => r.SchemeId == schemeId);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(r => r.Rank).ThenBy(r => r.OrgPath).Skip(page.Skip).Take(page.PageSize)
            .Select(r => new EvaluationResultRowDto(r.Id, r.OrgUnitId, r.UnitName, r.Rank, r.Total, r.Grade, r.Stars, r.Vetoed, r.NotGraded)).ToListAsync(ct);
        return new Page<EvaluationResultRowDto>(rows, page.Page, page.PageSize, total);
    }

    /// <summary>
    /// One branch's result: its managers above see it once computed; once published, those who run or view the branch
    /// and its own members see it too. Anyone else is told it does not exist.
    /// </summary>
    public async Task<Result<EvaluationResultDto>> GetAsync(Guid resultId, CancellationToken ct)
    {
        var r = await db.EvaluationResults.AsNoTracking().FirstOrDefaultAsync(x => x.Id == resultId, ct);
        if (r is null) return Error.NotFound(T["Result.NotFound"]);
        var s = await db.EvaluationSchemes.AsNoTracking().FirstAsync(x => x.Id == r.SchemeId, ct);
        var manager = user.Can(Permission.ManageAssessment, s.OrgPath);
        var allowed = manager || (s.Status == SchemeStatus.Published && (user.Can(Permission.ViewMembers, r.OrgPath)
            || await db.Members.AnyAsync(m => m.UserId == user.UserId && m.OrgPath.StartsWith(r.OrgPath), ct)));
        if (!allowed) return Error.NotFound(T["Result.NotFound"]);
        var nodes = await db.EvaluationIndicators.AsNoTracking().Where(i => i.SchemeId == s.Id).ToListAsync(ct);
        var byId = nodes.ToDictionary(n => n.Id);
        var scores = await db.EvaluationScores.AsNoTracking().Where(x => x.ResultId == resultId).ToDictionaryAsync(x => x.IndicatorId, ct);
        var of = await db.EvaluationResults.CountAsync(x => x.SchemeId == s.Id, ct);
        var lines = EvaluationSchemes.Ordered(nodes).Where(i => i.Kind != nameof(IndicatorKind.Group) && scores.ContainsKey(i.Id)).Select(i =>
        {
            var x = scores[i.Id];
            var group = i.ParentId is { } p && byId.TryGetValue(p, out var g) ? g.Name : null;
            return new EvaluationResultLineDto(i.Id, group, i.Name, i.Kind, x.Points, i.Points, x.SourceKey, x.RawValue, x.SuperiorAverage, x.SuperiorCount,
                x.PeersAverage, x.PeersCount, x.MassesAverage, x.MassesCount, x.Vetoed);
        }).ToList();
        return new EvaluationResultDto(r.Id, s.Id, s.Name, s.Year, s.Status.ToString(), r.OrgUnitId, r.UnitName, r.Total, s.TotalPoints, r.Grade, r.Stars, r.Vetoed,
            r.NotGraded, r.Rank, of, r.ComputedAt, lines);
    }

    public async Task<Result<EvaluationFile>> WorkbookAsync(Guid schemeId, CancellationToken ct)
    {
        var loaded = await access.ManagedAsync(schemeId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var s = loaded.Value!;
        var leaves = EvaluationSchemes.Ordered(await db.EvaluationIndicators.AsNoTracking().Where(i => i.SchemeId == schemeId).ToListAsync(ct))
            .Where(i => i.Kind != nameof(IndicatorKind.Group)).ToList();
        var results = await db.EvaluationResults.AsNoTracking().Where(r => r.SchemeId == schemeId).OrderBy(r => r.Rank).ThenBy(r => r.OrgPath).ToListAsync(ct);
        var scores = (await db.EvaluationScores.AsNoTracking().Where(x => x.SchemeId == schemeId).Select(x => new { x.ResultId, x.IndicatorId, x.Points, x.Vetoed }).ToListAsync(ct))
            .ToDictionary(x => (x.ResultId, x.IndicatorId));
        var headers = new List<string> { T["Result.Rank"], T["Result.Unit"], T["Result.Total"], T["Result.Grade"], T["Result.Stars"], T["Result.Vetoed"], T["Result.NotGraded"] };
        headers.AddRange(leaves.Select(l => l.Name));
        var rows = results.Select(r => (IReadOnlyList<object?>)new List<object?>
        {
            r.Rank, r.UnitName, r.Total, r.Grade, r.Stars, r.Vetoed ? T["Yes"].Value : "", r.NotGraded ? T["Yes"].Value : "",
        }.Concat(leaves.Select(l => scores.TryGetValue((r.Id, l.Id), out var x) ? (l.Kind == nameof(IndicatorKind.Veto) ? (x.Vetoed ? T["Yes"].Value : "") : (object?)x.Points) : null)).ToList());
        using var output = new MemoryStream();
        XlsxWriter.Write(output, T["Result.Sheet"], headers, rows);
        return new EvaluationFile(output.ToArray(), $"{T["Result.File"]}-{s.Year.ToString(CultureInfo.InvariantCulture)}.xlsx");
    }

    public async Task<Result<PdfFile>> PdfAsync(Guid schemeId, CancellationToken ct)
    {
        var loaded = await access.ManagedAsync(schemeId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var s = loaded.Value!;
        var results = await db.EvaluationResults.AsNoTracking().Where(r => r.SchemeId == schemeId).OrderBy(r => r.Rank).ThenBy(r => r.OrgPath).ToListAsync(ct);
        var title = T["Result.PdfTitle", s.Name, s.Year];
        var started = pdf.Begin(title);
        if (!started.IsSuccess) return started.Error!;
        using var doc = started.Value!;
        doc.Title(title, 16).Paragraph(T["Result.Printed", ChinaTime.Format(clock.GetUtcNow()), s.Status == SchemeStatus.Published ? T["Status.Published"] : T["Status." + s.Status]], 9, PdfAlign.Right)
            .Space(6)
            .Table([50, 230, 70, 90, 60], [[T["Result.Rank"], T["Result.Unit"], T["Result.Total"], T["Result.Grade"], T["Result.Stars"]],
                .. results.Select(r => (IReadOnlyList<string>)[r.Rank.ToString(CultureInfo.InvariantCulture), r.UnitName, SchemeRules.N(r.Total),
                    r.NotGraded ? T["Result.NotGraded"] : (r.Grade ?? "") + (r.Vetoed ? " " + T["Result.Vetoed"] : ""), r.Stars?.ToString(CultureInfo.InvariantCulture) ?? ""])], 9);
        return new PdfFile(doc.ToBytes(), $"{T["Result.File"]}-{s.Year.ToString(CultureInfo.InvariantCulture)}.pdf");
    }
}

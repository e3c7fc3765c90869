using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.Indicators;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>Schemes of a unit: list, start from a template, read with its tree and problems, edit, open for scoring, close.</summary>
public sealed class EvaluationSchemes(AppDbContext db, OrgAccess orgAccess, EvaluationAccess access, CurrentUser user, TimeProvider clock,
    IEnumerable<IIndicatorSource> sources, IOptions<EvaluationOptions> options, InputCheck inputCheck,
    IStringLocalizer<SharedResource> L, IStringLocalizer<EvaluationText> T)
{
    /// <summary>
    /// The schemes run by the unit or below it that the caller manages, and those above it that assess it while open for
    /// scoring or once published (with the unit's own result).
    /// </summary>
    public async Task<Result<IReadOnlyList<EvaluationSchemeSummaryDto>>> ListAsync(Guid unitId, CancellationToken ct)
    {
        var unit = await orgAccess.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var path = unit.Value!.Path;
        var above = GetOrgUnit.AncestorPaths(path);
        var own = await db.EvaluationSchemes.AsNoTracking().UnderPath(path).ToListAsync(ct);
        var assessing = await db.EvaluationSchemes.AsNoTracking().Where(s => above.Contains(s.OrgPath) && (s.Status == SchemeStatus.Published || s.Status == SchemeStatus.Open)).ToListAsync(ct);
        var schemes = own.Where(s => user.Can(Permission.ManageAssessment, s.OrgPath)).Concat(assessing.Where(a => !own.Any(o => o.Id == a.Id))).ToList();
        var shown = schemes.Where(s => s.Status == SchemeStatus.Published || user.Can(Permission.ManageAssessment, s.OrgPath)).Select(s => s.Id).ToList();
        var results = await db.EvaluationResults.AsNoTracking().Where(r => shown.Contains(r.SchemeId) && r.OrgUnitId == unitId)
            .Select(r => new { r.SchemeId, r.Id }).ToDictionaryAsync(r => r.SchemeId, r => r.Id, ct);
        var names = await UnitNamesAsync(schemes.Select(s => s.OrgUnitId), ct);
        return schemes.OrderByDescending(s => s.Year).ThenBy(s => s.Name)
            .Select(s => new EvaluationSchemeSummaryDto(s.Id, s.OrgUnitId, names.GetValueOrDefault(s.OrgUnitId, ""), s.Year, s.Name, s.Template, s.Status.ToString(),
                s.TotalPoints, s.ComputedAt, s.PublishedAt, user.Can(Permission.ManageAssessment, s.OrgPath),
                results.TryGetValue(s.Id, out var r) ? r : null))
            .ToList();
    }

    public async Task<Result<EvaluationSchemeDto>> CreateAsync(Guid unitId, CreateEvaluationSchemeRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var unit = await orgAccess.LoadAsync(unitId, Permission.ManageAssessment, ct);
        if (!unit.IsSuccess) return unit.Error!;
        if (r.Year is not { } year) return Error.Validation("year", L["Validation.Required", "year"]);
        if (year is < 2000 or > 2100) return Error.Validation("year", T["Scheme.Year"]);
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name)) return Error.Validation("name", L["Validation.Required", "name"]);
        if (SchemeTemplates.Find(r.Template?.Trim().ToUpperInvariant()) is not { } template)
            return Error.Validation("template", L["Validation.OneOf", "template", string.Join(", ", SchemeTemplates.Keys)]);
        var now = clock.GetUtcNow();
        var scheme = new EvaluationScheme
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unitId, OrgPath = unit.Value!.Path, Year = year, Name = name, Template = template.Key,
            Status = SchemeStatus.Draft, TotalPoints = template.TotalPoints, GradeBands = template.GradeBands, StarBands = template.StarBands,
            SkipYoungBranches = template.SkipYoungBranches, CreatedAt = now, CreatedBy = By(),
        };
        db.EvaluationSchemes.Add(scheme);
        db.EvaluationIndicators.AddRange(SchemeTemplates.Instantiate(scheme, template, now));
        await db.SaveChangesAsync(ct);
        return await GetAsync(scheme.Id, ct);
    }

    public async Task<Result<EvaluationSchemeDto>> GetAsync(Guid schemeId, CancellationToken ct)
    {
        var loaded = await access.ManagedAsync(schemeId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var s = loaded.Value!;
        var nodes = await db.EvaluationIndicators.AsNoTracking().Where(i => i.SchemeId == schemeId).ToListAsync(ct);
        var names = await UnitNamesAsync([s.OrgUnitId], ct);
        var problems = SchemeRules.Problems(s.TotalPoints, nodes.Select(Node).ToList(), options.Value.IdeologyCapPercent, T);
        var known = sources.Select(x => x.Key).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(nodes.Where(n => n.Kind == IndicatorKind.Quantitative && n.SourceKey is { } k && !known.Contains(k))
            .Select(n => (string)T["Rule.Weights.UnknownSource", n.Name, n.SourceKey!]));
        return new EvaluationSchemeDto(s.Id, s.OrgUnitId, names.GetValueOrDefault(s.OrgUnitId, ""), s.Year, s.Name, s.Template, s.Status.ToString(), s.TotalPoints,
            s.GradeBands, s.StarBands, s.SkipYoungBranches, s.ScoringOpensOn, s.ScoringClosesOn, s.ComputedAt, s.PublishedAt, true, Ordered(nodes), problems,
            known.Order(StringComparer.Ordinal).ToList());
    }

    public async Task<Result<EvaluationSchemeDto>> UpdateAsync(Guid schemeId, UpdateEvaluationSchemeRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.ManagedAsync(schemeId, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var s = loaded.Value!;
        if (s.Status == SchemeStatus.Published) return Error.Conflict("SCHEME_PUBLISHED", T["Scheme.Published"]);
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name)) return Error.Validation("name", L["Validation.Required", "name"]);
        if (r.TotalPoints is not { } total || total is <= 0 or > 1000) return Error.Validation("totalPoints", T["Scheme.TotalPoints"]);
        if (GradeRules.ParseGrades(r.GradeBands) is not { } grades) return Error.Validation("gradeBands", T["Scheme.GradeBands", GradeRules.Article]);
        if (GradeRules.ParseStars(r.StarBands) is not { } stars) return Error.Validation("starBands", T["Scheme.StarBands", GradeRules.Article]);
        if (r.ScoringOpensOn is { } o && r.ScoringClosesOn is { } c && c < o) return Error.Validation("scoringClosesOn", T["Scheme.Window"]);
        if (s.Status != SchemeStatus.Draft && total != s.TotalPoints) return Error.Conflict("SCHEME_NOT_DRAFT", T["Scheme.NotDraft"]);
        s.Name = name;
        s.TotalPoints = Math.Round(total, 2);
        s.GradeBands = GradeRules.Format(grades);
        s.StarBands = stars.Count == 0 ? null : GradeRules.Format(stars);
        s.SkipYoungBranches = r.SkipYoungBranches ?? false;
        s.ScoringOpensOn = r.ScoringOpensOn;
        s.ScoringClosesOn = r.ScoringClosesOn;
        s.Version++;
        await db.SaveChangesAsync(ct);
        return await GetAsync(schemeId, ct);
    }

    /// <summary>Draft → Open: the tree must add up (PA-13) and every source key be offered by a source.</summary>
    public async Task<Result<EvaluationSchemeDto>> OpenAsync(Guid schemeId, CancellationToken ct)
    {
        var loaded = await access.ManagedAsync(schemeId, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var s = loaded.Value!;
        if (s.Status != SchemeStatus.Draft) return Error.Conflict("SCHEME_NOT_DRAFT", T["Scheme.NotDraft"]);
        var nodes = await db.EvaluationIndicators.AsNoTracking().Where(i => i.SchemeId == schemeId).ToListAsync(ct);
        var known = sources.Select(x => x.Key).ToHashSet(StringComparer.Ordinal);
        if (nodes.FirstOrDefault(n => n.Kind == IndicatorKind.Quantitative && n.SourceKey is { } k && !known.Contains(k)) is { } unknown)
            return Error.Rule("UNKNOWN_SOURCE", T["Rule.Weights.UnknownSource", unknown.Name, unknown.SourceKey!], SchemeRules.Article);
        var problems = SchemeRules.Problems(s.TotalPoints, nodes.Select(Node).ToList(), options.Value.IdeologyCapPercent, T);
        if (problems.Count > 0) return Error.Rule("SCHEME_WEIGHTS", string.Join(" ", problems), SchemeRules.Article);
        s.Status = SchemeStatus.Open;
        s.Version++;
        await db.SaveChangesAsync(ct);
        return await GetAsync(schemeId, ct);
    }

    /// <summary>Open → Closed: no more scores; it can still be computed, then published.</summary>
    public async Task<Result<EvaluationSchemeDto>> CloseAsync(Guid schemeId, CancellationToken ct)
    {
        var loaded = await access.ManagedAsync(schemeId, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var s = loaded.Value!;
        if (s.Status != SchemeStatus.Open) return Error.Conflict("SCHEME_NOT_OPEN", T["Scheme.NotOpen"]);
        s.Status = SchemeStatus.Closed;
        s.Version++;
        await db.SaveChangesAsync(ct);
        return await GetAsync(schemeId, ct);
    }

    public static IndicatorNode Node(EvaluationIndicator i) =>
        new(i.Id, i.ParentId, i.Name, i.Kind, i.Points, i.SourceKey, i.Floor, i.Target, i.SuperiorWeight, i.PeersWeight, i.MassesWeight, i.Ideology);

    /// <summary>The tree depth-first by position, each with its depth.</summary>
    public static List<EvaluationIndicatorDto> Ordered(IReadOnlyList<EvaluationIndicator> nodes)
    {
        var list = new List<EvaluationIndicatorDto>();
        var ids = nodes.Select(n => n.Id).ToHashSet();
        void Walk(Guid? parent, int depth)
        {
            foreach (var n in nodes.Where(x => x.ParentId == parent || (depth == 0 && x.ParentId is { } p && !ids.Contains(p) && parent is null)).OrderBy(x => x.Position))
            {
                if (list.Any(l => l.Id == n.Id)) continue;
                list.Add(new EvaluationIndicatorDto(n.Id, n.ParentId, n.Position, depth, n.Name, n.Kind.ToString(), n.Points, n.SourceKey, n.Floor, n.Target,
                    n.SuperiorWeight, n.PeersWeight, n.MassesWeight, n.Ideology));
                if (depth < 10) Walk(n.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return list;
    }

    private async Task<Dictionary<Guid, string>> UnitNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.OrgUnits.AsNoTracking().IgnoreQueryFilters([AppDbContext.SoftDeleteFilter]).Where(u => list.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    private string By()
    {
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        return by.Length > 100 ? by[..100] : by;
    }
}

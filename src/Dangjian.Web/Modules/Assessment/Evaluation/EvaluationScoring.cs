using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>
/// Qualitative scoring online (PA-16): the branches a caller may score as a kind of scorer, with their own scores so
/// far, and a sheet of one branch's scores saved at once. The masses' score is their survey's result, entered by the
/// superior with the number of respondents.
/// </summary>
public sealed class EvaluationScoring(AppDbContext db, EvaluationAccess access, CurrentUser user, TimeProvider clock, InputCheck inputCheck,
    IStringLocalizer<SharedResource> L, IStringLocalizer<EvaluationText> T)
{
    public async Task<Result<EvaluationScoringSheetDto>> SheetAsync(Guid schemeId, string? kindText, CancellationToken ct)
    {
        var loaded = await access.ScorableAsync(schemeId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (EvaluationAccess.Parse<ScorerKind>(kindText ?? nameof(ScorerKind.Superior), "kind", out var kind, L) is { } badKind) return badKind;
        var s = loaded.Value!;
        var branches = await BranchesAsync(s, ct);
        var paths = branches.Select(b => b.Path).ToHashSet(StringComparer.Ordinal);
        var mine = branches.Where(b => ScoringRules.Check(user.Roles, b.Path, kind, paths) == ScoringRefusal.None)
            .OrderBy(b => b.Path, StringComparer.Ordinal).Select(b => new EvaluationScoringBranchDto(b.Id, b.Name)).ToList();
        var nodes = await db.EvaluationIndicators.AsNoTracking().Where(i => i.SchemeId == schemeId).ToListAsync(ct);
        var scorable = EvaluationSchemes.Ordered(nodes)
            .Where(i => i.Kind == nameof(IndicatorKind.Qualitative) || (i.Kind == nameof(IndicatorKind.Veto) && kind == ScorerKind.Superior)).ToList();
        var marks = await db.EvaluationMarks.AsNoTracking().Where(m => m.SchemeId == schemeId && m.ScorerUserId == user.UserId && m.Kind == kind)
            .Select(m => new EvaluationMyMarkDto(m.OrgUnitId, m.IndicatorId, m.Score, m.Respondents)).ToListAsync(ct);
        return new EvaluationScoringSheetDto(s.Id, s.Name, s.Year, s.Status.ToString(), InWindow(s), kind.ToString(), mine, scorable, marks);
    }

    public async Task<Result<EvaluationScoreSheetSavedDto>> SaveAsync(Guid schemeId, EvaluationScoreSheetRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.ScorableAsync(schemeId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var s = loaded.Value!;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        if (EvaluationAccess.Parse<ScorerKind>(r.Kind, "kind", out var kind, L) is { } badKind) return badKind;
        var branches = await BranchesAsync(s, ct);
        var branch = branches.FirstOrDefault(b => b.Id == unitId);
        if (branch is null) return Error.NotFound(T["Scoring.NoBranch"]);
        var refusal = ScoringRules.Check(user.Roles, branch.Path, kind, branches.Select(b => b.Path).ToHashSet(StringComparer.Ordinal));
        if (refusal != ScoringRefusal.None) return Error.Rule("SCORER_" + refusal.ToString().ToUpperInvariant(), T["Scoring." + refusal], ScoringRules.Article);
        if (s.Status != SchemeStatus.Open || !InWindow(s)) return Error.Conflict("SCORING_CLOSED", T["Scoring.Closed"], ScoringRules.Article);
        if (r.Items is not { Count: > 0 } items) return Error.Validation("items", L["Validation.Required", "items"]);
        if (items.Count > 200) return Error.Validation("items", T["Scoring.TooMany"]);
        if (kind == ScorerKind.Masses && r.Respondents is not (>= 1 and <= 1_000_000)) return Error.Validation("respondents", T["Scoring.Respondents", ScoringRules.Article]);
        var nodes = await db.EvaluationIndicators.AsNoTracking().Where(i => i.SchemeId == schemeId).ToDictionaryAsync(i => i.Id, ct);
        var existing = await db.EvaluationMarks.Where(m => m.SchemeId == schemeId && m.OrgUnitId == unitId && m.Kind == kind && m.ScorerUserId == user.UserId)
            .ToDictionaryAsync(m => m.IndicatorId, ct);
        var now = clock.GetUtcNow();
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        var seen = new HashSet<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item?.IndicatorId is not { } indicatorId || !nodes.TryGetValue(indicatorId, out var node)
                || !(node.Kind == IndicatorKind.Qualitative || (node.Kind == IndicatorKind.Veto && kind == ScorerKind.Superior)))
                return Error.Validation($"items[{i}].indicatorId", T["Scoring.Indicator"]);
            if (!seen.Add(indicatorId)) return Error.Validation($"items[{i}].indicatorId", T["Scoring.Twice"]);
            var max = node.Kind == IndicatorKind.Veto ? 1m : node.Points;
            if (item.Score is not { } score || score < 0 || score > max || (node.Kind == IndicatorKind.Veto && score != 0 && score != 1))
                return Error.Validation($"items[{i}].score", T["Scoring.Range", node.Name, SchemeRules.N(max), ScoringRules.Article]);
            if (!existing.TryGetValue(indicatorId, out var mark))
            {
                mark = new EvaluationMark
                {
                    Id = Guid.CreateVersion7(now), SchemeId = schemeId, IndicatorId = indicatorId, OrgUnitId = unitId, OrgPath = branch.Path, Kind = kind,
                    ScorerUserId = user.UserId,
                };
                db.EvaluationMarks.Add(mark);
            }
            mark.Score = Math.Round(score, 2);
            mark.Respondents = kind == ScorerKind.Masses ? r.Respondents : null;
            mark.Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
            mark.ScorerName = by.Length > 100 ? by[..100] : by;
            mark.At = now;
        }
        await db.SaveChangesAsync(ct);
        return new EvaluationScoreSheetSavedDto(unitId, kind.ToString(), items.Count);
    }

    private bool InWindow(EvaluationScheme s)
    {
        var today = clock.Today();
        return s.Status == SchemeStatus.Open && (s.ScoringOpensOn is not { } o || today >= o) && (s.ScoringClosesOn is not { } c || today <= c);
    }

    private Task<List<OrgUnit>> BranchesAsync(EvaluationScheme s, CancellationToken ct) =>
        db.OrgUnits.AsNoTracking().InSubtree(s.OrgPath).Where(u => u.Kind == OrgUnitKind.Branch).ToListAsync(ct);
}

using Dangjian.Web.Data;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>Edits a draft scheme's indicator tree: add a node (under a group), change one, remove one with its children.</summary>
public sealed class EvaluationIndicators(AppDbContext db, EvaluationAccess access, EvaluationSchemes schemes, TimeProvider clock, InputCheck inputCheck,
    IStringLocalizer<SharedResource> L, IStringLocalizer<EvaluationText> T)
{
    public async Task<Result<EvaluationSchemeDto>> AddAsync(Guid schemeId, SaveEvaluationIndicatorRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.ManagedAsync(schemeId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (loaded.Value!.Status != SchemeStatus.Draft) return Error.Conflict("SCHEME_NOT_DRAFT", T["Scheme.NotDraft"]);
        var node = new EvaluationIndicator { Id = Guid.CreateVersion7(clock.GetUtcNow()), SchemeId = schemeId, OrgUnitId = loaded.Value.OrgUnitId, Name = "" };
        if (await ApplyAsync(node, r, ct) is { } bad) return bad;
        node.Position = 1 + (await db.EvaluationIndicators.Where(i => i.SchemeId == schemeId).MaxAsync(i => (int?)i.Position, ct) ?? 0);
        db.EvaluationIndicators.Add(node);
        await db.SaveChangesAsync(ct);
        return await schemes.GetAsync(schemeId, ct);
    }

    public async Task<Result<EvaluationSchemeDto>> UpdateAsync(Guid indicatorId, SaveEvaluationIndicatorRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var node = await db.EvaluationIndicators.FirstOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (node is null) return Error.NotFound(T["Indicator.NotFound"]);
        var loaded = await access.ManagedAsync(node.SchemeId, ct);
        if (!loaded.IsSuccess) return Error.NotFound(T["Indicator.NotFound"]);
        if (loaded.Value!.Status != SchemeStatus.Draft) return Error.Conflict("SCHEME_NOT_DRAFT", T["Scheme.NotDraft"]);
        if (await ApplyAsync(node, r, ct) is { } bad) return bad;
        await db.SaveChangesAsync(ct);
        return await schemes.GetAsync(node.SchemeId, ct);
    }

    public async Task<Result<EvaluationSchemeDto>> DeleteAsync(Guid indicatorId, CancellationToken ct)
    {
        var node = await db.EvaluationIndicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (node is null) return Error.NotFound(T["Indicator.NotFound"]);
        var loaded = await access.ManagedAsync(node.SchemeId, ct);
        if (!loaded.IsSuccess) return Error.NotFound(T["Indicator.NotFound"]);
        if (loaded.Value!.Status != SchemeStatus.Draft) return Error.Conflict("SCHEME_NOT_DRAFT", T["Scheme.NotDraft"]);
        var all = await db.EvaluationIndicators.Where(i => i.SchemeId == node.SchemeId).ToListAsync(ct);
        var doomed = new HashSet<Guid> { indicatorId };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var i in all.Where(i => i.ParentId is { } p && doomed.Contains(p) && !doomed.Contains(i.Id)))
            {
                doomed.Add(i.Id);
                grew = true;
            }
        }
        db.EvaluationIndicators.RemoveRange(all.Where(i => doomed.Contains(i.Id)));
        await db.SaveChangesAsync(ct);
        return await schemes.GetAsync(node.SchemeId, ct);
    }

    private async Task<Error?> ApplyAsync(EvaluationIndicator node, SaveEvaluationIndicatorRequest r, CancellationToken ct)
    {
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name)) return Error.Validation("name", L["Validation.Required", "name"]);
        if (EvaluationAccess.Parse<IndicatorKind>(r.Kind, "kind", out var kind, L) is { } badKind) return badKind;
        if (r.ParentId is { } parentId)
        {
            var parent = await db.EvaluationIndicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == parentId && i.SchemeId == node.SchemeId, ct);
            if (parent is null || parent.Kind != IndicatorKind.Group || parent.Id == node.Id) return Error.Validation("parentId", T["Indicator.Parent"]);
        }
        var points = kind == IndicatorKind.Veto ? 0m : r.Points ?? -1;
        if (points is < 0 or > 1000) return Error.Validation("points", T["Indicator.Points", SchemeRules.Article]);
        if (kind == IndicatorKind.Quantitative)
        {
            if (string.IsNullOrWhiteSpace(r.SourceKey)) return Error.Validation("sourceKey", L["Validation.Required", "sourceKey"]);
            if (r.Floor is not { } floor || r.Target is not { } target || floor < 0 || target > 10 || floor >= target)
                return Error.Validation("floor", T["Rule.Weights.Range", name]);
        }
        if (kind == IndicatorKind.Qualitative)
        {
            int s = r.SuperiorWeight ?? 0, p = r.PeersWeight ?? 0, m = r.MassesWeight ?? 0;
            if (s is < 0 or > 100 || p is < 0 or > 100 || m is < 0 or > 100 || s + p + m != 100)
                return Error.Validation("superiorWeight", T["Rule.Weights.Scorers", name, s + p + m]);
        }
        node.ParentId = r.ParentId;
        node.Name = name;
        node.Kind = kind;
        node.Points = Math.Round(points, 2);
        node.SourceKey = kind == IndicatorKind.Quantitative ? r.SourceKey!.Trim() : null;
        node.Floor = kind == IndicatorKind.Quantitative ? Math.Round(r.Floor!.Value, 4) : null;
        node.Target = kind == IndicatorKind.Quantitative ? Math.Round(r.Target!.Value, 4) : null;
        node.SuperiorWeight = kind == IndicatorKind.Qualitative ? r.SuperiorWeight ?? 0 : 0;
        node.PeersWeight = kind == IndicatorKind.Qualitative ? r.PeersWeight ?? 0 : 0;
        node.MassesWeight = kind == IndicatorKind.Qualitative ? r.MassesWeight ?? 0 : 0;
        node.Ideology = r.Ideology ?? false;
        return null;
    }
}

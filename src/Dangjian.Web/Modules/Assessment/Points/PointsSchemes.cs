using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Points;

public sealed record SaveRuleRequest([MaxLength(40)] string? Code, [MaxLength(100)] string? Name, [MaxLength(40)] string? Kind, [MaxLength(40)] string? Source,
    int? Points, int? DailyCap, int? MonthlyCap, int? YearlyCap, bool? Active);

public sealed record SetBaseRequest(int? Base);

public sealed record PointsRuleDto(Guid Id, string Code, string Name, string Kind, string Source, int Points, int? DailyCap, int? MonthlyCap, int? YearlyCap,
    bool Active);

public sealed record PointsSchemeDto(int Base, IReadOnlyList<PointsRuleDto> Rules, bool CanEdit, string Article);

/// <summary>
/// The tenant's points scheme (docs/rules/points-and-assessment.md#pa-1): read by every unit, changed only by those who
/// manage assessment at the tenant's root; made from <see cref="DefaultScheme"/> on first use.
/// </summary>
public sealed class PointsSchemes(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, InputCheck inputCheck,
    IStringLocalizer<SharedResource> L, IStringLocalizer<PointsText> T)
{
    /// <summary>The scheme head and its items, made with the default items when the tenant has none yet.</summary>
    public async Task<(PointsScheme Scheme, List<PointsRule> Rules)> EnsureAsync(CancellationToken ct)
    {
        var scheme = await db.PointsSchemes.AsNoTracking().FirstOrDefaultAsync(ct);
        if (scheme is null)
        {
            var now = clock.GetUtcNow();
            var by = user.IsAuthenticated ? user.UserName : "system";
            scheme = new PointsScheme { Id = Guid.CreateVersion7(now), Base = DefaultScheme.Base, UpdatedAt = now, UpdatedBy = by };
            db.PointsSchemes.Add(scheme);
            if (!await db.PointsRules.AnyAsync(ct)) db.PointsRules.AddRange(DefaultScheme.Rules(now, by));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DatabaseConflicts.IsConflict(e))
            {
                // Another request made the scheme first: read theirs.
                db.ChangeTracker.Clear();
                scheme = await db.PointsSchemes.AsNoTracking().FirstAsync(ct);
            }
            db.ChangeTracker.Clear();
        }
        var rules = await db.PointsRules.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Code).ToListAsync(ct);
        return (scheme, rules);
    }

    /// <summary>The scheme as a unit reads it (the caller sees <paramref name="orgUnitId"/>), or as any signed-in user of the tenant does.</summary>
    public async Task<Result<PointsSchemeDto>> GetAsync(Guid? orgUnitId, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Error.Forbidden(L["Auth.Forbidden"]);
        if (orgUnitId is { } unitId && await access.LoadAsync(unitId, Permission.ViewOrg, ct) is { IsSuccess: false } refused) return refused.Error!;
        var (scheme, rules) = await EnsureAsync(ct);
        return new PointsSchemeDto(scheme.Base, rules.Select(ToDto).ToList(), await CanEditAsync(ct), PointsArticles.Scheme);
    }

    public async Task<bool> CanEditAsync(CancellationToken ct) =>
        await RootPathAsync(ct) is { } path && user.Can(Permission.ManageAssessment, path);

    public async Task<Result<PointsRuleDto>> SaveRuleAsync(Guid? ruleId, SaveRuleRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (await EditCheckAsync(ct) is { } refused) return refused;
        await EnsureAsync(ct);
        PointsRule? rule = null;
        if (ruleId is { } id)
        {
            rule = await db.PointsRules.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (rule is null) return Error.NotFound(T["Rule.NotFound"]);
        }
        var code = r.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) return Error.Validation("code", L["Validation.Required", "code"]);
        if (code.Length > 40) return Error.Validation("code", L["Validation.TooLong", "code", 40]);
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name)) return Error.Validation("name", L["Validation.Required", "name"]);
        if (name.Length > 100) return Error.Validation("name", L["Validation.TooLong", "name", 100]);
        if (!Enum.TryParse<PointsKind>(r.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind)) return Error.Validation("kind", T["Rule.BadKind"]);
        if (!Enum.TryParse<PointsSource>(r.Source, ignoreCase: false, out var source) || !Enum.IsDefined(source))
            return Error.Validation("source", T["Rule.BadSource"]);
        if ((kind == PointsKind.Auto) != PointsArticles.IsAutomatic(source)) return Error.Validation("source", T["Rule.SourceOfKind"]);
        if (r.Points is not { } points || points == 0 || Math.Abs(points) > 1000) return Error.Validation("points", T["Rule.BadPoints"]);
        if (kind == PointsKind.Claim && points < 0) return Error.Validation("points", T["Rule.ClaimPositive"]);
        if (kind == PointsKind.Deduction && points > 0) return Error.Validation("points", T["Rule.DeductionNegative"]);
        foreach (var (field, cap) in new[] { ("dailyCap", r.DailyCap), ("monthlyCap", r.MonthlyCap), ("yearlyCap", r.YearlyCap) })
        {
            if (cap is { } c && (c < 1 || c > 100000)) return Error.Validation(field, T["Rule.BadCap"]);
        }
        if (await db.PointsRules.AnyAsync(x => x.Code == code && x.Id != (ruleId ?? Guid.Empty), ct))
            return Error.Conflict("points_rule_code", T["Rule.CodeTaken", code]);
        var now = clock.GetUtcNow();
        if (rule is null)
        {
            var last = await db.PointsRules.MaxAsync(x => (int?)x.SortOrder, ct) ?? 0;
            rule = new PointsRule { Id = Guid.CreateVersion7(now), Code = code, Name = name, SortOrder = last + 1 };
            db.PointsRules.Add(rule);
        }
        rule.Code = code;
        rule.Name = name;
        rule.Kind = kind;
        rule.Source = source;
        rule.Points = points;
        rule.DailyCap = r.DailyCap;
        rule.MonthlyCap = r.MonthlyCap;
        rule.YearlyCap = r.YearlyCap;
        rule.Active = r.Active ?? true;
        rule.UpdatedAt = now;
        rule.UpdatedBy = By();
        await db.SaveChangesAsync(ct);
        return ToDto(rule);
    }

    public async Task<Result<PointsSchemeDto>> SetBaseAsync(SetBaseRequest r, CancellationToken ct)
    {
        if (await EditCheckAsync(ct) is { } refused) return refused;
        if (r.Base is not { } value || value < 0 || value > 1000) return Error.Validation("base", T["Scheme.BadBase"]);
        await EnsureAsync(ct);
        var scheme = await db.PointsSchemes.FirstAsync(ct);
        scheme.Base = value;
        scheme.UpdatedAt = clock.GetUtcNow();
        scheme.UpdatedBy = By();
        await db.SaveChangesAsync(ct);
        return await GetAsync(null, ct);
    }

    private async Task<Error?> EditCheckAsync(CancellationToken ct)
    {
        var rootId = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Path).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (rootId is null) return Error.Forbidden(L["Auth.Forbidden"]);
        var root = await access.LoadAsync(rootId.Value, Permission.ManageAssessment, ct);
        // Units below see the scheme but may not change it: a refusal, not "not found".
        return root.IsSuccess ? null : Error.Forbidden(L["Auth.Forbidden"]);
    }

    private Task<string?> RootPathAsync(CancellationToken ct) =>
        db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Path).Select(u => u.Path).FirstOrDefaultAsync(ct);

    private string By()
    {
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        return by.Length > 100 ? by[..100] : by;
    }

    public static PointsRuleDto ToDto(PointsRule r) =>
        new(r.Id, r.Code, r.Name, r.Kind.ToString(), r.Source.ToString(), r.Points, r.DailyCap, r.MonthlyCap, r.YearlyCap, r.Active);
}

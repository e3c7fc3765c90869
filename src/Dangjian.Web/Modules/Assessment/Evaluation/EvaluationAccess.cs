using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>
/// Loads a scheme for its managers (assessment rights on the scheme's unit or above): anyone else is told it does not
/// exist, so a sibling branch never learns another branch's scheme.
/// </summary>
public sealed class EvaluationAccess(AppDbContext db, CurrentUser user, IStringLocalizer<EvaluationText> T)
{
    public async Task<Result<EvaluationScheme>> ManagedAsync(Guid schemeId, CancellationToken ct, bool track = false)
    {
        var q = db.EvaluationSchemes.Where(s => s.Id == schemeId);
        var scheme = await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (scheme is null || !user.Can(Permission.ManageAssessment, scheme.OrgPath)) return Error.NotFound(T["Scheme.NotFound"]);
        return scheme;
    }

    /// <summary>A scheme the caller may score in: managers, and those with assessment rights on a unit inside it (peers).</summary>
    public async Task<Result<EvaluationScheme>> ScorableAsync(Guid schemeId, CancellationToken ct)
    {
        var scheme = await db.EvaluationSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schemeId, ct);
        if (scheme is null) return Error.NotFound(T["Scheme.NotFound"]);
        var inside = user.Roles.Any(r => r.Role.Grants(Permission.ManageAssessment) && r.OrgPath.StartsWith(scheme.OrgPath, StringComparison.Ordinal));
        if (!inside && !user.Can(Permission.ManageAssessment, scheme.OrgPath)) return Error.NotFound(T["Scheme.NotFound"]);
        return scheme;
    }

    public static Error? Parse<TEnum>(string? text, string field, out TEnum value, IStringLocalizer L) where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return Error.Validation(field, L["Validation.Required", field]);
        if (char.IsDigit(text.Trim()[0]) || !Enum.TryParse(text.Trim(), true, out value) || !Enum.IsDefined(value))
            return Error.Validation(field, L["Validation.OneOf", field, string.Join(", ", Enum.GetNames<TEnum>())]);
        return null;
    }
}

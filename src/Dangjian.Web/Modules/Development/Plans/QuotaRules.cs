using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Development.Plans;

/// <summary>
/// The annual plan: a committee's quota is split among the units below it (never more than it has, never less than it
/// has already split), and an admission beyond a quota of the person's unit or any unit above needs a written reason.
/// </summary>
public static class QuotaRules
{
    public const string Article = DevelopmentArticles.Quota;

    /// <param name="parentQuota">The quota of the unit above for the year, if it has one.</param>
    /// <param name="siblingsQuota">The quotas of the other units directly below the same parent.</param>
    /// <param name="childrenQuota">The quotas already given to the units directly below this one.</param>
    public static Error? CheckSplit(int quota, int? parentQuota, int siblingsQuota, int childrenQuota, IStringLocalizer<DevelopmentText> T)
    {
        if (quota < 0) return Error.Validation("quota", T["Dev.Quota.Negative"]);
        if (parentQuota is { } parent && siblingsQuota + quota > parent)
            return Error.Rule("DEV_QUOTA_SPLIT", T["Dev.Quota.SplitOver", siblingsQuota + quota, parent], Article);
        if (quota < childrenQuota)
            return Error.Rule("DEV_QUOTA_BELOW_SPLIT", T["Dev.Quota.BelowSplit", quota, childrenQuota], Article);
        return null;
    }

    /// <summary>One unit's quota and how many of its subtree were already admitted that year.</summary>
    public sealed record Used(string UnitName, int Quota, int Admitted);

    /// <summary>Null when the admission fits every quota; otherwise the refusal, or (with a reason) the warning to keep.</summary>
    public static (Error? Refusal, string? Warning) CheckAdmission(IEnumerable<Used> quotas, string? reason, IStringLocalizer<DevelopmentText> T)
    {
        var full = quotas.FirstOrDefault(q => q.Admitted >= q.Quota);
        if (full is null) return (null, null);
        var what = T["Dev.Quota.Full", full.UnitName, full.Quota, full.Admitted].Value;
        return string.IsNullOrWhiteSpace(reason)
            ? (Error.Rule("DEV_OVER_QUOTA", T["Dev.Quota.NeedsReason", what], Article), null)
            : (null, T["Dev.Quota.Over", what, reason.Trim()]);
    }
}

using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Modules.Development.Plans;

/// <summary>
/// The annual plan: a committee's quota is split among the units below it (never more than it has, never less than it
/// has already split), and an admission beyond a quota of the person's unit or any unit above needs a written reason.
/// </summary>
public static class QuotaRules
{
    public const string Article = "年度发展党员计划（上级党委下达的发展名额，超出须说明理由）";

    /// <param name="parentQuota">The quota of the unit above for the year, if it has one.</param>
    /// <param name="siblingsQuota">The quotas of the other units directly below the same parent.</param>
    /// <param name="childrenQuota">The quotas already given to the units directly below this one.</param>
    public static Error? CheckSplit(int quota, int? parentQuota, int siblingsQuota, int childrenQuota)
    {
        if (quota < 0) return Error.Validation("quota", "名额不能为负数");
        if (parentQuota is { } parent && siblingsQuota + quota > parent)
            return Error.Rule("DEV_QUOTA_SPLIT", $"分解到下级的名额之和（{siblingsQuota + quota}）不能超过上级下达的名额（{parent}）", Article);
        if (quota < childrenQuota)
            return Error.Rule("DEV_QUOTA_BELOW_SPLIT", $"名额（{quota}）不能少于已分解给下级的名额之和（{childrenQuota}）", Article);
        return null;
    }

    /// <summary>One unit's quota and how many of its subtree were already admitted that year.</summary>
    public sealed record Used(string UnitName, int Quota, int Admitted);

    /// <summary>Null when the admission fits every quota; otherwise the refusal, or (with a reason) the warning to keep.</summary>
    public static (Error? Refusal, string? Warning) CheckAdmission(IEnumerable<Used> quotas, string? reason)
    {
        var full = quotas.FirstOrDefault(q => q.Admitted >= q.Quota);
        if (full is null) return (null, null);
        var what = $"{full.UnitName}本年度发展名额{full.Quota}名已用完（已接收{full.Admitted}名）";
        return string.IsNullOrWhiteSpace(reason)
            ? (Error.Rule("DEV_OVER_QUOTA", $"{what}，超出计划接收须写明理由（quotaReason）", Article), null)
            : (null, $"{what}，超计划接收：{reason.Trim()}");
    }
}

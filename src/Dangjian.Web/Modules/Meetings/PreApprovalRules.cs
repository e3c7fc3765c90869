using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>
/// 预审报备: the plan of certain meetings goes to the organisation above at least N days (setting, 7) ahead, which
/// approves it or returns it with a reason. Submitting later is allowed but marked; a meeting that starts without an
/// approval is marked as held without it.
/// </summary>
public static class PreApprovalRules
{
    public const string Article = "组织生活预审报备制度（会前报上级党组织审核）";

    public static PreApproval Initial(MeetingType type, MeetingOptions o) => o.NeedsPreApproval(type) ? PreApproval.NotSubmitted : PreApproval.NotRequired;

    public static Error? CanSubmit(PreApproval state) => state switch
    {
        PreApproval.NotSubmitted or PreApproval.Returned => null,
        PreApproval.NotRequired => Error.Conflict("MEETING_NO_PREAPPROVAL", "这类会议无需预审报备"),
        _ => Error.Conflict("MEETING_ALREADY_SUBMITTED", "会议方案已报送，正在审核或已通过"),
    };

    public static Error? CanDecide(PreApproval state, bool returned, string? reason)
    {
        if (state != PreApproval.Submitted) return Error.Conflict("MEETING_NOT_SUBMITTED", "会议方案尚未报送，或已审核");
        if (returned && string.IsNullOrWhiteSpace(reason)) return Error.Validation("reason", "退回时须写明原因");
        return null;
    }

    /// <summary>Submitted fewer than the set days before the start (China calendar days).</summary>
    public static bool SubmittedLate(DateTimeOffset? submittedAt, DateTimeOffset startsAt, int daysBefore) =>
        submittedAt is { } s && s > startsAt.AddDays(-daysBefore);

    /// <summary>The meeting has started but its plan, which needed approval, was not approved.</summary>
    public static bool HeldWithoutApproval(PreApproval state, DateTimeOffset startsAt, DateTimeOffset now) =>
        state is not (PreApproval.NotRequired or PreApproval.Approved) && now >= startsAt;
}

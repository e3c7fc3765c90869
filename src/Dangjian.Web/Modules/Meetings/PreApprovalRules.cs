using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings;

/// <summary>
/// 预审报备: the plan of certain meetings goes to the organisation above at least N days (setting, 7) ahead, which
/// approves it or returns it with a reason. Submitting later is allowed but marked; a meeting that starts without an
/// approval is marked as held without it.
/// </summary>
public static class PreApprovalRules
{
    public const string Article = MeetingArticles.PreApproval;

    public static PreApproval Initial(MeetingType type, MeetingOptions o) => o.NeedsPreApproval(type) ? PreApproval.NotSubmitted : PreApproval.NotRequired;

    public static Error? CanSubmit(PreApproval state, IStringLocalizer<MeetingsText> T) => state switch
    {
        PreApproval.NotSubmitted or PreApproval.Returned => null,
        PreApproval.NotRequired => Error.Conflict("MEETING_NO_PREAPPROVAL", T["PreApproval.Refuse.NotRequired"]),
        _ => Error.Conflict("MEETING_ALREADY_SUBMITTED", T["PreApproval.Refuse.AlreadySubmitted"]),
    };

    public static Error? CanDecide(PreApproval state, bool returned, string? reason, IStringLocalizer<MeetingsText> T)
    {
        if (state != PreApproval.Submitted) return Error.Conflict("MEETING_NOT_SUBMITTED", T["PreApproval.Refuse.NotSubmitted"]);
        if (returned && string.IsNullOrWhiteSpace(reason)) return Error.Validation("reason", T["PreApproval.Refuse.ReasonRequired"]);
        return null;
    }

    /// <summary>Submitted fewer than the set days before the start (China calendar days).</summary>
    public static bool SubmittedLate(DateTimeOffset? submittedAt, DateTimeOffset startsAt, int daysBefore) =>
        submittedAt is { } s && s > startsAt.AddDays(-daysBefore);

    /// <summary>The meeting has started but its plan, which needed approval, was not approved.</summary>
    public static bool HeldWithoutApproval(PreApproval state, DateTimeOffset startsAt, DateTimeOffset now) =>
        state is not (PreApproval.NotRequired or PreApproval.Approved) && now >= startsAt;
}

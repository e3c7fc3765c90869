namespace Dangjian.Web.Modules.Meetings.Appraisal.Handling;

public enum HandlingVerdict
{
    Ok,
    /// <summary>The step does not follow the last one (限期改正 first; 已改正 or 劝其退党 after it; 自愿退党 or 除名 after 劝其退党).</summary>
    OutOfOrder,
    /// <summary>劝其退党 before the deadline of the 限期改正 has come.</summary>
    BeforeDeadline,
    /// <summary>A step dated before the previous one.</summary>
    BeforePrevious,
    /// <summary>限期改正 without a deadline after its date.</summary>
    DeadlineRequired,
}

/// <summary>
/// The order of the measures for a member appraised 不合格 (docs/rules/organisation.md#o-22, 党章 第九条): 限期改正 with a
/// deadline first; then 已改正 (the case ends) or, once the deadline has come, 劝其退党; after 劝其退党, 自愿退党 or 除名.
/// </summary>
public static class AppraisalHandlingRules
{
    public const string Article = "docs/rules/organisation.md#o-22";

    public static bool IsFinal(HandlingStep? stage) => stage is HandlingStep.Corrected or HandlingStep.Withdrew or HandlingStep.Removed;

    public static IReadOnlyList<HandlingStep> Next(HandlingStep? stage) => stage switch
    {
        null => [HandlingStep.CorrectionOrdered],
        HandlingStep.CorrectionOrdered => [HandlingStep.Corrected, HandlingStep.AdvisedToWithdraw],
        HandlingStep.AdvisedToWithdraw => [HandlingStep.Withdrew, HandlingStep.Removed],
        _ => [],
    };

    public static HandlingVerdict Check(HandlingStep? stage, DateOnly? lastOn, DateOnly? deadline, HandlingStep step, DateOnly on, DateOnly? newDeadline)
    {
        if (!Next(stage).Contains(step)) return HandlingVerdict.OutOfOrder;
        if (lastOn is { } last && on < last) return HandlingVerdict.BeforePrevious;
        if (step == HandlingStep.CorrectionOrdered && (newDeadline is not { } d || d <= on)) return HandlingVerdict.DeadlineRequired;
        if (step == HandlingStep.AdvisedToWithdraw && deadline is { } due && on < due) return HandlingVerdict.BeforeDeadline;
        return HandlingVerdict.Ok;
    }
}

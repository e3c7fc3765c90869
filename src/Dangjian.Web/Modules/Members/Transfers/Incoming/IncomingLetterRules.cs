namespace Dangjian.Web.Modules.Members.Transfers.Incoming;

/// <summary>What is wrong with a 介绍信's dates, if anything.</summary>
public enum LetterDateProblem
{
    None,

    /// <summary>有效期至 before the day the letter was issued.</summary>
    ValidBeforeIssued,

    /// <summary>Valid for longer than the longest validity allowed (at most three months, a setting).</summary>
    ValidTooLong,

    /// <summary>The last valid day has passed: the letter can no longer be accepted; the sender issues a new one.</summary>
    Expired,
}

/// <summary>
/// The dates of an incoming 介绍信 (docs/rules/transfers.md#t-4, 《中国共产党党员教育管理工作条例》第二十五条): valid from the day
/// it was issued up to and including 有效期至 (China time); at most <c>Rules:Transfers:MaxDays</c> days.
/// </summary>
public static class IncomingLetterRules
{
    /// <summary>Whether the dates a branch copies from the letter make sense (checked when it is registered).</summary>
    public static LetterDateProblem CheckDates(DateOnly issuedOn, DateOnly validUntil, int maxDays)
    {
        if (validUntil < issuedOn) return LetterDateProblem.ValidBeforeIssued;
        if (validUntil.DayNumber - issuedOn.DayNumber > maxDays) return LetterDateProblem.ValidTooLong;
        return LetterDateProblem.None;
    }

    /// <summary>The letter has run out on <paramref name="today"/> (China time): its last valid day was before today.</summary>
    public static bool IsExpired(DateOnly validUntil, DateOnly today) => validUntil < today;

    /// <summary>Whether the receiving branch may accept the letter on <paramref name="today"/>.</summary>
    public static LetterDateProblem CheckAcceptance(DateOnly validUntil, DateOnly today) =>
        IsExpired(validUntil, today) ? LetterDateProblem.Expired : LetterDateProblem.None;
}

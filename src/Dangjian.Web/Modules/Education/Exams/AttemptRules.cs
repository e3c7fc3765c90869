namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>
/// When an attempt may start and until when it takes answers (docs/rules/education.md#ex-1), how many attempts a member
/// has and which counts (docs/rules/education.md#ex-2). No I/O: the clock's now is a parameter.
/// </summary>
public static class AttemptRules
{
    public const string TimeArticle = "docs/rules/education.md#ex-1";
    public const string AttemptsArticle = "docs/rules/education.md#ex-2";

    public enum StartRefusal
    {
        None,
        NotYetOpen,
        Closed,
        NoAttemptsLeft,
    }

    /// <summary>The window is [opensAt, closesAt); the attempts used count submitted and timed-out ones alike.</summary>
    public static StartRefusal MayStart(DateTimeOffset now, DateTimeOffset opensAt, DateTimeOffset closesAt, int attemptsUsed, int attemptsAllowed)
    {
        if (now < opensAt) return StartRefusal.NotYetOpen;
        if (now >= closesAt) return StartRefusal.Closed;
        return attemptsUsed >= attemptsAllowed ? StartRefusal.NoAttemptsLeft : StartRefusal.None;
    }

    /// <summary>Start plus the time limit, or the exam's close when that comes first.</summary>
    public static DateTimeOffset Deadline(DateTimeOffset startedAt, int timeLimitMinutes, DateTimeOffset closesAt)
    {
        var byLimit = startedAt.AddMinutes(timeLimitMinutes);
        return byLimit < closesAt ? byLimit : closesAt;
    }

    /// <summary>An answer is taken up to the deadline plus the grace (the network's delay), and not a second later.</summary>
    public static bool Accepts(DateTimeOffset now, DateTimeOffset deadline, int graceSeconds) => now <= deadline.AddSeconds(graceSeconds);

    /// <summary>Whole seconds left until the deadline (never negative): what the page counts down from.</summary>
    public static int SecondsLeft(DateTimeOffset now, DateTimeOffset deadline) => (int)Math.Max(0, Math.Floor((deadline - now).TotalSeconds));

    /// <summary>The attempt that counts: highest score, then the shorter time, then the earlier.</summary>
    public static T? Best<T>(IEnumerable<T> attempts, Func<T, double> score, Func<T, int?> seconds, Func<T, DateTimeOffset> startedAt) where T : class =>
        attempts.OrderByDescending(score).ThenBy(a => seconds(a) ?? int.MaxValue).ThenBy(startedAt).FirstOrDefault();

    public static bool Passed(double score, int passMark) => score >= passMark;
}

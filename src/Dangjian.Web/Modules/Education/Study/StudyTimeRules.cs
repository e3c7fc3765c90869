using Dangjian.Web.Modules.Education.Courses;

namespace Dangjian.Web.Modules.Education.Study;

/// <summary>Why a heartbeat credited less than an interval, or nothing (the answer's reason code).</summary>
public enum StudyReason
{
    /// <summary>Credited in full.</summary>
    None,
    /// <summary>Less real time had passed than an interval: only what had passed is credited.</summary>
    ShortInterval,
    /// <summary>Sooner than the interval (less the tolerance) after the last accepted heartbeat: nothing, and the heartbeat is not accepted.</summary>
    TooSoon,
    /// <summary>The page was not visible.</summary>
    NotVisible,
    /// <summary>The video or audio was not playing.</summary>
    NotPlaying,
    /// <summary>The article or PDF was not scrolled, moved over or touched during the interval.</summary>
    NotScrolled,
    /// <summary>The course's cap for the member is reached (media: length × factor; reading: the reading cap).</summary>
    CapReached,
    /// <summary>More than two intervals passed without a heartbeat: the session ended, a new one must start.</summary>
    Expired,
    /// <summary>The session was ended (by the page, or by starting another course).</summary>
    Ended,
    /// <summary>Another heartbeat of the same session was counted at the same moment.</summary>
    Concurrent,
}

/// <summary>What the page said with a heartbeat: visible, playing (media), scrolled or touched (reading).</summary>
public readonly record struct StudySignals(bool Visible, bool Playing, bool Scrolled);

/// <summary>What the server knows when a heartbeat arrives: the session's clock and the course's totals.</summary>
public readonly record struct StudyBeat(
    CourseKind Kind, int IntervalSeconds, int ToleranceSeconds, DateTimeOffset LastAcceptedAt, DateTimeOffset Now, int CreditedSoFar, int CapSeconds);

/// <summary>The decision: seconds credited, why not more, whether the heartbeat counts as the session's last one, whether the session ends.</summary>
public readonly record struct StudyCredit(int Seconds, StudyReason Reason, bool Accepted, bool EndsSession);

/// <summary>
/// How heartbeats become study time (docs/rules/education.md#e-4): only time the server's own clock measured between
/// accepted heartbeats counts, at most one interval per heartbeat, and only while the page was visible and the course
/// played or read; a video's or audio's total is capped at its length × the factor, reading at a fixed cap. Pure.
/// </summary>
public static class StudyTimeRules
{
    public const string Article = "docs/rules/education.md#e-4";

    public static StudyCredit Credit(StudyBeat beat, StudySignals signals)
    {
        var elapsed = (int)Math.Floor((beat.Now - beat.LastAcceptedAt).TotalSeconds);
        if (elapsed > 2 * beat.IntervalSeconds) return new(0, StudyReason.Expired, Accepted: false, EndsSession: true);
        if (elapsed < beat.IntervalSeconds - beat.ToleranceSeconds) return new(0, StudyReason.TooSoon, Accepted: false, EndsSession: false);
        if (!signals.Visible) return new(0, StudyReason.NotVisible, true, false);
        if (IsMedia(beat.Kind) && !signals.Playing) return new(0, StudyReason.NotPlaying, true, false);
        if (!IsMedia(beat.Kind) && !signals.Scrolled) return new(0, StudyReason.NotScrolled, true, false);
        var credit = Math.Min(beat.IntervalSeconds, elapsed);
        var left = Math.Max(0, beat.CapSeconds - beat.CreditedSoFar);
        if (credit >= left) return new(left, StudyReason.CapReached, true, false);
        return new(credit, credit < beat.IntervalSeconds ? StudyReason.ShortInterval : StudyReason.None, true, false);
    }

    /// <summary>
    /// The instant the session's clock moves to with an accepted heartbeat: the last one plus what was credited when
    /// only the part of a second under it was left over (so 30.4 s credit 30 and the 0.4 s count with the next
    /// heartbeat rather than being lost every time), else the heartbeat's own instant (time not credited — hidden, paused,
    /// beyond an interval or the cap — is gone). Credits never add up to more than the time the server measured.
    /// </summary>
    public static DateTimeOffset CountedUntil(StudyBeat beat, StudyCredit credit)
    {
        var carried = beat.LastAcceptedAt.AddSeconds(credit.Seconds);
        return credit.Seconds > 0 && beat.Now - carried < TimeSpan.FromSeconds(1) ? carried : beat.Now;
    }

    public static bool IsMedia(CourseKind kind) => kind is CourseKind.Video or CourseKind.Audio;

    /// <summary>Whether a course's time is counted by heartbeats (a live session is credited by its sign-in instead).</summary>
    public static bool IsTracked(CourseKind kind) => kind is CourseKind.Video or CourseKind.Audio or CourseKind.Article or CourseKind.Pdf;

    /// <summary>The most a member can be credited for a course: media length × factor, or the reading cap.</summary>
    public static int CapSeconds(CourseKind kind, int? mediaSeconds, double mediaCapFactor, StudyOptions o) =>
        IsMedia(kind) ? (int)Math.Floor(Math.Max(0, mediaSeconds ?? 0) * mediaCapFactor) : Math.Max(0, o.ReadingCapMinutes) * 60;

    /// <summary>The credited seconds that complete a course: a share of a video's length, or a reading time (from an article's length).</summary>
    public static int CompleteSeconds(CourseKind kind, int? mediaSeconds, int bodyLength, StudyOptions o)
    {
        var cap = Math.Max(0, o.ReadingCapMinutes) * 60;
        return kind switch
        {
            CourseKind.Video or CourseKind.Audio => (int)Math.Ceiling(Math.Max(0, mediaSeconds ?? 0) * o.MediaCompletePercent / 100.0),
            CourseKind.Pdf => Math.Min(cap, o.PdfReadingMinutes * 60),
            _ => Math.Min(cap, Math.Max(o.ReadingMinMinutes, (int)Math.Ceiling(bodyLength / (double)Math.Max(1, o.ReadingCharsPerMinute))) * 60),
        };
    }

    /// <summary>
    /// The years (China Standard Time) the credited seconds belong to: they are the last <paramref name="seconds"/> before
    /// <paramref name="now"/>, so a heartbeat just after new year's midnight gives the seconds before it to the old year.
    /// </summary>
    public static IReadOnlyList<(int Year, int Seconds)> ByYear(DateTimeOffset now, int seconds)
    {
        if (seconds <= 0) return [];
        var local = now.ToOffset(Platform.Clock.ChinaTime.Offset);
        var yearStart = new DateTimeOffset(local.Year, 1, 1, 0, 0, 0, Platform.Clock.ChinaTime.Offset);
        var inThisYear = (int)Math.Min(seconds, Math.Floor((local - yearStart).TotalSeconds));
        if (inThisYear >= seconds) return [(local.Year, seconds)];
        return inThisYear == 0 ? [(local.Year - 1, seconds)] : [(local.Year - 1, seconds - inThisYear), (local.Year, inThisYear)];
    }
}

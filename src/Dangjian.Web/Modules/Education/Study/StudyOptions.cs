namespace Dangjian.Web.Modules.Education.Study;

/// <summary>
/// The Study feature's own settings, beside <see cref="EducationOptions"/> in the same section (Rules:Education): how
/// strictly a heartbeat is timed, how much reading counts, when a course is complete, which meetings count as study.
/// </summary>
public sealed class StudyOptions
{
    /// <summary>A heartbeat this many seconds earlier than the interval is still on time (timers of browsers drift).</summary>
    public int HeartbeatToleranceSeconds { get; set; } = 5;

    /// <summary>An article's or PDF's credited time per member is capped at this many minutes (docs/rules/education.md#e-4).</summary>
    public int ReadingCapMinutes { get; set; } = 60;

    /// <summary>A video or audio is complete once this share of its length (percent) was credited.</summary>
    public int MediaCompletePercent { get; set; } = 90;

    /// <summary>An article is complete after its length ÷ this many characters a minute of credited reading (at least <see cref="ReadingMinMinutes"/>).</summary>
    public int ReadingCharsPerMinute { get; set; } = 400;

    /// <summary>The least reading time (minutes) that completes an article.</summary>
    public int ReadingMinMinutes { get; set; } = 3;

    /// <summary>The reading time (minutes) that completes a PDF document.</summary>
    public int PdfReadingMinutes { get; set; } = 10;

    /// <summary>
    /// On PostgreSQL a heartbeat's transaction commits without waiting for its WAL to reach the disk
    /// (<c>SET LOCAL synchronous_commit = off</c>; ADR 0020): a crash of the server loses at most the heartbeats of the
    /// last fraction of a second, never consistency — the same trade SQLite's WAL with <c>synchronous = NORMAL</c> makes for
    /// every write. Nothing else (ledger, dues, grades) is affected. False: every heartbeat waits for the disk.
    /// </summary>
    public bool HeartbeatAsyncCommit { get; set; } = true;

    /// <summary>The meeting types whose attendance counts as study hours in the learning archive (names of the Meetings module's types).</summary>
    public string[] MeetingTypesCounted { get; set; } = ["PartyLecture", "ThemeDay", "FirstTopicStudy"];
}

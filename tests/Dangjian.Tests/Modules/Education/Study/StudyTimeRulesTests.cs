using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Study;

namespace Dangjian.Tests.Modules.Education.Study;

/// <summary>How heartbeats become study time (docs/rules/education.md#e-4): the table of cases with its boundaries.</summary>
public sealed class StudyTimeRulesTests
{
    private static readonly DateTimeOffset Last = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    // kind, seconds since the last accepted heartbeat, visible, playing, scrolled, credited so far, cap → credited, reason, accepted, ends
    [InlineData(CourseKind.Video, 30, true, true, false, 0, 1000, 30, StudyReason.None, true, false)]            // exactly the interval
    [InlineData(CourseKind.Video, 25, true, true, false, 0, 1000, 25, StudyReason.ShortInterval, true, false)]   // interval − tolerance: on time, only what passed
    [InlineData(CourseKind.Video, 24, true, true, false, 0, 1000, 0, StudyReason.TooSoon, false, false)]         // one second earlier
    [InlineData(CourseKind.Video, 1, true, true, false, 0, 1000, 0, StudyReason.TooSoon, false, false)]
    [InlineData(CourseKind.Video, 45, true, true, false, 0, 1000, 30, StudyReason.None, true, false)]            // more elapsed than an interval: one interval
    [InlineData(CourseKind.Video, 60, true, true, false, 0, 1000, 30, StudyReason.None, true, false)]            // two intervals: still open
    [InlineData(CourseKind.Video, 61, true, true, false, 0, 1000, 0, StudyReason.Expired, false, true)]          // longer gap ends the session
    [InlineData(CourseKind.Video, 30, true, true, false, 990, 1000, 10, StudyReason.CapReached, true, false)]    // cap reached mid-heartbeat
    [InlineData(CourseKind.Video, 30, true, true, false, 1000, 1000, 0, StudyReason.CapReached, true, false)]    // cap already reached
    [InlineData(CourseKind.Video, 30, false, true, false, 0, 1000, 0, StudyReason.NotVisible, true, false)]      // hidden page
    [InlineData(CourseKind.Video, 30, true, false, true, 0, 1000, 0, StudyReason.NotPlaying, true, false)]       // paused video (scrolling does not count)
    [InlineData(CourseKind.Audio, 30, true, false, false, 0, 1000, 0, StudyReason.NotPlaying, true, false)]
    [InlineData(CourseKind.Article, 30, true, false, true, 0, 3600, 30, StudyReason.None, true, false)]
    [InlineData(CourseKind.Article, 30, true, true, false, 0, 3600, 0, StudyReason.NotScrolled, true, false)]    // reading: playing does not count
    [InlineData(CourseKind.Pdf, 30, true, false, false, 0, 3600, 0, StudyReason.NotScrolled, true, false)]
    [InlineData(CourseKind.Pdf, 28, true, false, true, 3590, 3600, 10, StudyReason.CapReached, true, false)]
    public void Credit_TableOfCases(CourseKind kind, int elapsed, bool visible, bool playing, bool scrolled, int soFar, int cap,
        int credited, StudyReason reason, bool accepted, bool ends)
    {
        var beat = new StudyBeat(kind, 30, 5, Last, Last.AddSeconds(elapsed), soFar, cap);
        StudyTimeRules.Credit(beat, new StudySignals(visible, playing, scrolled)).ShouldBe(new StudyCredit(credited, reason, accepted, ends));
    }

    [Fact]
    public void Credit_ElapsedShorterThanAnInterval_NeverMoreThanThePassedTime()
    {
        // 27.9 seconds count as 27: the server never rounds time up.
        var beat = new StudyBeat(CourseKind.Video, 30, 5, Last, Last.AddMilliseconds(27_900), 0, 1000);
        StudyTimeRules.Credit(beat, new StudySignals(true, true, false)).Seconds.ShouldBe(27);
    }

    [Theory]
    // milliseconds since the last accepted heartbeat, seconds credited → milliseconds the session's clock moves by
    [InlineData(30_400, 30, 30_000)]   // the 0.4 s left over count with the next heartbeat
    [InlineData(29_999, 29, 29_000)]   // just under the interval: 29 s now, 0.999 s carried
    [InlineData(31_000, 30, 31_000)]   // a whole second beyond the interval is not carried: the clock moves to now
    [InlineData(45_000, 30, 45_000)]   // beyond the interval: now
    [InlineData(30_000, 0, 30_000)]    // nothing credited (hidden, paused): now
    [InlineData(30_000, 10, 30_000)]   // the cap cut it: now
    public void CountedUntil_CarriesOnlyTheFractionOfASecond(int elapsedMs, int credited, int movesMs)
    {
        var beat = new StudyBeat(CourseKind.Video, 30, 5, Last, Last.AddMilliseconds(elapsedMs), 0, 1000);
        StudyTimeRules.CountedUntil(beat, new StudyCredit(credited, StudyReason.None, true, false)).ShouldBe(Last.AddMilliseconds(movesMs));
    }

    [Fact]
    public void CountedUntil_ManyHeartbeats_CreditTheWholeTime_NeverMore()
    {
        // 100 heartbeats 30.3 s apart (the page's timer and the network): credited in whole seconds, the fractions carried.
        var last = Last;
        var now = Last;
        var total = 0;
        for (var i = 0; i < 100; i++)
        {
            now = now.AddMilliseconds(30_300);
            var beat = new StudyBeat(CourseKind.Video, 30, 5, last, now, total, 1_000_000);
            var credit = StudyTimeRules.Credit(beat, new StudySignals(true, true, false));
            total += credit.Seconds;
            last = StudyTimeRules.CountedUntil(beat, credit);
        }
        total.ShouldBe(3000);                                    // one interval each: the excess 0.3 s beyond it is not credited
        total.ShouldBeLessThanOrEqualTo((int)(now - Last).TotalSeconds);
        var slow = Last;
        var t = Last;
        var sum = 0;
        for (var i = 0; i < 100; i++)
        {
            t = t.AddMilliseconds(29_700);
            var beat = new StudyBeat(CourseKind.Video, 30, 5, slow, t, sum, 1_000_000);
            var credit = StudyTimeRules.Credit(beat, new StudySignals(true, true, false));
            sum += credit.Seconds;
            slow = StudyTimeRules.CountedUntil(beat, credit);
        }
        sum.ShouldBe(2970);                                      // 100 × 29.7 s: all of it, in whole seconds
    }

    [Theory]
    [InlineData(CourseKind.Video, 600, 720)]    // length × 1.2
    [InlineData(CourseKind.Audio, 301, 361)]
    [InlineData(CourseKind.Video, null, 0)]     // no length known: nothing can be credited
    [InlineData(CourseKind.Article, null, 3600)] // the reading cap
    [InlineData(CourseKind.Pdf, 100, 3600)]
    public void Cap_MediaLengthTimesFactor_OrTheReadingCap(CourseKind kind, int? media, int expected) =>
        StudyTimeRules.CapSeconds(kind, media, 1.2, new StudyOptions()).ShouldBe(expected);

    [Theory]
    [InlineData(CourseKind.Video, 600, 0, 540)]   // 90 %
    [InlineData(CourseKind.Audio, 61, 0, 55)]     // rounded up
    [InlineData(CourseKind.Article, null, 100, 180)]   // short article: the least reading time (3 min)
    [InlineData(CourseKind.Article, null, 4000, 600)]  // 4,000 characters at 400 a minute
    [InlineData(CourseKind.Article, null, 100_000, 3600)] // never beyond the cap
    [InlineData(CourseKind.Pdf, null, 0, 600)]
    public void Complete_ShareOfTheLength_OrAReadingTime(CourseKind kind, int? media, int body, int expected) =>
        StudyTimeRules.CompleteSeconds(kind, media, body, new StudyOptions()).ShouldBe(expected);

    [Fact]
    public void ByYear_AHeartbeatAcrossNewYear_SplitsAtChinaMidnight()
    {
        // 2027-01-01 00:00:10 China time = 2026-12-31 16:00:10 UTC: 20 of the 30 seconds belong to 2026.
        var now = new DateTimeOffset(2026, 12, 31, 16, 0, 10, TimeSpan.Zero);
        StudyTimeRules.ByYear(now, 30).ShouldBe([(2026, 20), (2027, 10)]);
        StudyTimeRules.ByYear(now.AddSeconds(-10), 30).ShouldBe([(2026, 30)]); // exactly midnight: all before it
        StudyTimeRules.ByYear(now.AddSeconds(20), 30).ShouldBe([(2027, 30)]);
        StudyTimeRules.ByYear(now, 0).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false, 31.9, 32, 0.1, true)]
    [InlineData(false, 31.95, 32, 0.0, false)] // shown as 32.0: met
    [InlineData(false, 40, 32, 0, false)]
    [InlineData(true, 40, 56, 16, true)]
    public void Archive_GapAndStatus(bool leader, double hours, int target, double gap, bool below)
    {
        var t = Dangjian.Web.Modules.Education.Study.Archive.ArchiveRules.Target(leader, new Dangjian.Web.Modules.Education.EducationOptions());
        t.Hours.ShouldBe(target);
        t.Article.ShouldBe(leader ? "docs/rules/education.md#e-2" : "docs/rules/education.md#e-1");
        Dangjian.Web.Modules.Education.Study.Archive.ArchiveRules.Gap(hours, t.Hours).ShouldBe((gap, below));
    }

    [Fact]
    public void ClassHours_45MinutesEach() =>
        Dangjian.Web.Modules.Education.Study.Archive.ArchiveRules.ClassHours(2700, 45).ShouldBe(1.0);
}

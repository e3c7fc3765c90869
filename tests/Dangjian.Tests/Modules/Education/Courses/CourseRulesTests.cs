using Dangjian.Web.Modules.Education.Courses;

namespace Dangjian.Tests.Modules.Education.Courses;

/// <summary>The pure parts of the library: the 微党课 rule (E-5), the length read from a file, the article's Markdown.</summary>
public sealed class CourseRulesTests
{
    [Theory]
    [InlineData(CourseKind.Video, 480, true)]    // exactly 8 minutes
    [InlineData(CourseKind.Video, 481, false)]   // a second more
    [InlineData(CourseKind.Audio, 480, true)]
    [InlineData(CourseKind.Audio, 481, false)]
    [InlineData(CourseKind.Video, 1, true)]
    [InlineData(CourseKind.Video, 0, false)]     // no length read
    [InlineData(CourseKind.Video, null, false)]  // no file yet
    [InlineData(CourseKind.Pdf, 120, false)]     // a document is not a lesson to watch
    [InlineData(CourseKind.Article, 120, false)]
    [InlineData(CourseKind.Live, 120, false)]
    public void MicroLesson_VideoOrAudioOfAtMostEightMinutes(CourseKind kind, int? seconds, bool expected) =>
        MicroLessonRule.Is(kind, seconds, 8).ShouldBe(expected);

    [Theory]
    [InlineData(600u, 288_000ul, 0, 480)]       // version 0: 480 s
    [InlineData(1000u, 480_001ul, 0, 481)]      // a millisecond over 480 s rounds up
    [InlineData(90_000u, 5_400_000ul, 1, 60)]   // version 1 (64-bit duration)
    [InlineData(44_100u, 44_100ul * 3600, 1, 3600)]
    public void Mp4_LengthFromMvhd(uint timescale, ulong duration, int version, int seconds)
    {
        var (info, problem) = MediaProbe.Probe(CourseKind.Video, MediaFiles.Mp4(timescale, duration, version));
        problem.ShouldBe(MediaProblem.None);
        info!.Seconds.ShouldBe(seconds);
        info.ContentType.ShouldBe("video/mp4");
    }

    [Fact]
    public void M4a_IsAudio_LengthFromMvhd()
    {
        var (info, problem) = MediaProbe.Probe(CourseKind.Audio, MediaFiles.Mp4(44_100, 44_100 * 95, brand: "M4A "));
        problem.ShouldBe(MediaProblem.None);
        info!.ContentType.ShouldBe("audio/mp4");
        info.Seconds.ShouldBe(95);
    }

    [Fact]
    public void Mp3_ConstantBitRate_FromFirstFrameAndSize()
    {
        // 300 frames of 417 bytes at 128 kbit/s: 125,100 bytes = 7.82 s → 8.
        var (info, problem) = MediaProbe.Probe(CourseKind.Audio, MediaFiles.Mp3Cbr(300));
        problem.ShouldBe(MediaProblem.None);
        info!.ContentType.ShouldBe("audio/mpeg");
        info.Seconds.ShouldBe(8);
    }

    [Fact]
    public void Mp3_XingHeader_FrameCount()
    {
        // 1,000 frames × 1,152 samples ÷ 44,100 Hz = 26.1 s → 27, whatever the file's size.
        var (info, problem) = MediaProbe.Probe(CourseKind.Audio, MediaFiles.Mp3Xing(1000));
        problem.ShouldBe(MediaProblem.None);
        info!.Seconds.ShouldBe(27);
    }

    [Fact]
    public void Refused_WrongMagic_OrBroken()
    {
        MediaProbe.Probe(CourseKind.Video, MediaFiles.Exe()).Problem.ShouldBe(MediaProblem.WrongType);
        MediaProbe.Probe(CourseKind.Video, MediaFiles.Pdf()).Problem.ShouldBe(MediaProblem.WrongType);
        MediaProbe.Probe(CourseKind.Pdf, MediaFiles.Mp4(600, 6000)).Problem.ShouldBe(MediaProblem.WrongType);
        MediaProbe.Probe(CourseKind.Audio, MediaFiles.Exe()).Problem.ShouldBe(MediaProblem.WrongType);
        var good = MediaFiles.Mp4(600, 6000);
        MediaProbe.Probe(CourseKind.Video, good[..40]).Problem.ShouldBe(MediaProblem.Corrupt, "cut off inside the moov box");
        var noMoov = good.ToArray();
        "free"u8.CopyTo(noMoov.AsSpan(24));
        MediaProbe.Probe(CourseKind.Video, noMoov).Problem.ShouldBe(MediaProblem.Corrupt, "no moov");
        MediaProbe.Probe(CourseKind.Video, MediaFiles.Mp4(0, 6000)).Problem.ShouldBe(MediaProblem.Corrupt, "timescale 0");
        MediaProbe.Probe(CourseKind.Audio, [(byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0, 0, 2, 0, 0, 1, 2, 3]).Problem.ShouldBe(MediaProblem.Corrupt);
        MediaProbe.Probe(CourseKind.Pdf, MediaFiles.Pdf()).Problem.ShouldBe(MediaProblem.None);
    }

    [Fact]
    public void Markdown_NoRawHtml_NoScriptLinks()
    {
        var html = CourseMarkdown.ToHtml("""
            # 标题

            <script>alert('x')</script>

            <img src=x onerror=alert(1)>

            [点我](javascript:alert(1)) [数据](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(2)>

            [共产党员网](https://www.12371.cn/) [本站](/education/my) [下一课](lesson-2.html)

            ![图](javascript:alert(3))
            """);
        html.ShouldContain("<h1>");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldContain("&lt;script&gt;");
        html.ShouldNotContain("<img src=x", Case.Insensitive);
        html.ShouldNotContain("href=\"javascript:", Case.Insensitive);
        html.ShouldNotContain("src=\"javascript:", Case.Insensitive);
        html.ShouldNotContain("href=\"data:", Case.Insensitive);
        html.ShouldContain("点我");
        html.ShouldContain("<a href=\"https://www.12371.cn/\">共产党员网</a>");
        html.ShouldContain("<a href=\"/education/my\">本站</a>");
        html.ShouldContain("<a href=\"lesson-2.html\">下一课</a>");
    }
}

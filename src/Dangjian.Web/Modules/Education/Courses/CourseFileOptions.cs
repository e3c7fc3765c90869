namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>
/// Limits of a course's uploaded file (settings <c>Rules:Education:Files</c>). A file is held whole in memory while it is
/// checked, encrypted and stored in the database, so the limits are those of a lesson, not of a film.
/// </summary>
public sealed class CourseFileOptions
{
    public const string Section = "Rules:Education:Files";

    /// <summary>Largest video (MP4) in megabytes.</summary>
    public int VideoMaxMegabytes { get; set; } = 500;

    /// <summary>Largest audio (M4A or MP3) in megabytes.</summary>
    public int AudioMaxMegabytes { get; set; } = 100;

    /// <summary>Largest document (PDF) in megabytes.</summary>
    public int PdfMaxMegabytes { get; set; } = 50;

    public long MaxBytes(CourseKind kind) => 1024L * 1024 * kind switch
    {
        CourseKind.Video => VideoMaxMegabytes,
        CourseKind.Audio => AudioMaxMegabytes,
        CourseKind.Pdf => PdfMaxMegabytes,
        _ => 0,
    };

    /// <summary>The largest of the three: the request body limit of the upload routes.</summary>
    public long LargestBytes => new[] { CourseKind.Video, CourseKind.Audio, CourseKind.Pdf }.Max(MaxBytes);
}

/// <summary>Sign-in to a live course (settings <c>Rules:Education:Live</c>), as for meetings.</summary>
public sealed class LiveSessionOptions
{
    public const string Section = "Rules:Education:Live";

    /// <summary>Sign-in opens this many minutes before the start and closes at the end.</summary>
    public int SignInOpensMinutesBefore { get; set; } = 30;

    /// <summary>The host's code changes every this many seconds (the one before is still accepted).</summary>
    public int CodeWindowSeconds { get; set; } = 30;
}

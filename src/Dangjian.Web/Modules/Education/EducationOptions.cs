namespace Dangjian.Web.Modules.Education;

/// <summary>Education settings (Rules:Education): the yearly targets and how study time is counted (docs/rules/education.md).</summary>
public sealed class EducationOptions
{
    public const string Section = "Rules:Education";

    /// <summary>Yearly class hours every member studies (docs/rules/education.md#e-1).</summary>
    public int MemberHoursPerYear { get; set; } = 32;

    /// <summary>Yearly class hours of branch secretaries and committee members (docs/rules/education.md#e-2).</summary>
    public int LeaderHoursPerYear { get; set; } = 56;

    /// <summary>Minutes of verified study that make one class hour (学时) (docs/rules/education.md#e-4).</summary>
    public int MinutesPerClassHour { get; set; } = 45;

    /// <summary>A 微党课 is a video or audio of at most this many minutes (docs/rules/education.md#e-5).</summary>
    public int MicroLessonMaxMinutes { get; set; } = 8;

    /// <summary>The page sends one heartbeat per this many seconds of visible, playing or scrolling study.</summary>
    public int HeartbeatSeconds { get; set; } = 30;

    /// <summary>A video's or audio's credited time is capped at its length times this factor.</summary>
    public double MediaCapFactor { get; set; } = 1.2;
}

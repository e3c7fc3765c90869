namespace Dangjian.Web.Modules.Meetings;

/// <summary>Sign-in settings (Rules:Meetings).</summary>
public sealed class MeetingOptions
{
    public const string Section = "Rules:Meetings";

    /// <summary>How long one 6-digit code is shown; the previous code is still accepted, so a code lives up to twice this.</summary>
    public int CodeWindowSeconds { get; set; } = 30;

    /// <summary>Signing in opens this many minutes before the start.</summary>
    public int SignInOpensMinutesBefore { get; set; } = 30;

    /// <summary>A sign-in later than this many minutes after the start is marked late.</summary>
    public int LateAfterMinutes { get; set; } = 10;
}

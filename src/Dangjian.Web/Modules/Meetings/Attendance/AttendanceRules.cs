using Dangjian.Web.Platform;
namespace Dangjian.Web.Modules.Meetings.Attendance;

/// <summary>
/// Attendance figures. 签到率 = signed in ÷ expected; 出勤率 = signed in ÷ (expected − excused by an approved leave).
/// Late sign-ins count as signed in. Rates are percentages with one decimal, or none when nobody was expected.
/// </summary>
[ModuleContract]
public static class AttendanceRules
{
    public static AttendanceOutcome Outcome(bool signedIn, bool late, bool leaveApproved) =>
        signedIn ? (late ? AttendanceOutcome.Late : AttendanceOutcome.Present) : leaveApproved ? AttendanceOutcome.OnLeave : AttendanceOutcome.Absent;

    /// <summary>The month of an instant in China time as yyyymm.</summary>
    public static int MonthOf(DateTimeOffset at)
    {
        var d = Platform.Clock.ChinaTime.Date(at);
        return d.Year * 100 + d.Month;
    }

    public static decimal? SignInRate(int expected, int signedIn) => Percent(signedIn, expected);

    public static decimal? AttendanceRate(int expected, int signedIn, int onLeave) => Percent(signedIn, expected - onLeave);

    private static decimal? Percent(int part, int whole) =>
        whole <= 0 ? null : Math.Round(Math.Min(part, whole) * 100m / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Counts of a roll (or many): expected, signed in (of whom late and remote), on leave, absent; with the two rates.</summary>
[ModuleContract]
public sealed record AttendanceCounts(int Expected, int SignedIn, int Late, int Remote, int OnLeave, int Absent)
{
    public decimal? SignInRate => AttendanceRules.SignInRate(Expected, SignedIn);
    public decimal? AttendanceRate => AttendanceRules.AttendanceRate(Expected, SignedIn, OnLeave);

    public static AttendanceCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    public AttendanceCounts Add(AttendanceOutcome outcome, bool remote, int count) => outcome switch
    {
        AttendanceOutcome.Present => this with { Expected = Expected + count, SignedIn = SignedIn + count, Remote = Remote + (remote ? count : 0) },
        AttendanceOutcome.Late => this with { Expected = Expected + count, SignedIn = SignedIn + count, Late = Late + count, Remote = Remote + (remote ? count : 0) },
        AttendanceOutcome.OnLeave => this with { Expected = Expected + count, OnLeave = OnLeave + count },
        _ => this with { Expected = Expected + count, Absent = Absent + count },
    };
}

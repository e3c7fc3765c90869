namespace Dangjian.Web.Modules.Education.Study.Archive;

/// <summary>A member's yearly target and where it comes from.</summary>
public readonly record struct ArchiveTarget(int Hours, string Article);

/// <summary>
/// The learning archive's arithmetic (docs/rules/education.md#e-1, #e-2, #e-4): a class hour is
/// <c>MinutesPerClassHour</c> minutes of verified study; the year's target is the leaders' for branch secretaries and
/// committee members in office, otherwise every member's; below target while the hours fall short of it. Pure.
/// </summary>
public static class ArchiveRules
{
    public const string MemberArticle = "docs/rules/education.md#e-1";
    public const string LeaderArticle = "docs/rules/education.md#e-2";

    /// <summary>Exact class hours of verified seconds (unrounded: sum first, round once).</summary>
    public static double ClassHours(long seconds, int minutesPerClassHour) => seconds / (Math.Max(1, minutesPerClassHour) * 60.0);

    /// <summary>A year's exact class hours from its three sources, summed before any rounding (the archive and every total count this way).</summary>
    public static double TotalHours(long courseSeconds, long meetingSeconds, int externalTenths, int minutesPerClassHour) =>
        ClassHours(courseSeconds, minutesPerClassHour) + ClassHours(meetingSeconds, minutesPerClassHour) + externalTenths / 10.0;

    /// <summary>The same year as verified seconds: outside hours (tenths of a class hour) converted at the class hour's minutes.</summary>
    public static long TotalSeconds(long courseSeconds, long meetingSeconds, int externalTenths, int minutesPerClassHour) =>
        courseSeconds + meetingSeconds + (long)externalTenths * Math.Max(1, minutesPerClassHour) * 6;

    /// <summary>A meeting signed in to counts for its planned length (never negative).</summary>
    public static long MeetingSeconds(DateTimeOffset startsAt, DateTimeOffset endsAt) => (long)Math.Max(0, (endsAt - startsAt).TotalSeconds);

    /// <summary>Each meeting counts once per member, however many sign-ins it has.</summary>
    public static IEnumerable<Meetings.Contracts.AttendedMeeting> CountedMeetings(IEnumerable<Meetings.Contracts.AttendedMeeting> attended) =>
        attended.DistinctBy(a => (a.MemberId, a.MeetingId));

    /// <summary>Hours as shown: one decimal.</summary>
    public static double Round(double hours) => Math.Round(hours, 1, MidpointRounding.AwayFromZero);

    public static ArchiveTarget Target(bool leader, EducationOptions o) =>
        leader ? new(o.LeaderHoursPerYear, LeaderArticle) : new(o.MemberHoursPerYear, MemberArticle);

    /// <summary>The hours still missing (0 when met) and whether the member is below target, on the hours as shown.</summary>
    public static (double Gap, bool Below) Gap(double hours, int target)
    {
        var shown = Round(hours);
        return (Round(Math.Max(0, target - shown)), shown < target);
    }
}

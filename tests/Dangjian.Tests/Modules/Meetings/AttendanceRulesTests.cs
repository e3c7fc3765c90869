using Dangjian.Web.Modules.Meetings.Attendance;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>签到率 and 出勤率, and how a person comes out of a closed roll.</summary>
public sealed class AttendanceRulesTests
{
    public static TheoryData<int, int, int, decimal?, decimal?> Rates => new()
    {
        // expected, signed in, on leave → 签到率, 出勤率
        { 0, 0, 0, null, null },          // nobody expected: no rate, not 0 % nor 100 %
        { 50, 29, 0, 58.0m, 58.0m },      // the seed's "before" figure
        { 50, 46, 0, 92.0m, 92.0m },      // and its "after"
        { 3, 2, 0, 66.7m, 66.7m },        // one decimal, rounded half away from zero
        { 3, 1, 0, 33.3m, 33.3m },
        { 8, 7, 1, 87.5m, 100.0m },       // the excused one does not count against attendance
        { 2, 0, 2, 0.0m, null },          // everyone excused: no attendance rate
        { 1, 1, 0, 100.0m, 100.0m },
    };

    [Theory]
    [MemberData(nameof(Rates))]
    public void Rates_OfCounts(int expected, int signedIn, int onLeave, decimal? signInRate, decimal? attendanceRate)
    {
        AttendanceRules.SignInRate(expected, signedIn).ShouldBe(signInRate);
        AttendanceRules.AttendanceRate(expected, signedIn, onLeave).ShouldBe(attendanceRate);
    }

    [Theory]
    [InlineData(true, false, false, AttendanceOutcome.Present)]
    [InlineData(true, true, false, AttendanceOutcome.Late)]
    [InlineData(true, false, true, AttendanceOutcome.Present)]   // came although excused: present
    [InlineData(false, false, true, AttendanceOutcome.OnLeave)]
    [InlineData(false, false, false, AttendanceOutcome.Absent)]
    public void Outcome_OfOnePerson(bool signedIn, bool late, bool leaveApproved, AttendanceOutcome outcome) =>
        AttendanceRules.Outcome(signedIn, late, leaveApproved).ShouldBe(outcome);

    [Fact]
    public void Counts_AddUp()
    {
        var c = AttendanceCounts.Zero.Add(AttendanceOutcome.Present, true, 3).Add(AttendanceOutcome.Late, false, 1)
            .Add(AttendanceOutcome.OnLeave, false, 1).Add(AttendanceOutcome.Absent, false, 2);
        c.ShouldBe(new AttendanceCounts(Expected: 7, SignedIn: 4, Late: 1, Remote: 3, OnLeave: 1, Absent: 2));
        c.SignInRate.ShouldBe(57.1m);
        c.AttendanceRate.ShouldBe(66.7m);
    }
}

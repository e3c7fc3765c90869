using Dangjian.Web.Data;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Meetings.Records;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

/// <summary>
/// The demo tenant's organisational life: for a dozen branches, the 主题党日 of each month and the 支部党员大会 and 党课
/// of each quarter of this year before the current quarter, with sign-ins rising from about 58 % to 92 % over the
/// months and the rolls closed; one branch in three missed a month, so the calendar shows red as well as green. The
/// current quarter is left open. Deterministic.
/// </summary>
internal static class MeetingsDemo
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var branches = await db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Branch).OrderBy(u => u.Path).Take(12).ToListAsync(ct);
        for (var b = 0; b < branches.Count; b++)
        {
            var branch = branches[b];
            var people = await db.Members.InSubtree(branch.Path)
                .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
                .OrderBy(m => m.Id).Select(m => new { m.Id, m.OrgPath }).ToListAsync(ct);
            for (var month = 1; month < quarterStart.Month; month++)
            {
                if (b % 3 == 2 && month == 2 + b % 5) continue; // a missed month: red on the calendar
                Add(MeetingType.ThemeDay, $"{month}月主题党日", new DateOnly(today.Year, month, 10 + b % 10), month);
                if (month % 3 == 2)
                {
                    Add(MeetingType.BranchGeneralMeeting, $"第{(month + 1) / 3}季度支部党员大会", new DateOnly(today.Year, month, 20), month);
                    Add(MeetingType.PartyLecture, $"第{(month + 1) / 3}季度专题党课", new DateOnly(today.Year, month, 25), month);
                }
            }

            void Add(MeetingType type, string topic, DateOnly day, int month)
            {
                var starts = new DateTimeOffset(day.ToDateTime(new TimeOnly(14, 30)), ChinaTime.Offset).ToUniversalTime();
                var m = new Meeting
                {
                    Id = Guid.CreateVersion7(now), OrgUnitId = branch.Id, OrgPath = branch.Path, Type = type, Topic = topic,
                    StartsAt = starts, EndsAt = starts.AddHours(2), Mode = MeetingMode.Onsite, Place = "党员活动室", HostName = "党支部书记",
                    Status = MeetingStatus.Planned, SignInSecret = SignInCode.NewSecret(), CreatedAt = now, RollClosedAt = starts.AddHours(3),
                    PreApproval = type == MeetingType.BranchGeneralMeeting ? PreApproval.Approved : PreApproval.NotRequired,
                };
                db.Meetings.Add(m);
                // From about 58 % in January to about 92 % by September.
                var rate = 0.58 + (0.92 - 0.58) * Math.Min(month - 1, 8) / 8.0;
                for (var i = 0; i < people.Count; i++)
                {
                    var roll = (int)(((uint)(i * 7919 + month * 104_729 + (int)type * 1_299_709 + b * 15_485_863) * 2_654_435_761u) % 1000) / 1000.0;
                    var outcome = roll < rate ? (roll < rate * 0.08 ? AttendanceOutcome.Late : AttendanceOutcome.Present)
                        : roll < rate + 0.04 ? AttendanceOutcome.OnLeave : AttendanceOutcome.Absent;
                    if (outcome is AttendanceOutcome.Present or AttendanceOutcome.Late)
                    {
                        db.MeetingSignIns.Add(new MeetingSignIn
                        {
                            Id = Guid.CreateVersion7(now), MeetingId = m.Id, MemberId = people[i].Id,
                            SignedAt = starts.AddMinutes(outcome == AttendanceOutcome.Late ? 15 : -5), Late = outcome == AttendanceOutcome.Late,
                            Method = SignInMethod.Code,
                        });
                    }
                    db.MeetingAttendances.Add(new MeetingAttendance
                    {
                        Id = Guid.CreateVersion7(now), MeetingId = m.Id, MemberId = people[i].Id, OrgPath = people[i].OrgPath,
                        MeetingType = type, StartsAt = starts, Month = AttendanceRules.MonthOf(starts), Outcome = outcome,
                    });
                }
                if (type == MeetingType.BranchGeneralMeeting)
                {
                    db.MeetingRecords.Add(new MeetingRecord
                    {
                        Id = Guid.CreateVersion7(now), MeetingId = m.Id, Recorder = "组织委员",
                        Minutes = "传达学习上级党委会议精神，通报本季度支部工作，讨论下季度工作安排。", Locked = true, LockedAt = starts.AddDays(1), LockedBy = "党支部书记",
                        UpdatedAt = starts.AddDays(1),
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}

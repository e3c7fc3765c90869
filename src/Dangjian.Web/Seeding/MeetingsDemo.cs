using Dangjian.Web.Data;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Meetings.Records;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

/// <summary>
/// The demo tenant's organisational life this year, for every branch, up to today (China time): each month a 支委会
/// (where there is a committee, its members in office expected), a 党小组会 per group and a 主题党日; each quarter a
/// 支部党员大会 (first month) and a 党课 (second month); 谈心谈话, 组织生活会 and 民主评议 early in the year. Only
/// meetings whose roll has closed are written, each with its sign-ins and its closed roll (the party members who had
/// joined by then). Branches sign in at 86–96 %; members out of contact are absent, mobile members on leave. The weak
/// spots of <see cref="DemoBranches"/>: the last quarter's 党课 missed, a 主题党日 missed three months ago with sign-ins
/// falling to about half since, a 支委会 missed two months ago. Deterministic (a fixed mixing function of branch, member and month); written in one transaction with
/// <see cref="BulkInsert"/>.
/// </summary>
internal static class MeetingsDemo
{
    private const string Minutes = "传达学习上级党委会议精神，通报本阶段支部工作，讨论下阶段工作安排。";

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var tenantId = db.CurrentTenantId;
        var branches = await DemoBranches.LoadAsync(db, ct);
        var branchOf = branches.SelectMany(b => b.Groups.Select(g => (g.Id, b.Id)).Append((b.Id, b.Id))).ToDictionary(x => x.Item1, x => x.Item2);
        var party = (await DemoBranches.PartyAsync(db, ct)).Where(p => branchOf.ContainsKey(p.OrgUnitId)).ToList();
        var roll = party.ToLookup(p => branchOf[p.OrgUnitId]);
        var byUnit = party.ToLookup(p => p.OrgUnitId);
        var latestTerms = (await db.CommitteeTerms.AsNoTracking().Select(t => new { t.Id, t.OrgUnitId, t.Number }).ToListAsync(ct))
            .GroupBy(t => t.OrgUnitId).Select(g => g.MaxBy(t => t.Number)!.Id).ToHashSet();
        var committees = (await db.CommitteeMembers.AsNoTracking().Where(c => c.MemberId != null && c.LeftOn == null)
                .Select(c => new { c.TermId, c.OrgUnitId, c.MemberId, c.Name, c.Post }).ToListAsync(ct))
            .Where(c => latestTerms.Contains(c.TermId)).ToLookup(c => c.OrgUnitId);

        var meetings = new List<Meeting>();
        var signIns = new List<MeetingSignIn>();
        var lines = new List<MeetingAttendance>();
        var records = new List<MeetingRecord>();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        foreach (var branch in branches)
        {
            var b = branch.Index;
            var everyone = roll[branch.Id].ToList();
            var committee = committees[branch.Id].ToList();
            var onCommittee = committee.Select(c => c.MemberId).ToHashSet();
            var committeeRoll = everyone.Where(p => onCommittee.Contains(p.Id)).ToList();
            var host = committee.FirstOrDefault(c => c.Post == CommitteePost.Secretary)?.Name ?? "党支部书记";
            // Each branch its own level of attendance.
            var usual = 0.86 + ActivitySeeder.Mix(b, 0, 7) % 100 / 1000.0;

            for (var month = new DateOnly(today.Year, 1, 1); month <= thisMonth; month = month.AddMonths(1))
            {
                var m = month.Month;
                var ago = thisMonth.Month - m; // the weak spots are placed back from today, so the demo shows them in any month
                var rate = b == DemoBranches.LowSignIn && month >= thisMonth.AddMonths(-2) ? 0.48 : usual;
                if (committeeRoll.Count > 0 && !(b == DemoBranches.MissedCommitteeMeeting && ago == 2))
                {
                    Add(MeetingType.CommitteeMeeting, $"{m}月支委会", month.AddDays(2 + b % 4), new TimeOnly(9, 0), branch.Id, branch.Path, committeeRoll, rate);
                }
                foreach (var (g, i) in branch.Groups.Select((g, i) => (g, i)))
                {
                    Add(MeetingType.GroupMeeting, $"{m}月党小组会", month.AddDays(4 + i), new TimeOnly(16, 0), g.Id, g.Path, byUnit[g.Id].ToList(), rate);
                }
                var missedThemeDay = (b == DemoBranches.LowSignIn && ago == 3) || (b == DemoBranches.MissedCommitteeMeeting && committeeRoll.Count == 0 && ago == 2);
                if (!missedThemeDay)
                {
                    Add(MeetingType.ThemeDay, $"{m}月主题党日", month.AddDays(7 + b % 8), new TimeOnly(14, 30), branch.Id, branch.Path, everyone, rate);
                }
                var q = (m + 2) / 3;
                if (m % 3 == 1)
                {
                    Add(MeetingType.BranchGeneralMeeting, $"第{q}季度支部党员大会", month.AddDays(17 + b % 5), new TimeOnly(14, 30), branch.Id, branch.Path, everyone, rate);
                }
                if (m % 3 == 2 && !(b == DemoBranches.MissedLecture && q == (thisMonth.Month + 2) / 3 - 1))
                {
                    Add(MeetingType.PartyLecture, $"第{q}季度专题党课", month.AddDays(19 + b % 6), new TimeOnly(14, 30), branch.Id, branch.Path, everyone, rate);
                }
                if (m == 1) Add(MeetingType.HeartTalk, "年度谈心谈话", month.AddDays(20 + b % 5), new TimeOnly(10, 0), branch.Id, branch.Path, everyone, rate);
                if (m == 2) Add(MeetingType.OrgLifeMeeting, $"{today.Year - 1}年度组织生活会", month.AddDays(22), new TimeOnly(14, 30), branch.Id, branch.Path, everyone, rate);
                if (m == 3) Add(MeetingType.DemocraticAppraisal, $"{today.Year - 1}年度民主评议党员", month.AddDays(10 + b % 5), new TimeOnly(14, 30), branch.Id, branch.Path, everyone, rate);
            }

            void Add(MeetingType type, string topic, DateOnly day, TimeOnly time, Guid unitId, string path, List<DemoPerson> expected, double rate)
            {
                var starts = new DateTimeOffset(day.ToDateTime(time), ChinaTime.Offset).ToUniversalTime();
                if (starts.AddHours(3) > now) return; // not held yet, or its roll not closed yet
                var approval = MeetingOptions.DefaultPreApprovalTypes.Contains(type);
                var meeting = new Meeting
                {
                    Id = Guid.CreateVersion7(starts), TenantId = tenantId, OrgUnitId = unitId, OrgPath = path, Type = type, Topic = topic,
                    StartsAt = starts, EndsAt = starts.AddHours(type == MeetingType.CommitteeMeeting ? 1.5 : 2), Mode = MeetingMode.Onsite,
                    Place = type == MeetingType.CommitteeMeeting ? "支部办公室" : "党员活动室", HostName = host, Status = MeetingStatus.Planned,
                    SignInSecret = SignInCode.NewSecret(), CreatedAt = starts.AddDays(-10), RollClosedAt = starts.AddHours(3),
                    PreApproval = approval ? PreApproval.Approved : PreApproval.NotRequired,
                    SubmittedAt = approval ? starts.AddDays(-10) : null, DecidedAt = approval ? starts.AddDays(-8) : null, DecidedBy = approval ? "上级党组织" : null,
                };
                meetings.Add(meeting);
                var date = ChinaTime.Date(starts);
                var key = date.Year * 100 + date.Month;
                foreach (var p in expected)
                {
                    if (p.JoinedOn is { } j && j > date) continue;
                    var x = ActivitySeeder.Mix(p.Index, key, (int)type + 11) % 1000 / 1000.0;
                    var outcome = p.Silent ? AttendanceOutcome.Absent
                        : p.Away ? AttendanceOutcome.OnLeave
                        : x < rate ? (x < rate * 0.06 ? AttendanceOutcome.Late : AttendanceOutcome.Present)
                        : x < rate + 0.04 ? AttendanceOutcome.OnLeave : AttendanceOutcome.Absent;
                    if (outcome is AttendanceOutcome.Present or AttendanceOutcome.Late)
                    {
                        signIns.Add(new MeetingSignIn
                        {
                            Id = Guid.CreateVersion7(starts), TenantId = tenantId, MeetingId = meeting.Id, MemberId = p.Id,
                            SignedAt = starts.AddMinutes(outcome == AttendanceOutcome.Late ? 15 : -5), Late = outcome == AttendanceOutcome.Late,
                            Method = SignInMethod.Code,
                        });
                    }
                    lines.Add(new MeetingAttendance
                    {
                        Id = Guid.CreateVersion7(starts), TenantId = tenantId, MeetingId = meeting.Id, MemberId = p.Id, OrgPath = p.OrgPath,
                        MeetingType = type, StartsAt = starts, Month = AttendanceRules.MonthOf(starts), Outcome = outcome,
                    });
                }
                if (type is MeetingType.BranchGeneralMeeting or MeetingType.CommitteeMeeting or MeetingType.OrgLifeMeeting)
                {
                    records.Add(new MeetingRecord
                    {
                        Id = Guid.CreateVersion7(starts), TenantId = tenantId, MeetingId = meeting.Id, Recorder = "组织委员", Minutes = Minutes,
                        Locked = true, LockedAt = starts.AddDays(1), LockedBy = host, UpdatedAt = starts.AddDays(1),
                    });
                }
            }
        }

        var audit = db.AuditEnabled;
        db.AuditEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.InsertAsync(db, meetings, ct);
            await BulkInsert.InsertAsync(db, signIns, ct);
            await BulkInsert.InsertAsync(db, lines, ct);
            await BulkInsert.InsertAsync(db, records, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.AuditEnabled = audit;
        }
    }
}

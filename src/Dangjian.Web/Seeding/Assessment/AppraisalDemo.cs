using Dangjian.Web.Data;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.Appraisal;
using Dangjian.Web.Modules.Meetings.Appraisal.Handling;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding.Assessment;

/// <summary>
/// Last year's democratic appraisal of the first demo branch, complete: every member's self-appraisal and ballot, the
/// masses' and the organisation's scores, the grades confirmed (two 优秀, within the cap; one 不合格) and the 不合格
/// member's handling case at its first step (限期改正). Held in December of last year (China time). Deterministic.
/// </summary>
internal static class AppraisalDemo
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var branch = (await DemoBranches.LoadAsync(db, ct)).FirstOrDefault();
        if (branch is null) return;
        var tenantId = db.CurrentTenantId;
        var lastYear = clock.Today().Year - 1;
        var starts = new DateTimeOffset(new DateTime(lastYear, 12, 18, 14, 30, 0), ChinaTime.Offset).ToUniversalTime();
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(starts), TenantId = tenantId, OrgUnitId = branch.Id, OrgPath = branch.Path, Type = MeetingType.DemocraticAppraisal,
            Topic = $"{lastYear}年度民主评议党员（含群众评议、组织评价）", StartsAt = starts, EndsAt = starts.AddHours(2), Mode = MeetingMode.Onsite, Place = "党员活动室",
            HostName = "党支部书记", Status = MeetingStatus.Planned, SignInSecret = SignInCode.NewSecret(), CreatedAt = starts.AddDays(-14),
            RollClosedAt = starts.AddHours(3), PreApproval = PreApproval.Approved, SubmittedAt = starts.AddDays(-14), DecidedAt = starts.AddDays(-10), DecidedBy = "上级党组织",
        };
        db.Meetings.Add(meeting);
        var members = (await ExpectedAttendees.Of(db, meeting).AsNoTracking().Select(m => new { m.Id, m.Name, m.BirthDate }).ToListAsync(ct))
            .OrderBy(m => m.BirthDate).ThenBy(m => m.Name, StringComparer.Ordinal).Take(40).ToList();
        if (members.Count < 4) return;
        // Who is what: the first two 优秀, the last 不合格, the rest 合格 (a few votes differ, as ballots do).
        AppraisalGrade Intended(int i) => i < 2 ? AppraisalGrade.Excellent : i == members.Count - 1 ? AppraisalGrade.Unqualified : AppraisalGrade.Qualified;
        var options = new AppraisalOptions();
        var at = starts.AddMinutes(30);
        var selfText = "对照党章党规和入党誓词，查找在理想信念、政治纪律、作用发挥等方面的差距，明确整改措施。";
        for (var i = 0; i < members.Count; i++)
        {
            db.AppraisalSelves.Add(new AppraisalSelf
            {
                Id = Guid.CreateVersion7(at), TenantId = tenantId, MeetingId = meeting.Id, MemberId = members[i].Id, Text = selfText,
                Grade = Intended(i) == AppraisalGrade.Unqualified ? AppraisalGrade.BasicallyQualified : AppraisalGrade.Qualified, At = at,
            });
        }
        var tallies = members.Select(_ => new int[4]).ToList();
        for (var voter = 0; voter < members.Count; voter++)
            for (var subject = 0; subject < members.Count; subject++)
            {
                var grade = Intended(subject);
                var x = (int)(ActivitySeeder.Mix(voter, subject, 31) % 10);
                if (grade == AppraisalGrade.Excellent && x < 2) grade = AppraisalGrade.Qualified;
                else if (grade == AppraisalGrade.Qualified && x == 0) grade = AppraisalGrade.Excellent;
                else if (grade == AppraisalGrade.Unqualified && x < 3) grade = AppraisalGrade.BasicallyQualified;
                tallies[subject][(int)grade]++;
                db.AppraisalVotes.Add(new AppraisalVote
                {
                    Id = Guid.CreateVersion7(at.AddMinutes(20)), TenantId = tenantId, MeetingId = meeting.Id, VoterMemberId = members[voter].Id,
                    SubjectMemberId = members[subject].Id, Grade = grade, At = at.AddMinutes(20),
                });
            }
        var decided = starts.AddHours(2);
        for (var i = 0; i < members.Count; i++)
        {
            var intended = Intended(i);
            var masses = intended switch { AppraisalGrade.Excellent => 96, AppraisalGrade.Unqualified => 50, _ => 78 + (int)(ActivitySeeder.Mix(i, 3, 5) % 10) };
            var organisation = intended switch { AppraisalGrade.Excellent => 97, AppraisalGrade.Unqualified => 45, _ => 76 + (int)(ActivitySeeder.Mix(i, 4, 7) % 12) };
            db.AppraisalScores.Add(new AppraisalScore
            {
                Id = Guid.CreateVersion7(decided), TenantId = tenantId, MeetingId = meeting.Id, MemberId = members[i].Id, OrgUnitId = branch.Id,
                Masses = masses, Organisation = organisation, EnteredBy = "党支部书记", EnteredAt = starts.AddMinutes(90),
            });
            var t = tallies[i];
            var self = intended == AppraisalGrade.Unqualified ? AppraisalGrade.BasicallyQualified : AppraisalGrade.Qualified;
            var voters = members.Count;
            var score = AppraisalWeighting.Score(options.Weights, self, voters, t[0], t[1], t[2], t[3], masses, organisation);
            var grade = AppraisalWeighting.Proposed(score, options.Bands, voters, t[0], t[1], t[2], t[3]);
            // The branch confirms the grades it meant (within the cap: two 优秀).
            if (grade == AppraisalGrade.Excellent && intended != AppraisalGrade.Excellent) grade = AppraisalGrade.Qualified;
            db.AppraisalResults.Add(new AppraisalResult
            {
                Id = Guid.CreateVersion7(decided), TenantId = tenantId, MeetingId = meeting.Id, MemberId = members[i].Id, Year = lastYear, Grade = grade,
                Voters = voters, Excellent = t[0], Qualified = t[1], BasicallyQualified = t[2], Unqualified = t[3], DecidedAt = decided,
            });
            if (grade != AppraisalGrade.Unqualified) continue;
            var on = DateOnly.FromDateTime(ChinaTime.Date(decided).ToDateTime(TimeOnly.MinValue).AddDays(3));
            var c = new AppraisalCase
            {
                Id = Guid.CreateVersion7(decided), TenantId = tenantId, MeetingId = meeting.Id, MemberId = members[i].Id, OrgUnitId = branch.Id, OrgPath = branch.Path,
                Year = lastYear, Stage = HandlingStep.CorrectionOrdered, Deadline = on.AddMonths(6), LastStepOn = on, OpenedAt = decided,
            };
            c.Steps.Add(new AppraisalCaseStep
            {
                Id = Guid.CreateVersion7(decided), TenantId = tenantId, CaseId = c.Id, OrgUnitId = branch.Id, Step = HandlingStep.CorrectionOrdered, On = on,
                Deadline = on.AddMonths(6), DecidedBy = "支部委员会", Note = "经谈心谈话教育，本人表示接受组织意见，限期六个月改正，由支部委员一对一帮扶。",
                RecordedBy = "党支部书记", RecordedAt = decided.AddDays(3),
            });
            db.AppraisalCases.Add(c);
        }
        await db.SaveChangesAsync(ct);
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

/// <summary>
/// The demo tenant's development pipeline: a dozen applicants who applied between one and twenty-three months ago, each
/// as far as the rules' timing allows — the talk within a month, 积极分子 a month after applying, 备案 and 培养联系人
/// soon after, then the 培养教育考察 every six months — each step recorded in the ledger like any other, so the funnel
/// and the case pages have something to show. One case stalled after its mentors were named, for the weak-links page.
/// Picked by a fixed mix of the birth date (ids are random), so the same people every time. Deterministic.
/// </summary>
internal static class DevelopmentDemo
{
    /// <summary>The case left without a step since its mentors were named (more than six months ago).</summary>
    private const int Stalled = 6;

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var applicants = (await db.Members.Where(m => m.Category == MemberCategory.Applicant && m.Status == MembershipStatus.Normal).ToListAsync(ct))
            .OrderBy(m => ActivitySeeder.Mix(m.BirthDate?.DayNumber ?? 0, 0, 37)).ThenBy(m => m.Name, StringComparer.Ordinal).Take(12).ToList();
        var ledger = new Ledger(db);
        for (var i = 0; i < applicants.Count; i++)
        {
            var person = applicants[i];
            var applied = today.AddMonths(-(1 + i * 2)).AddDays(-(i % 5));
            if (person.BirthDate is { } birth && MemberFacts.Age(birth, applied) < 18) continue;
            var c = new DevelopmentCase
            {
                Id = Guid.CreateVersion7(now), MemberId = person.Id, OpenedInUnitId = person.OrgUnitId, Status = CaseStatus.Open,
                ApplicationDate = applied, CreatedAt = now,
            };
            db.DevelopmentCases.Add(c);
            person.AppliedOn = applied;
            Step(1, applied, new StepData());
            if (applied.AddDays(14) < today) Step(2, applied.AddDays(14), new StepData { Talker = "党支部书记" });
            var activistOn = applied.AddMonths(1).AddDays(5);
            if (activistOn.AddDays(20) < today)
            {
                Step(3, activistOn, new StepData { Method = i % 2 == 0 ? "党员推荐" : "群团推优" });
                person.Category = MemberCategory.Activist;
                person.ActivistOn = activistOn;
                Step(4, activistOn.AddDays(10), new StepData());
                Step(5, activistOn.AddDays(20), new StepData { Note = "指定两名正式党员为培养联系人" });
                for (var assessed = activistOn.AddMonths(6); i != Stalled && assessed < today; assessed = assessed.AddMonths(6))
                {
                    Step(6, assessed, new StepData { Note = "半年考察：思想上积极要求进步，工作表现良好" });
                }
            }

            void Step(int step, DateOnly date, StepData data)
            {
                var record = new DevelopmentStepRecord
                {
                    Id = Guid.CreateVersion7(now), CaseId = c.Id, Step = step, Date = date, Data = CaseAccess.Write(data), RecordedBy = "示例数据",
                    RecordedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(16, 0)), ChinaTime.Offset).ToUniversalTime(),
                };
                db.DevelopmentSteps.Add(record);
                ledger.Append(StepProof.Kind, c.Id.ToString(), StepProof.Of(record));
                c.LastStep = step;
                c.LastStepOn = date;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

/// <summary>
/// The demo tenant's development pipeline: a dozen applicants at the first steps (application, talk, activist, mentors),
/// each step recorded in the ledger like any other, so the funnel and the case pages have something to show. Deterministic.
/// </summary>
internal static class DevelopmentDemo
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var applicants = await db.Members.Where(m => m.Category == MemberCategory.Applicant && m.Status == MembershipStatus.Normal)
            .OrderBy(m => m.Id).Take(12).ToListAsync(ct);
        var ledger = new Ledger(db);
        for (var i = 0; i < applicants.Count; i++)
        {
            var person = applicants[i];
            var applied = today.AddMonths(-(2 + i * 2));
            if (person.BirthDate is { } birth && MemberFacts.Age(birth, applied) < 18) continue;
            var c = new DevelopmentCase
            {
                Id = Guid.CreateVersion7(now), MemberId = person.Id, OpenedInUnitId = person.OrgUnitId, Status = CaseStatus.Open,
                ApplicationDate = applied, CreatedAt = now,
            };
            db.DevelopmentCases.Add(c);
            person.AppliedOn = applied;
            Step(1, applied, new StepData());
            if (i >= 2) Step(2, applied.AddDays(14), new StepData { Talker = "党支部书记" });
            if (i >= 5)
            {
                var activistOn = applied.AddMonths(1);
                Step(3, activistOn, new StepData { Method = i % 2 == 0 ? "党员推荐" : "群团推优" });
                person.Category = MemberCategory.Activist;
                person.ActivistOn = activistOn;
                Step(4, activistOn.AddDays(10), new StepData());
            }

            void Step(int step, DateOnly date, StepData data)
            {
                var record = new DevelopmentStepRecord
                {
                    Id = Guid.CreateVersion7(now), CaseId = c.Id, Step = step, Date = date, Data = CaseAccess.Write(data), RecordedBy = "示例数据",
                    RecordedAt = now.AddSeconds(step),
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

using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Meetings;
using System.Text.Json.Nodes;
using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Plans;
using Dangjian.Web.Modules.Education.Plans.Cases;
using Dangjian.Web.Modules.Education.Plans.Research;

namespace Dangjian.Tests.Modules.Education.Plans;

/// <summary>Each side's plan with an item and a target, a case course, a case link to its meeting, a research task with a problem.</summary>
public sealed class PlansSiblingSeed : ISiblingSeed
{
    public async Task SeedAsync(AppFixture app, SiblingSeedContext side)
    {
        var tenantId = side.Tenant.TenantId;
        var course = await PlansData.CourseAsync(app, tenantId, side.Unit, $"{side.Label}案例{side.Marker}", caseKind: CaseKind.RedGene);
        var now = app.Clock.GetUtcNow();
        var plan = new StudyPlan
        {
            Id = Guid.CreateVersion7(now), TenantId = tenantId, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, Year = app.Clock.Today().Year,
            Title = $"{side.Label}学习计划{side.Marker}", Audience = PlanAudience.AllMembers, CreatedAt = now, CreatedBy = side.Secretary.DisplayName,
        };
        var item = new StudyPlanItem { Id = Guid.CreateVersion7(now), TenantId = tenantId, PlanId = plan.Id, CourseId = course.Id, Required = true, CreatedAt = now };
        var link = new CaseLink
        {
            Id = Guid.CreateVersion7(now), TenantId = tenantId, CourseId = course.Id, TargetKind = CaseTargetKind.Meeting, TargetId = side.Meeting.Id,
            OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, LinkedAt = now, LinkedBy = side.Secretary.DisplayName,
        };
        var task = new ResearchTask
        {
            Id = Guid.CreateVersion7(now), TenantId = tenantId, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, CourseId = course.Id,
            Title = $"{side.Label}调研{side.Marker}", OwnerMemberId = side.Member.Id, OwnerName = side.Member.Name, DueOn = app.Clock.Today().AddDays(10),
            Findings = $"{side.Label}调研成果{side.Marker}", CreatedAt = now, CreatedBy = side.Secretary.DisplayName,
        };
        var problem = new ResearchProblem
        {
            Id = Guid.CreateVersion7(now), TenantId = tenantId, TaskId = task.Id, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path,
            Title = $"{side.Label}问题{side.Marker}", OwnerMemberId = side.Member.Id, OwnerName = side.Member.Name, DueOn = app.Clock.Today().AddDays(5),
            CreatedAt = now,
        };
        await app.InTenantAsync(tenantId, async db =>
        {
            db.StudyPlans.Add(plan);
            db.StudyPlanItems.Add(item);
            db.StudyPlanTargets.Add(new StudyPlanTarget { Id = Guid.CreateVersion7(now), TenantId = tenantId, PlanId = plan.Id, Category = CourseCategory.Theory, Hours = 4 });
            db.CaseLinks.Add(link);
            db.ResearchTasks.Add(task);
            db.ResearchProblems.Add(problem);
            await db.SaveChangesAsync();
        });
        side.RouteValues["planId"] = plan.Id;
        side.RouteValues["itemId"] = item.Id;
        side.RouteValues["caseId"] = course.Id;
        side.RouteValues["linkId"] = link.Id;
        side.RouteValues["taskId"] = task.Id;
        side.RouteValues["problemId"] = problem.Id;
        side.RouteValues["meetingId"] = side.Meeting.Id;
        side.BodyValues["courseid"] = () => JsonValue.Create(course.Id);
        side.BodyValues["ownermemberid"] = () => JsonValue.Create(side.Member.Id);
        side.BodyValues["targetkind"] = () => JsonValue.Create("Plan");
        side.BodyValues["targetid"] = () => JsonValue.Create(plan.Id);
        side.BodyValues["audience"] = () => JsonValue.Create("AllMembers");
        side.BodyValues["year"] = () => JsonValue.Create(app.Clock.Today().Year);
        side.BodyValues["status"] = () => JsonValue.Create("Solved");
        side.BodyValues["category"] = () => JsonValue.Create("Theory");
        side.Secrets.AddRange([course.Title, plan.Title, task.Title, task.Findings!, problem.Title, plan.Id.ToString(), course.Id.ToString(), link.Id.ToString(),
            task.Id.ToString(), problem.Id.ToString()]);
        side.Items["plans.planId"] = plan.Id;
        side.Items["plans.problemId"] = problem.Id;
    }

    public async Task CheckUntouchedAsync(AppFixture app, SiblingSeedContext side)
    {
        var planId = (Guid)side.Items["plans.planId"];
        var problemId = (Guid)side.Items["plans.problemId"];
        var (plan, items, problem, links) = await app.InTenantAsync(side.Tenant.TenantId, async db => (
            await db.StudyPlans.SingleAsync(p => p.Id == planId), await db.StudyPlanItems.CountAsync(i => i.PlanId == planId),
            await db.ResearchProblems.SingleAsync(p => p.Id == problemId), await db.CaseLinks.CountAsync(l => l.OrgPath == side.Unit.Path)));
        plan.Title.ShouldBe($"{side.Label}学习计划{side.Marker}");
        items.ShouldBe(1);
        problem.Status.ShouldBe(ProblemStatus.Open);
        links.ShouldBe(1);
    }
}

/// <summary>What the Plans feature's request types write (InputCoverageTests).</summary>
public sealed class PlansRequestWrites : IRequestWrites
{
    public IReadOnlyDictionary<string, string[]> Writes { get; } = new Dictionary<string, string[]>
    {
        ["CreatePlanRequest"] = ["StudyPlan"],
        ["UpdatePlanRequest"] = ["StudyPlan"],
        ["SetPlanTargetsRequest"] = ["targets[].category=StudyPlanTarget.Category"],
        ["LinkCaseRequest"] = ["CaseLink"],
        ["OpenResearchRequest"] = ["ResearchTask"],
        ["ResearchFindingsRequest"] = ["ResearchTask"],
        ["RaiseProblemRequest"] = ["ResearchProblem"],
        ["CloseProblemRequest"] = ["ResearchProblem"],
    };
}

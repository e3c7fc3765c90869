using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Plans;
using Dangjian.Web.Modules.Education.Plans.Cases;
using Dangjian.Web.Modules.Education.Plans.Research;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding.Education;

/// <summary>
/// The demo tenant's education: the Plans feature's part (called by <see cref="EducationDemo"/> after the courses). This
/// year's three layered plans of the top unit — all party members, secretaries and committee members, new members —
/// with items from the demo courses (one required item already past its deadline) and class-hour targets; a warning
/// case and a red-gene case linked to the two latest meetings and to the all-members plan; three research tasks from
/// the courses, two reported with problems, one of them solved with its outcome, and one still open past its deadline.
/// Deterministic: the same titles, courses, people and dates relative to today. A handful of rows: fast on any roll.
/// </summary>
internal static class PlansDemo
{
    private sealed record DemoPlan(string Title, PlanAudience Audience, string Note, (string Course, bool Required, int? DueInDays)[] Items,
        (CourseCategory Category, int Hours)[] Targets);

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var root = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).Select(u => new { u.Id, u.Path })
            .FirstOrDefaultAsync(ct);
        if (root is null || await db.StudyPlans.AnyAsync(ct)) return;
        var courses = await db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published && c.OrgPath == root.Path)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
        if (courses.Count == 0) return;
        var byTitle = courses.GroupBy(c => c.Title).ToDictionary(g => g.Key, g => g.First());
        var tenantId = db.CurrentTenantId;
        var by = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId).OrderBy(u => u.UserName).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        const string author = "党委组织部";

        var plans = new Dictionary<PlanAudience, StudyPlan>();
        foreach (var d in Plans)
        {
            var plan = new StudyPlan
            {
                Id = Guid.CreateVersion7(now), TenantId = tenantId, OrgUnitId = root.Id, OrgPath = root.Path, Year = today.Year, Title = $"{today.Year}年度{d.Title}",
                Audience = d.Audience, Note = d.Note, CreatedAt = now.AddDays(-60), CreatedByUserId = by ?? Guid.Empty, CreatedBy = author,
            };
            plans[d.Audience] = plan;
            db.StudyPlans.Add(plan);
            foreach (var (title, required, due) in d.Items)
            {
                if (!byTitle.TryGetValue(title, out var course)) continue;
                db.StudyPlanItems.Add(new StudyPlanItem
                {
                    Id = Guid.CreateVersion7(now), TenantId = tenantId, PlanId = plan.Id, CourseId = course.Id, Required = required,
                    DueOn = due is { } days ? today.AddDays(days) : course.DueOn, CreatedAt = now.AddDays(-60),
                });
            }
            foreach (var (category, hours) in d.Targets)
                db.StudyPlanTargets.Add(new StudyPlanTarget { Id = Guid.CreateVersion7(now), TenantId = tenantId, PlanId = plan.Id, Category = category, Hours = hours });
        }

        // Cases as required study: the warning case of the two latest meetings, the red-gene case of the all-members plan.
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Status != MeetingStatus.Cancelled).OrderByDescending(m => m.StartsAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.OrgUnitId, m.OrgPath }).Take(2).ToListAsync(ct);
        if (byTitle.TryGetValue("警示教育案例：违规收受礼品礼金", out var warning))
        {
            foreach (var m in meetings)
            {
                db.CaseLinks.Add(new CaseLink
                {
                    Id = Guid.CreateVersion7(now), TenantId = tenantId, CourseId = warning.Id, TargetKind = CaseTargetKind.Meeting, TargetId = m.Id,
                    OrgUnitId = m.OrgUnitId, OrgPath = m.OrgPath, LinkedAt = now.AddDays(-3), LinkedByUserId = by ?? Guid.Empty, LinkedBy = author,
                });
            }
        }
        if (byTitle.TryGetValue("红色基因案例：井冈山精神", out var redGene))
        {
            db.CaseLinks.Add(new CaseLink
            {
                Id = Guid.CreateVersion7(now), TenantId = tenantId, CourseId = redGene.Id, TargetKind = CaseTargetKind.Plan, TargetId = plans[PlanAudience.AllMembers].Id,
                OrgUnitId = root.Id, OrgPath = root.Path, LinkedAt = now.AddDays(-20), LinkedByUserId = by ?? Guid.Empty, LinkedBy = author,
            });
        }

        await SeedResearchAsync(db, byTitle, root.Id, root.Path, tenantId, by ?? Guid.Empty, now, today, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>学习—调研—解题: three tasks owned by the first party members of the roll, in the order of the roll.</summary>
    private static async Task SeedResearchAsync(AppDbContext db, Dictionary<string, Course> courses, Guid rootId, string rootPath, Guid tenantId, Guid by,
        DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var people = await db.Members.AsNoTracking()
            .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
            .OrderBy(m => m.OrgPath).ThenBy(m => m.Name).Select(m => new { m.Id, m.Name }).Take(3).ToListAsync(ct);
        if (people.Count == 0) return;
        const string author = "党委组织部";
        var tasks = new (string Course, string Title, int DueInDays, string? Findings, (string Title, int DueInDays, string? Outcome)[] Problems)[]
        {
            ("当前经济形势与政策解读", "基层减负落实情况调研", -10,
                "走访4个支部、座谈党员群众32人：台账报送仍有重复，部分支部每月需向多个部门报送同类材料；会议通知多经微信群转发，党员参会率较去年提高。",
                [("同类台账多头报送", -2, "已与办公室、纪检部门统一台账模板，每月只报一次，自下月起执行。"), ("部分老党员不会使用线上学习平台", 20, null)]),
            ("廉洁自律准则学习", "节日期间廉洁风险点排查", 15,
                "梳理采购、报销、评优三个环节的廉洁风险点7个，已形成风险清单。",
                [("采购环节缺少比价记录", 25, null)]),
            ("党史学习：从石库门到天安门", "红色资源进支部情况调研", -3, null, []),
        };
        for (var i = 0; i < tasks.Length; i++)
        {
            var (courseTitle, title, dueIn, findings, problems) = tasks[i];
            if (!courses.TryGetValue(courseTitle, out var course)) continue;
            var owner = people[i % people.Count];
            var task = new ResearchTask
            {
                Id = Guid.CreateVersion7(now.AddDays(-40 + i)), TenantId = tenantId, OrgUnitId = rootId, OrgPath = rootPath, CourseId = course.Id, Title = title,
                OwnerMemberId = owner.Id, OwnerName = owner.Name, DueOn = today.AddDays(dueIn),
                Status = findings is null ? ResearchStatus.Open : ResearchStatus.Reported, Findings = findings,
                FindingsAt = findings is null ? null : now.AddDays(-15 + i), FindingsBy = findings is null ? null : owner.Name, CreatedAt = now.AddDays(-40 + i),
                CreatedByUserId = by, CreatedBy = author,
            };
            db.ResearchTasks.Add(task);
            for (var j = 0; j < problems.Length; j++)
            {
                var (problem, due, outcome) = problems[j];
                var problemOwner = people[(i + j + 1) % people.Count];
                db.ResearchProblems.Add(new ResearchProblem
                {
                    Id = Guid.CreateVersion7(now.AddDays(-14 + j)), TenantId = tenantId, TaskId = task.Id, OrgUnitId = rootId, OrgPath = rootPath, Title = problem,
                    OwnerMemberId = problemOwner.Id, OwnerName = problemOwner.Name, DueOn = today.AddDays(due),
                    Status = outcome is null ? ProblemStatus.Open : ProblemStatus.Solved, Outcome = outcome, ClosedAt = outcome is null ? null : now.AddDays(-1),
                    ClosedBy = outcome is null ? null : problemOwner.Name, CreatedAt = now.AddDays(-14 + j), CreatedBy = owner.Name,
                });
            }
        }
    }

    private static readonly DemoPlan[] Plans =
    [
        new("全体党员学习计划", PlanAudience.AllMembers, "围绕党章党规、党史和廉洁教育，全体党员全年完成必学课程，各支部按月督学。",
        [
            ("学习党章总纲", true, null), ("党史学习：从石库门到天安门", true, null), ("廉洁自律准则学习", true, null),
            ("警示教育案例：违规收受礼品礼金", false, null), ("党史学习：改革开放的伟大历程", false, 90),
        ],
        [(CourseCategory.PartyRules, 4), (CourseCategory.PartyHistory, 6), (CourseCategory.Integrity, 4), (CourseCategory.Theory, 8)]),
        new("书记和委员学习计划", PlanAudience.Leaders, "支部书记和委员带头学、深入学，每季度至少讲一次党课。",
        [
            ("当前经济形势与政策解读", true, 30), ("党员的权利和义务", true, 45), ("学习党章总纲", true, null),
            ("警示教育案例：形式主义官僚主义典型问题", false, null),
        ],
        [(CourseCategory.Theory, 16), (CourseCategory.Policy, 8), (CourseCategory.PartyRules, 8)]),
        new("新党员培训计划", PlanAudience.NewMembers, "入党或转正一年内的党员参加一次集中培训，系统学习党章和党员权利义务。",
        [
            ("学习贯彻党的二十届四中全会精神辅导报告（直播）", true, null), ("党员的权利和义务", true, 30), ("红色基因案例：井冈山精神", false, null),
        ],
        [(CourseCategory.PartyRules, 6), (CourseCategory.Theory, 4)]),
    ];
}

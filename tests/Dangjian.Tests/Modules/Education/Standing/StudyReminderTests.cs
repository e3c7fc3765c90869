using Dangjian.Tests.Modules.Education.Study;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Plans;
using Dangjian.Web.Platform.Jobs;
using static Dangjian.Tests.Modules.Education.Standing.StudyData;

namespace Dangjian.Tests.Modules.Education.Standing;

/// <summary>
/// The daily study reminders on a clock the test moves: deadlines within the window (today to six days ahead, not the
/// day after, not past, not when done; a plan's item by its own deadline), and from 1 October the members below target
/// and their branch's list to the secretary, once a month; a second run sends nothing twice.
/// </summary>
public sealed class StudyReminderTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task<string> RunAsync() =>
        app.Services.GetServices<IJob>().Single(j => j.Name == "education-reminders").RunAsync(app.Services, CancellationToken.None);

    private Task<List<(string Key, string Title, string Body)>> NoticesAsync(StudyWorld w, Guid userId) =>
        w.InTenantAsync(async db => (await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.DedupKey).ToListAsync())
            .Select(n => (n.DedupKey, n.Title, n.Body)).ToList());

    /// <summary>China noon of <paramref name="day"/>.</summary>
    private void Today(DateOnly day) => app.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)));

    [Fact]
    public async Task Deadlines_TheWindowsBoundaries_PlanItems_AndTargetsFromTheFourthQuarter_OncePerMonth()
    {
        Today(new DateOnly(2026, 9, 23));
        var w = await StudyWorld.CreateAsync(app);
        var t = w.Tenant.TenantId;
        var today = new DateOnly(2026, 9, 23);
        var lastDay = await RequiredCourseAsync(app, t, w.Tenant.Root, today.AddDays(6), "窗口末日课");
        var dayAfter = await RequiredCourseAsync(app, t, w.Tenant.Root, today.AddDays(7), "窗口次日课");
        var past = await RequiredCourseAsync(app, t, w.Tenant.Root, today.AddDays(-1), "已过期课");
        var done = await RequiredCourseAsync(app, t, w.Tenant.Root, today, "已完成课");
        var elsewhere = await RequiredCourseAsync(app, t, w.Sibling, today, "兄弟支部课");
        await ProgressAsync(app, t, w.Member.Id, done.Id, Hour, completed: true);
        var optional = await StudyWorld.AddCourseAsync(app, t, w.Tenant.Root, CourseKind.Article, title: "计划内选修课", body: "正文");
        await w.InTenantAsync(async db =>
        {
            var plan = new StudyPlan { Id = Guid.CreateVersion7(), OrgUnitId = w.Tenant.Root.Id, OrgPath = w.Tenant.Root.Path, Year = 2026, Title = "年度计划", Audience = PlanAudience.AllMembers };
            db.StudyPlans.Add(plan);
            db.StudyPlanItems.Add(new StudyPlanItem { Id = Guid.CreateVersion7(), PlanId = plan.Id, CourseId = optional.Id, Required = true, DueOn = today.AddDays(2) });
            return await db.SaveChangesAsync();
        });

        await RunAsync();
        var notices = await NoticesAsync(w, w.MemberUser.Id);
        notices.Select(n => n.Key).ShouldBe([$"education-due:{lastDay.Id:N}:{w.Member.Id:N}", $"education-due:{optional.Id:N}:{w.Member.Id:N}"], ignoreOrder: true);
        notices.Single(n => n.Key.Contains(lastDay.Id.ToString("N"))).Title.ShouldContain("2026-09-29");
        notices.ShouldAllBe(n => n.Body.Contains("docs/rules/education.md#e-7"));

        // The next day the later course enters the window; the first is not sent again.
        Today(today.AddDays(1));
        await RunAsync();
        (await NoticesAsync(w, w.MemberUser.Id)).Select(n => n.Key).ShouldBe(
            [$"education-due:{lastDay.Id:N}:{w.Member.Id:N}", $"education-due:{optional.Id:N}:{w.Member.Id:N}", $"education-due:{dayAfter.Id:N}:{w.Member.Id:N}"],
            ignoreOrder: true);

        // Targets: not on 30 September, from 1 October; the secretary gets the branch's list.
        Today(new DateOnly(2026, 9, 30));
        await RunAsync();
        (await NoticesAsync(w, w.MemberUser.Id)).ShouldNotContain(n => n.Key.StartsWith("education-target"));
        (await NoticesAsync(w, w.Secretary.Id)).ShouldBeEmpty();

        Today(new DateOnly(2026, 10, 1));
        await RunAsync();
        await RunAsync();
        var october = (await NoticesAsync(w, w.MemberUser.Id)).Where(n => n.Key.StartsWith("education-target")).ToList();
        october.Select(n => n.Key).ShouldBe([$"education-target:{w.Member.Id:N}:202610"]);
        october[0].Body.ShouldContain("1.0");   // the hour of the completed course
        october[0].Body.ShouldContain("32");
        var lists = await NoticesAsync(w, w.Secretary.Id);
        lists.Select(n => n.Key).ShouldBe([$"education-target-list:{w.Branch.Id:N}:202610"]);
        lists[0].Body.ShouldContain(w.Member.Name);
        lists[0].Title.ShouldContain(w.Branch.Name);

        // Met by November: no reminder that month; one more for the list only if someone is still below.
        await ProgressAsync(app, t, w.Member.Id, optional.Id, 40 * Hour);
        Today(new DateOnly(2026, 11, 2));
        await RunAsync();
        (await NoticesAsync(w, w.MemberUser.Id)).Count(n => n.Key.StartsWith("education-target")).ShouldBe(1);
        (await NoticesAsync(w, w.Secretary.Id)).Count.ShouldBe(1);
        var other = (await w.Tenant.AddMembersAsync(w.Branch, 1, namePrefix: "未达标"))[0];
        await RunAsync();
        var november = await NoticesAsync(w, w.Secretary.Id);
        november.Select(n => n.Key).ShouldContain($"education-target-list:{w.Branch.Id:N}:202611");
        november.Single(n => n.Key.EndsWith("202611")).Body.ShouldContain(other.Name);
        november.Single(n => n.Key.EndsWith("202611")).Body.ShouldNotContain(w.Member.Name);
        Today(new DateOnly(2026, 11, 22));
    }
}

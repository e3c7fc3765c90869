using System.Text.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Tenancy;
using Dangjian.Web.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dangjian.BrowserTests;

/// <summary>
/// Issue 16, a member's year of study on a phone: the manager uploads a short video course and publishes an exam; a demo
/// member (390 px wide) opens the course, watches part of it (the page's heartbeats), leaves, comes back and finishes it,
/// takes the exam, and finds the hours and the score in the learning archive — the numbers on the pages checked against
/// what the server stored. Screenshots "16-education-…".
/// </summary>
public sealed class EducationJourneyTests(EducationJourneyServer app) : IClassFixture<EducationJourneyServer>
{
    private static readonly string Video = Path.Combine(EducationJourneyServer.RepoRoot(), "tests", "Dangjian.BrowserTests", "Fixtures", "study-30s.mp4");

    [Fact]
    public async Task Journey_MemberStudiesAVideo_TakesTheExam_SeesHoursAndScoreInTheArchive()
    {
        var title = "微视频：学习党章第一课";
        var examTitle = "党章知识测试";
        var (memberUser, memberPassword) = await app.MemberAccountAsync();

        // The manager: a video course published to the whole tenant, and an exam of two questions.
        var admin = await app.NewPageAsync();
        await Ui.LoginAsync(admin, "admin", AppServer.AdminPassword);
        var api = admin.Context.APIRequest;
        var root = await app.RootAsync();
        var course = await PostAsync(api, "/api/v1/education/courses", new
        {
            orgUnitId = root, title, courseKind = "Video", category = "PartyRules", summary = "三十秒的黑屏视频，测试用。", required = true,
        });
        var courseId = course.GetProperty("id").GetGuid();
        await admin.GotoAsync($"/education/courses/{courseId}");
        await admin.Locator("[data-testid=upload-form] input[type=file]").SetInputFilesAsync(Video);
        await admin.Locator("[data-testid=upload-form] button[type=submit]").ClickAsync();
        await admin.Locator("[data-testid=course-video]").WaitForAsync();
        (await admin.Locator("[data-testid=course-details]").InnerTextAsync()).ShouldContain("0 分 30 秒");
        admin.Dialog += async (_, d) => await d.AcceptAsync();
        await admin.Locator("[data-testid=publish]").ClickAsync();
        await admin.Locator("[data-testid=withdraw]").WaitForAsync();

        var single = await PostAsync(api, "/api/v1/education/questions", new
        {
            orgUnitId = root, type = "Single", category = "PartyRules", difficulty = 1, stem = "党的最高领导机关是？",
            options = new[] { "党的全国代表大会和它所产生的中央委员会", "国务院" }, answer = "A", explanation = "见党章第十条",
        });
        var trueFalse = await PostAsync(api, "/api/v1/education/questions", new
        {
            orgUnitId = root, type = "TrueFalse", category = "PartyRules", difficulty = 1, stem = "预备党员的预备期为一年。", answer = "对",
        });
        var paper = await PostAsync(api, "/api/v1/education/papers", new
        {
            orgUnitId = root, title = "党章测试卷", mode = "Fixed",
            items = new[] { new { questionId = single.GetProperty("id").GetGuid(), points = 60 }, new { questionId = trueFalse.GetProperty("id").GetGuid(), points = 40 } },
        });
        var now = DateTimeOffset.UtcNow;
        await PostAsync(api, "/api/v1/education/exams", new
        {
            orgUnitId = root, paperId = paper.GetProperty("id").GetGuid(), title = examTitle, isContest = false, opensAt = now.AddMinutes(-5),
            closesAt = now.AddDays(1), timeLimitMinutes = 10, attemptsAllowed = 1, passMark = 60,
        });
        await admin.Context.CloseAsync();

        // The member, on a phone.
        var page = await app.NewPageAsync(390, 844);
        page.Dialog += async (_, d) => await d.AcceptAsync();
        await Ui.LoginAsync(page, memberUser, memberPassword);
        var member = page.Context.APIRequest;
        await page.GotoAsync("/education");
        await page.Locator("[data-testid=education-home] a[href='/education/my']").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await PlayAsync(page);
        // Part of it: two heartbeats at least, then away.
        var studied = await WaitForStudyAsync(member, courseId, s => s.Seconds >= 2 * EducationJourneyServer.HeartbeatSeconds, TimeSpan.FromSeconds(60));
        studied.Completed.ShouldBeFalse();
        await AppServer.ShotAsync(page, "16-education-video-part");
        await page.GotoAsync("/education/my");
        var away = await WaitForStudyAsync(member, courseId, _ => true, TimeSpan.FromSeconds(1));
        away.Seconds.ShouldBeGreaterThanOrEqualTo(studied.Seconds);
        (await page.Locator($"tr[data-course='{courseId}']").InnerTextAsync()).ShouldNotContain("已完成");

        // Back again: the study goes on from what the server kept, until the course is complete.
        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await PlayAsync(page);
        var done = await WaitForStudyAsync(member, courseId, s => s.Completed, TimeSpan.FromSeconds(120));
        done.Seconds.ShouldBeGreaterThan(away.Seconds);
        await page.Locator("[data-study-credit]").Filter(new() { HasText = "已完成" }).WaitForAsync();
        await AppServer.ShotAsync(page, "16-education-video-done");
        await page.GotoAsync("/education/my");
        (await page.Locator($"tr[data-course='{courseId}']").InnerTextAsync()).ShouldContain("已完成");

        // The exam, from the education home's tile.
        await page.GotoAsync("/education");
        await page.GetByRole(AriaRole.Link, new() { Name = "考试与竞赛" }).ClickAsync();
        await page.Locator("[data-testid=my-exams]").WaitForAsync();
        var card = page.Locator("[data-exam]").Filter(new() { HasText = examTitle });
        (await card.Locator("[data-testid=exam-attempts]").InnerTextAsync()).ShouldContain("已用 0 / 共 1 次");
        await AppServer.ShotAsync(page, "16-education-my-exams");
        await card.Locator("[data-testid=start-attempt]").ClickAsync();
        await page.Locator("[data-testid=attempt-form]").WaitForAsync();
        var attemptId = Guid.Parse(page.Url.Split('/').Last().Split('?')[0]);
        var clock = page.Locator("[data-testid=attempt-countdown]");
        var first = await clock.InnerTextAsync();
        await page.WaitForFunctionAsync("t => document.querySelector('[data-testid=attempt-countdown]').textContent !== t", first);
        await page.GetByLabel("A. 党的全国代表大会和它所产生的中央委员会").CheckAsync();
        await page.Locator("li[data-type=TrueFalse]").GetByLabel("错").CheckAsync();
        await page.Locator("[data-testid=attempt-save]").ClickAsync();
        await page.Locator("[data-testid=attempt-saved]").WaitForAsync();
        await AppServer.ShotAsync(page, "16-education-attempt");
        await page.Locator("[data-testid=attempt-submit]").ClickAsync();
        await page.Locator("[data-testid=attempt-result]").WaitForAsync();
        await AppServer.ShotAsync(page, "16-education-attempt-result");
        var attempt = await GetAsync(member, $"/api/v1/education/attempts/{attemptId}");
        attempt.GetProperty("status").GetString().ShouldBe("Submitted");
        var score = attempt.GetProperty("score").GetDouble();
        score.ShouldBe(60);
        (await page.Locator("[data-testid=attempt-score]").InnerTextAsync()).Trim().ShouldBe(Number(score));
        (await page.Locator("[data-testid=attempt-passed]").InnerTextAsync()).ShouldBe(attempt.GetProperty("passed").GetBoolean() ? "及格" : "未及格");

        // The archive: the hours and the score, as the server holds them.
        await page.GotoAsync("/education");
        await page.GetByRole(AriaRole.Link, new() { Name = "学习档案" }).ClickAsync();
        await page.Locator("[data-testid=archive-summary]").WaitForAsync();
        var archive = await GetAsync(member, "/api/v1/education/archive/mine");
        var line = archive.GetProperty("courses").EnumerateArray().Single(c => c.GetProperty("courseId").GetGuid() == courseId);
        line.GetProperty("seconds").GetInt32().ShouldBe(done.Seconds);
        var hours = line.GetProperty("hours").GetDouble();
        hours.ShouldBeGreaterThan(0);
        var courseRow = page.Locator("tr").Filter(new() { HasText = title });
        (await courseRow.Locator("td[data-label='学时']").InnerTextAsync()).Trim().ShouldBe(Number(hours));
        (await page.Locator("[data-testid=archive-summary]").InnerTextAsync()).ShouldContain(Number(archive.GetProperty("courseHours").GetDouble()));
        var examRow = page.Locator("[data-testid=archive-exams] tr").Filter(new() { HasText = examTitle });
        (await examRow.Locator("[data-testid=archive-exam-score]").InnerTextAsync()).Trim().ShouldBe(Number(score));
        (await examRow.Locator("[data-testid=archive-exam-passed]").InnerTextAsync()).ShouldBe("及格");
        await AppServer.ShotAsync(page, "16-education-archive");
        await page.Context.CloseAsync();
    }

    private static string Number(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Plays the course's video the way a person's tap would (muted: the headless browser plays without a gesture then).</summary>
    private static async Task PlayAsync(IPage page)
    {
        await page.Locator("[data-testid=course-video]").WaitForAsync();
        await page.EvaluateAsync("async () => { const v = document.querySelector('video'); v.muted = true; await v.play(); }");
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('video'); return v && !v.paused && v.readyState > 2 && v.currentTime > 0; }");
    }

    private sealed record Study(int Seconds, bool Completed);

    /// <summary>The member's verified study of the course as the server counts it (我的学习's API), polled until <paramref name="until"/>.</summary>
    private static async Task<Study> WaitForStudyAsync(IAPIRequestContext api, Guid courseId, Func<Study, bool> until, TimeSpan within)
    {
        var end = DateTime.UtcNow + within;
        while (true)
        {
            var mine = await GetAsync(api, "/api/v1/education/courses/mine?pageSize=200");
            var row = mine.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == courseId);
            var study = new Study(row.GetProperty("studiedSeconds").GetInt32(), row.GetProperty("completedAt").ValueKind != JsonValueKind.Null);
            if (until(study)) return study;
            if (DateTime.UtcNow > end) throw new ShouldAssertException($"the study of the course did not get there: {study}");
            await Task.Delay(1000);
        }
    }

    private static async Task<JsonElement> PostAsync(IAPIRequestContext api, string url, object body)
    {
        var r = await api.PostAsync(url, new() { DataObject = body });
        var text = await r.TextAsync();
        r.Ok.ShouldBeTrue($"{url}: {r.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> GetAsync(IAPIRequestContext api, string url)
    {
        var r = await api.GetAsync(url);
        var text = await r.TextAsync();
        r.Ok.ShouldBeTrue($"{url}: {r.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>
/// The app as <see cref="AppServer"/> starts it, with the study timed fast enough for a journey: a heartbeat every
/// <see cref="HeartbeatSeconds"/> seconds (1 s early still on time), and a class hour of one minute so that a half-minute
/// video shows in the archive.
/// </summary>
public sealed class EducationJourneyServer : AppServer
{
    public const int HeartbeatSeconds = 5;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Seed:DemoMembers", "300"),
        new("Rules:Education:HeartbeatSeconds", HeartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Rules:Education:HeartbeatToleranceSeconds", "1"),
        new("Rules:Education:MinutesPerClassHour", "1"),
    ];

    protected override IEnumerable<string> BrowserArgs => ["--autoplay-policy=no-user-gesture-required"];

    public async Task<Guid> RootAsync()
    {
        await using var scope = await TenantScopeAsync();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).FirstAsync();
    }

    /// <summary>A login for a demo member of a branch (role Member, scope Self, linked to the record), as an administrator makes one.</summary>
    public async Task<(string UserName, string Password)> MemberAccountAsync()
    {
        await using var scope = await TenantScopeAsync();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var member = await db.Set<Member>().Where(m => m.Category == MemberCategory.Full && m.UserId == null)
            .Join(db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Branch), m => m.OrgUnitId, u => u.Id, (m, u) => m).OrderBy(m => m.Id).FirstAsync();
        const string userName = "xuexi_dangyuan";
        const string password = "Xuexi-2026-journey";
        var user = await AdminAccount.CreateAsync(scope.ServiceProvider, member.TenantId, member.OrgUnitId, userName, member.Name, password, AppRole.Member,
            DataScope.Self);
        member.UserId = user.Id;
        await db.SaveChangesAsync();
        return (userName, password);
    }

    private async Task<AsyncServiceScope> TenantScopeAsync()
    {
        var scope = Services.CreateAsyncScope();
        var tenants = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenantId = await tenants.Tenants.IgnoreQueryFilters().Select(t => t.Id).FirstAsync();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        return scope;
    }
}

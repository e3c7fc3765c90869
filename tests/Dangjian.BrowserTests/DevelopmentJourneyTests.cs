using System.Globalization;
using Microsoft.Playwright;

namespace Dangjian.BrowserTests;

/// <summary>
/// A secretary opens a development case for an applicant of the demo, records the talk, the activist, the filing,
/// the mentors and an assessment; 确定发展对象 attempted months too early is refused with the rule and its article.
/// Screenshots "30-development-…".
/// </summary>
public sealed class DevelopmentJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Secretary_RecordsFirstSteps_CandidateTooEarlyIsRefusedWithItsArticle()
    {
        var page = await app.NewPageAsync();
        await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);

        // The demo's pipeline has cases already; find an applicant who has none yet.
        await page.GotoAsync("/development");
        (await page.Locator("[data-testid=dev-funnel]").InnerTextAsync()).ShouldContain("入党积极分子的确定和培养教育");
        await AppServer.ShotAsync(page, "30-development-pipeline");
        await page.GotoAsync("/members?category=Applicant");
        var links = await page.Locator("table tbody tr td a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        string? name = null;
        foreach (var href in links.Where(h => h.StartsWith("/members/", StringComparison.Ordinal)).Take(30))
        {
            await page.GotoAsync(href);
            if (await page.GetByRole(AriaRole.Link, new() { Name = "登记入党申请" }).CountAsync() == 0) continue;
            name = (await page.Locator("h1, .member-card h2").First.InnerTextAsync()).Trim();
            break;
        }
        name.ShouldNotBeNull("an applicant without a case");

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var applied = today.AddDays(-200);
        await page.GetByRole(AriaRole.Link, new() { Name = "登记入党申请" }).ClickAsync();
        await page.GetByLabel("收到入党申请书日期").FillAsync(Day(applied));
        await page.GetByRole(AriaRole.Button, new() { Name = "登记入党申请" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/development/cases/", StringComparison.Ordinal));
        (await page.Locator("[data-testid=dev-steps]").InnerTextAsync()).ShouldContain("递交入党申请书");

        // Step 2: the talk, ten days after the application.
        await page.GetByLabel("日期", new() { Exact = true }).FillAsync(Day(applied.AddDays(10)));
        await page.GetByLabel("谈话人").FillAsync("王书记");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记第2步「党组织派人谈话」" }).ClickAsync();
        await page.WaitForSelectorAsync("text=确定入党积极分子");

        // Step 3: the activist, by 群团推优.
        await page.GetByLabel("日期", new() { Exact = true }).FillAsync(Day(applied.AddDays(30)));
        await page.GetByLabel("产生方式").SelectOptionAsync(new SelectOptionValue { Label = "群团推优" });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记第3步「推荐和确定入党积极分子」" }).ClickAsync();
        await page.WaitForSelectorAsync("button:has-text('登记第4步')");
        var steps = await page.Locator("[data-testid=dev-steps]").InnerTextAsync();
        steps.ShouldContain("党组织派人谈话");
        steps.ShouldContain("群团推优");
        await AppServer.ShotAsync(page, "30-development-three-steps");

        // Steps 4 to 6: filed, two mentors, an assessment.
        await page.GetByLabel("日期", new() { Exact = true }).FillAsync(Day(applied.AddDays(35)));
        await page.GetByRole(AriaRole.Button, new() { Name = "登记第4步「上级党委备案」" }).ClickAsync();
        await page.WaitForSelectorAsync("button:has-text('登记第5步')");
        await page.GetByLabel("日期", new() { Exact = true }).FillAsync(Day(applied.AddDays(36)));
        await page.GetByLabel("培养联系人（1至2名正式党员）").SelectOptionAsync(new[] { new SelectOptionValue { Index = 0 }, new SelectOptionValue { Index = 1 } });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记第5步「指定培养联系人」" }).ClickAsync();
        await page.WaitForSelectorAsync("button:has-text('登记第6步')");
        await page.GetByLabel("日期", new() { Exact = true }).FillAsync(Day(today.AddDays(-5)));
        await page.GetByRole(AriaRole.Button, new() { Name = "登记第6步「培养教育考察」" }).ClickAsync();
        await page.WaitForSelectorAsync("a:has-text('第7步')");

        // Step 7 today: an activist for under a year cannot be a candidate.
        await page.GetByRole(AriaRole.Link, new() { Name = "第7步 确定发展对象" }).ClickAsync();
        await page.GetByLabel("日期", new() { Exact = true }).FillAsync(Day(today));
        await page.GetByRole(AriaRole.Button, new() { Name = "登记第7步「确定发展对象」" }).ClickAsync();
        var alert = page.Locator(".alert, [role=alert]").First;
        await alert.WaitForAsync();
        var refusal = await alert.InnerTextAsync();
        refusal.ShouldContain("一年以上");
        refusal.ShouldContain("《中国共产党发展党员工作细则》第十三条");
        await AppServer.ShotAsync(page, "30-development-refused");
        (await page.Locator("[data-testid=dev-steps] tbody tr").CountAsync()).ShouldBe(6);

        // The case verifies, and reads on a phone.
        await page.GetByRole(AriaRole.Link, new() { Name = "存证核验" }).ClickAsync();
        (await page.Locator("[data-testid=dev-proof-result]").InnerTextAsync()).ShouldContain("核验通过");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(page.Url.Replace("/proof", "", StringComparison.Ordinal));
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await AppServer.ShotAsync(page, "30-development-case-phone");
    }
}

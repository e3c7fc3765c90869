using Microsoft.Playwright;

namespace Dangjian.BrowserTests;

/// <summary>
/// On a phone: the out-of-contact members of the demo, a follow-up that reaches one of them and clears the flag, a post
/// added on the 职务 tab, and the mobile members with the overdue report first. Screenshots "20-registry-…".
/// </summary>
public sealed class RegistryJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Phone_FollowUpClearsOutOfContact_PostAdded_MobileOverdueListed()
    {
        var page = await app.NewPageAsync(390, 844);
        await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);

        // The demo has four members nobody has heard from for eight months.
        await page.GotoAsync("/members?outOfContact=true");
        var rows = page.Locator("table tbody tr");
        (await rows.CountAsync()).ShouldBe(4);
        await AppServer.ShotAsync(page, "20-registry-out-of-contact-list");
        var name = (await rows.First.Locator("a").First.InnerTextAsync()).Trim();
        await rows.First.Locator("a").First.ClickAsync();
        // The member page's own link shows that it arrived (waiting for the URL only until the navigation commits: once,
        // under load, the page's load event never reached Playwright although the page was there).
        await page.WaitForURLAsync(u => u.Contains("/members/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });

        // 失联跟进: reached on a visit.
        await page.GetByRole(AriaRole.Link, new() { Name = "失联跟进" }).ClickAsync();
        (await page.Locator("[data-testid=contact-state]").InnerTextAsync()).ShouldContain("已满 6 个月");
        await page.GetByLabel("方式").SelectOptionAsync(new SelectOptionValue { Label = "走访" });
        await page.GetByLabel("是否联系上").SelectOptionAsync(new SelectOptionValue { Label = "已联系上" });
        await page.GetByLabel("情况说明").FillAsync("在外地务工，已恢复联系并补交党费");
        await AppServer.ShotAsync(page, "20-registry-follow-up-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("tab=contact", StringComparison.Ordinal));
        (await page.Locator("[data-testid=contact-state]").InnerTextAsync()).ShouldContain("未失联");
        (await page.Locator("main table").InnerTextAsync()).ShouldContain("在外地务工，已恢复联系并补交党费");

        // 职务: a post added.
        await page.GetByRole(AriaRole.Link, new() { Name = "职务", Exact = true }).ClickAsync();
        await page.GetByLabel("职务").FillAsync("党小组长");
        await page.GetByLabel("任职单位").FillAsync("检修车间");
        await page.GetByLabel("任职日期").FillAsync("2024-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("tab=Post", StringComparison.Ordinal));
        (await page.Locator("[data-testid=record-table]").InnerTextAsync()).ShouldContain("检修车间");
        await AppServer.ShotAsync(page, "20-registry-post-tab");

        // Back on the list, the person is no longer out of contact.
        await page.GotoAsync("/members?outOfContact=true");
        (await page.Locator("table tbody tr").CountAsync()).ShouldBe(3);
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain(name);

        // 流动党员: the one late with the yearly report comes first.
        await page.GotoAsync("/members/mobile");
        var first = await page.Locator("[data-testid=mobile-list] tbody tr").First.InnerTextAsync();
        first.ShouldContain("逾期未汇报");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await AppServer.ShotAsync(page, "20-registry-mobile-list");
    }
}

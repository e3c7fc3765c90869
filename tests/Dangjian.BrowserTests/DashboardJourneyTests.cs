using Microsoft.Playwright;

namespace Dangjian.BrowserTests;

/// <summary>
/// The dashboard of the demo group at desktop and phone width, charts drawn; a red figure leads to the branches that
/// missed meetings; weak links are labelled in Chinese, assigned, and closed after a confirmation.
/// </summary>
public sealed class DashboardJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Dashboard_DesktopAndPhone_ChartsDrawn_RedLeadsToMissedMeetings()
    {
        foreach (var (width, height, name) in new[] { (1280, 860, "50-dashboard-desktop"), (390, 844, "50-dashboard-phone") })
        {
            var page = await app.NewPageAsync(width, height);
            await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);
            await page.GotoAsync("/dashboard");
            await page.Locator("[data-testid=dashboard-figures]").WaitForAsync();
            // Three charts, each drawn by ECharts onto a canvas of real size.
            await page.Locator("[data-chart-drawn=true]").Nth(2).WaitForAsync();
            var canvases = page.Locator(".echart canvas");
            (await canvases.CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
            var box = await canvases.First.BoundingBoxAsync();
            box!.Width.ShouldBeGreaterThan(200);
            box.Height.ShouldBeGreaterThan(150);
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
            await AppServer.ShotAsync(page, name);
            if (width < 400) break;

            // A unit below with a red figure: its branches ranked by missed periods.
            var red = page.Locator("[data-testid=dashboard-children] a.tag.red").First;
            await red.ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("/meetings/compliance", StringComparison.Ordinal));
            await page.Locator("[data-testid=compliance-branches]").WaitForAsync();
            (await page.Locator("[data-testid=compliance-branches] .tag.red").CountAsync()).ShouldBeGreaterThan(0);
            await AppServer.ShotAsync(page, "50-dashboard-red-branches");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task WeakLinks_LabelledInChinese_AssignedThenClosedAfterConfirming()
    {
        var page = await app.NewPageAsync(1280, 860);
        await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);
        // The dashboard builds the roll-ups and finds the weak links when none are there yet (jobs are off here).
        await page.GotoAsync("/dashboard");
        await page.Locator("[data-testid=dashboard-figures]").WaitForAsync();
        await page.GotoAsync("/dashboard/weak-links");
        var table = page.Locator("[data-testid=weak-links]");
        await table.WaitForAsync();
        (await table.Locator("tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        foreach (var label in await page.Locator("[data-testid=weak-link-rule]").AllInnerTextsAsync())
        {
            label.ShouldNotMatch("^[a-z-]+$", "a rule shows its Chinese label, not its code");
            label.ShouldMatch("\\p{IsCJKUnifiedIdeographs}");
        }

        // Assign the first item to someone, then close it with a note: the browser asks first.
        var first = table.Locator("tbody tr").First;
        await first.Locator("input[name=AssignedTo]").FillAsync("组织委员王芳");
        await first.GetByRole(AriaRole.Button, new() { Name = "指派" }).ClickAsync();
        var assigned = table.Locator("tbody tr", new() { HasText = "组织委员王芳" });
        await assigned.WaitForAsync();
        (await assigned.InnerTextAsync()).ShouldContain("跟进中");

        var asked = "";
        page.Dialog += (_, dialog) => { asked = dialog.Message; dialog.AcceptAsync(); };
        await assigned.Locator("input[name=CloseNote]").FillAsync("已督促整改，下月复查");
        await assigned.GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await table.Locator("tbody tr", new() { HasText = "组织委员王芳" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        asked.ShouldNotBeEmpty();

        await page.GetByRole(AriaRole.Link, new() { Name = "已关闭" }).ClickAsync();
        var closed = page.Locator("[data-testid=weak-links] tbody tr", new() { HasText = "已督促整改，下月复查" });
        await closed.WaitForAsync();
        (await closed.InnerTextAsync()).ShouldContain("已关闭");
        await AppServer.ShotAsync(page, "51-weak-links-closed");

        // The table reads on a phone without sideways scrolling.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/dashboard/weak-links");
        await page.Locator("[data-testid=weak-links]").WaitForAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await AppServer.ShotAsync(page, "51-weak-links-phone");
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;

namespace Dangjian.BrowserTests;

/// <summary>The dashboard of the demo group at desktop and phone width, charts drawn; a red figure leads to the branches that missed meetings.</summary>
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
}

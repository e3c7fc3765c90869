using Microsoft.Playwright;

namespace Dangjian.BrowserTests;

/// <summary>
/// Points at 390 px: the demo's 党小组长 records service points for a member of the group (the leader's own record, the
/// one member account the demo has), the administrator approves them as the branch's manager would (the recorder may not,
/// PA-8), and the member sees the line in the statement and themself in the branch's ranking. Screenshots go to
/// artifacts/screenshots/.
/// </summary>
public sealed class AssessmentPointsJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    private const string Reason = "社区志愿服务（浏览器测试）";

    [Fact]
    public async Task Journey_LeaderClaims_SecretaryApproves_MemberSeesStatementAndRanking()
    {
        var page = await app.NewPageAsync(390, 844);
        await Ui.LoginAsync(page, "zuzhang", AppServer.AdminPassword);
        await page.GotoAsync("/assessment/points/mine");
        var before = int.Parse(await page.Locator("[data-testid=my-points-score]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await page.GotoAsync("/assessment/points/claims");
        var self = page.Locator("[data-testid=claim-member] option", new() { HasTextString = "本人" });
        var memberId = await self.GetAttributeAsync("value");
        memberId.ShouldNotBeNull();
        await page.Locator("[data-testid=claim-member]").SelectOptionAsync(memberId);
        var service = await page.Locator("[data-testid=claim-rule] option", new() { HasTextString = "志愿服务" }).GetAttributeAsync("value");
        await page.Locator("[data-testid=claim-rule]").SelectOptionAsync(service!);
        await page.Locator("[data-testid=claim-reason]").FillAsync(Reason);
        await page.Locator("[data-testid=claim-submit]").ClickAsync();
        (await page.Locator("[data-testid=claims-done]").InnerTextAsync()).ShouldContain("待审核");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(391);
        await AppServer.ShotAsync(page, "points-01-leader-claim");
        await Ui.LogoutAsync(page);

        await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);
        await page.GotoAsync("/assessment/points/claims");
        var row = page.Locator("tr[data-claim]", new() { HasTextString = Reason });
        (await row.CountAsync()).ShouldBe(1);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.Locator("[data-testid=claim-approve]").ClickAsync();
        (await page.Locator("[data-testid=claims-done]").InnerTextAsync()).ShouldContain("已通过");
        (await page.Locator("tr[data-claim]", new() { HasTextString = Reason }).CountAsync()).ShouldBe(0);
        await AppServer.ShotAsync(page, "points-02-secretary-approved");
        await Ui.LogoutAsync(page);

        await Ui.LoginAsync(page, "zuzhang", AppServer.AdminPassword);
        await page.GotoAsync("/assessment/points/mine");
        var after = int.Parse(await page.Locator("[data-testid=my-points-score]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        after.ShouldBe(before + 2);
        var line = page.Locator("[data-testid=my-points] tr", new() { HasTextString = Reason });
        (await line.InnerTextAsync()).ShouldContain("已通过");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(391);
        await AppServer.ShotAsync(page, "points-03-member-statement");

        await page.GotoAsync("/assessment/points/ranking");
        (await page.Locator("[data-testid=ranking-mine]").InnerTextAsync()).ShouldContain($"{after - 60} 分");
        await AppServer.ShotAsync(page, "points-04-member-ranking");
    }
}

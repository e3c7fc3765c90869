using Microsoft.Playwright;

namespace Dangjian.BrowserTests;

/// <summary>
/// The admin creates a branch under a committee, sees its rule warning, creates a branch secretary on it; the
/// secretary logs in and sees nothing of a sibling branch. Screenshots go to artifacts/screenshots/.
/// </summary>
public sealed class SecretaryJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Journey_AdminCreatesBranchAndSecretary_SecretarySeesOnlyOwnBranch()
    {
        var page = await app.NewPageAsync();
        await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("您好");

        await page.GotoAsync("/org");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("示例集团党委");
        await AppServer.ShotAsync(page, "00-admin-org-root");

        await page.GetByRole(AriaRole.Link, new() { Name = "第一分公司党委", Exact = true }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("第一分公司党委");
        var siblingLink = page.Locator("table a").First;
        var siblingName = await siblingLink.InnerTextAsync();
        var siblingUrl = await siblingLink.GetAttributeAsync("href");
        siblingUrl.ShouldNotBeNull();

        await page.GetByRole(AriaRole.Link, new() { Name = "新建下级组织" }).ClickAsync();
        await page.GetByLabel("组织名称").FillAsync("测试新建党支部");
        await page.GetByLabel("组织类别").SelectOptionAsync("Branch");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.EndsWith("/new", StringComparison.Ordinal));
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("测试新建党支部");

        var warning = page.Locator("li[data-code=BRANCH_TOO_FEW_FULL_MEMBERS]");
        (await warning.CountAsync()).ShouldBe(1);
        (await warning.InnerTextAsync()).ShouldContain("《中国共产党支部工作条例（试行）》第四条");
        await AppServer.ShotAsync(page, "01-new-branch-warning");

        var newUnitUrl = page.Url;
        await page.GotoAsync("/org/tree");
        (await page.Locator(".tree").TextContentAsync()).ShouldNotBeNull().ShouldContain("测试新建党支部");
        await AppServer.ShotAsync(page, "01b-org-tree");
        await page.GotoAsync("/audit");
        (await page.Locator("table").InnerTextAsync()).ShouldContain("测试新建党支部");
        await AppServer.ShotAsync(page, "01c-audit-log");
        await page.GotoAsync("/ledger");
        (await page.Locator("[data-testid=ledger-result]").InnerTextAsync()).ShouldContain("链条校验通过");
        await page.GotoAsync(newUnitUrl);

        await page.Locator(".actions").GetByRole(AriaRole.Link, new() { Name = "用户管理" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建账号" }).ClickAsync();
        await page.GetByLabel("用户名").FillAsync("zhibu_sj");
        await page.GetByLabel("姓名").FillAsync("王书记");
        await page.GetByLabel("初始密码").FillAsync("Secret-2026");
        await page.GetByLabel("角色").SelectOptionAsync("BranchSecretary");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/users?", StringComparison.Ordinal));
        (await page.Locator("table").InnerTextAsync()).ShouldContain("zhibu_sj");
        await AppServer.ShotAsync(page, "02-secretary-created");

        await Ui.LogoutAsync(page);

        await Ui.LoginAsync(page, "zhibu_sj", "Secret-2026");
        await page.GotoAsync("/org");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("测试新建党支部");
        var nav = await page.Locator("nav.side").InnerTextAsync();
        nav.ShouldNotContain("审计日志");
        nav.ShouldNotContain("用户管理");
        var ownPage = await page.Locator("main").InnerTextAsync();
        ownPage.ShouldNotContain(siblingName);
        ownPage.ShouldNotContain("第一分公司党委");

        await page.GotoAsync(siblingUrl);
        var refused = await page.Locator("main").InnerTextAsync();
        refused.ShouldContain("未找到该组织");
        refused.ShouldNotContain(siblingName);
        await AppServer.ShotAsync(page, "03-secretary-sibling-refused");
    }

    [Fact]
    public async Task PhoneWidth_OrgPage_FitsWithoutSideScroll()
    {
        var page = await app.NewPageAsync(390, 844);
        await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);
        await page.GotoAsync("/org");
        await page.GetByRole(AriaRole.Link, new() { Name = "机关党总支", Exact = true }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("机关党总支");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(391);
        await AppServer.ShotAsync(page, "04-phone-org-unit");
    }

    [Fact]
    public async Task Login_SwitchToEnglish_ShowsEnglishLabels()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        (await page.Locator("button[type=submit]").InnerTextAsync()).ShouldBe("登录");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        (await page.Locator("button[type=submit]").InnerTextAsync()).ShouldBe("Sign in");
        await AppServer.ShotAsync(page, "05-login-english");
    }
}

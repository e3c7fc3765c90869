using Microsoft.Playwright;

namespace Dangjian.BrowserTests;

/// <summary>
/// The admin puts a person on a branch's roll, sees the 公民身份号码 masked and then in full, and creates the person's
/// login; the person signs in and sees their own record and that the admin looked at it. Screenshots "10-member-…".
/// </summary>
public sealed class MemberJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    // 440305 1985-06-15 031: 4×7+4×9+0+3×5+0+5×4+1×2+9×1+8×6+5×3+0+6×9+1×10+5×5+0+3×4+1×2 = 276 → 276 mod 11 = 1 → '0'.
    // (Area 440305 is not among the demo roster's, so the number is new to the demo tenant.)
    private const string IdNumber = "440305198506150310";
    private const string Masked = "4403**********0310";
    private const string PersonName = "测试党员甲";
    private const string PersonUser = "dangyuan_jia";
    private const string PersonPassword = "Dangyuan-2026";

    /// <summary>From the tree to a branch's 党员信息 page, as a person would click it.</summary>
    private static async Task OpenBranchMembersAsync(IPage page)
    {
        await page.GotoAsync("/org");
        await page.GetByRole(AriaRole.Link, new() { Name = "第一分公司党委", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "综合办公室党支部", Exact = true }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("综合办公室党支部");
        await page.Locator(".actions").GetByRole(AriaRole.Link, new() { Name = "党员信息", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/members?unit=", StringComparison.Ordinal));
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("综合办公室党支部");
    }

    [Fact]
    public async Task Journey_AdminAddsPersonAndCreatesLogin_PersonSeesOwnRecordAndWhoViewedIt()
    {
        var page = await app.NewPageAsync();
        await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);
        await OpenBranchMembersAsync(page);
        var roster = await page.Locator("table").InnerTextAsync();
        roster.ShouldContain("**********"); // the demo roster, masked
        roster.ShouldNotContain(PersonName);
        var someoneElse = await page.Locator("table a").First.GetAttributeAsync("href");
        someoneElse.ShouldNotBeNull().ShouldStartWith("/members/");
        await AppServer.ShotAsync(page, "10-member-branch-list");

        // Add the person.
        await page.GetByRole(AriaRole.Link, new() { Name = "新增人员" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/members/new", StringComparison.Ordinal));
        await page.GetByLabel("姓名").FillAsync(PersonName);
        await page.GetByLabel("公民身份号码").FillAsync(IdNumber);
        await page.GetByLabel("人员类别").SelectOptionAsync(new SelectOptionValue { Label = "正式党员" });
        await page.GetByLabel("加入党组织日期").FillAsync("2015-07-01");
        await page.GetByLabel("转为正式党员日期").FillAsync("2016-07-01");
        await page.GetByLabel("手机号码").FillAsync("13912345678");
        await AppServer.ShotAsync(page, "10-member-new-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/members/new", StringComparison.Ordinal));

        // Its page: masked, with the facts from the number.
        var personUrl = page.Url;
        (await page.Locator("h1").InnerTextAsync()).ShouldContain(PersonName);
        (await page.Locator("[data-testid=id-number]").InnerTextAsync()).Trim().ShouldBe(Masked);
        var card = await page.Locator(".card").First.InnerTextAsync();
        card.ShouldContain("1985-06-15");
        card.ShouldContain("男");             // 17th digit 1
        card.ShouldContain("139****5678");
        card.ShouldNotContain(IdNumber);
        card.ShouldNotContain("13912345678");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("暂无查阅记录");
        await AppServer.ShotAsync(page, "10-member-person-masked");

        // The full number, on purpose, and the look is logged where the person will see it.
        await page.GetByRole(AriaRole.Link, new() { Name = "查看完整信息" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("reveal=true", StringComparison.Ordinal));
        (await page.Locator("[data-testid=id-number]").InnerTextAsync()).Trim().ShouldBe(IdNumber);
        (await page.Locator(".card").First.InnerTextAsync()).ShouldContain("13912345678");
        (await page.Locator("[data-testid=access-log]").InnerTextAsync()).ShouldContain("系统管理员（admin）");
        await AppServer.ShotAsync(page, "10-member-person-revealed");

        // A login for the person: role 党员, scope 仅本人 by default.
        await page.GetByRole(AriaRole.Link, new() { Name = "为其创建登录账号" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/users/new", StringComparison.Ordinal));
        (await page.GetByLabel("角色").InputValueAsync()).ShouldBe("Member");
        (await page.GetByLabel("数据范围").InputValueAsync()).ShouldBe("Self");
        (await page.Locator("select[name='Input.Role'] option:checked").InnerTextAsync()).ShouldBe("党员");
        (await page.Locator("select[name='Input.Scope'] option:checked").InnerTextAsync()).ShouldBe("仅本人");
        await page.GetByLabel("用户名").FillAsync(PersonUser);
        await page.GetByLabel("姓名").FillAsync(PersonName);
        await page.GetByLabel("初始密码").FillAsync(PersonPassword);
        await AppServer.ShotAsync(page, "10-member-create-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/users/new", StringComparison.Ordinal));
        page.Url.ShouldStartWith(personUrl.Split('?')[0]);
        (await page.GetByRole(AriaRole.Link, new() { Name = "为其创建登录账号" }).CountAsync()).ShouldBe(0);

        await Ui.LogoutAsync(page);

        // The person signs in.
        await Ui.LoginAsync(page, PersonUser, PersonPassword);
        var nav = await page.Locator("nav.side").InnerTextAsync();
        nav.ShouldContain("我的信息");
        nav.ShouldNotContain("用户管理");
        await page.Locator("nav.side").GetByRole(AriaRole.Link, new() { Name = "我的信息" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/me", StringComparison.Ordinal));
        var main = page.Locator("main");
        (await main.Locator("h1").InnerTextAsync()).ShouldContain(PersonName);
        (await page.Locator("[data-testid=id-number]").InnerTextAsync()).Trim().ShouldBe(IdNumber);
        (await main.InnerTextAsync()).ShouldContain("谁查看了我的信息");
        var log = page.Locator("[data-testid=access-log]");
        var logText = await log.InnerTextAsync();
        logText.ShouldContain("系统管理员（admin）");
        logText.ShouldContain("查看完整个人信息");
        (await log.Locator("tbody tr").CountAsync()).ShouldBe(1); // the person's own look is not logged
        await AppServer.ShotAsync(page, "10-member-my-record");

        // Looking at their own record in full is not logged either…
        await page.GotoAsync(personUrl.Split('?')[0] + "?reveal=true");
        (await page.Locator("[data-testid=id-number]").InnerTextAsync()).Trim().ShouldBe(IdNumber);
        (await page.Locator("[data-testid=access-log] tbody tr").CountAsync()).ShouldBe(1);
        // …and nobody else's record is theirs to see.
        await page.GotoAsync(someoneElse + "?reveal=true");
        var refused = await page.Locator("main").InnerTextAsync();
        refused.ShouldContain("未找到该人员");
        (await page.Locator("[data-testid=id-number]").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task PhoneWidth_MemberList_FitsWithoutSideScroll()
    {
        var page = await app.NewPageAsync(390, 844);
        await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);
        await OpenBranchMembersAsync(page);
        (await page.Locator("table.responsive tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(391);
        (await page.Locator("table").InnerTextAsync()).ShouldContain("**********");
        await AppServer.ShotAsync(page, "10-member-phone-list");
    }
}

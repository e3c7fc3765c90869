using System.Globalization;
using Microsoft.Playwright;

namespace Dangjian.BrowserTests;

/// <summary>
/// A 支部党员大会 planned for a branch of the demo, its plan submitted and approved by the committee, and a member
/// signing in on a 390 px phone with the code shown at the meeting. Screenshots "40-meeting-…".
/// </summary>
public sealed class MeetingJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    private const string MemberUser = "dangyuan_huiyi";
    private const string MemberPassword = "Huiyi-2026-ok";

    private static string Local(DateTime chinaTime) => chinaTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Secretary_Plans_CommitteeApproves_MemberSignsInOnAPhone()
    {
        var page = await app.NewPageAsync();
        await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);

        // A member of 综合办公室党支部 gets a login.
        await page.GotoAsync("/org");
        await page.GetByRole(AriaRole.Link, new() { Name = "第一分公司党委", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "综合办公室党支部", Exact = true }).ClickAsync();
        var branchUrl = page.Url;
        var branchId = branchUrl.Split('/').Last().Split('?')[0];
        await page.GotoAsync($"/members?unit={branchId}&category=Full");
        await page.Locator("table tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/members/", StringComparison.Ordinal));
        var memberName = (await page.Locator("h1").InnerTextAsync()).Split(' ')[0].Trim();
        await page.GetByRole(AriaRole.Link, new() { Name = "为其创建登录账号" }).ClickAsync();
        await page.GetByLabel("用户名").FillAsync(MemberUser);
        await page.GetByLabel("姓名").FillAsync(memberName);
        await page.GetByLabel("初始密码").FillAsync(MemberPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/users/new", StringComparison.Ordinal));

        // The meeting, started five minutes ago (China time).
        var now = DateTime.UtcNow.AddHours(8);
        await page.GotoAsync($"/meetings?unit={branchId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "安排会议" }).ClickAsync();
        await page.Locator("select[name='Form.Type']").SelectOptionAsync(new SelectOptionValue { Label = "支部党员大会" });
        await page.GetByLabel("主题", new() { Exact = true }).FillAsync("讨论年度党建工作要点");
        await page.GetByLabel("开始时间").FillAsync(Local(now.AddMinutes(-5)));
        await page.GetByLabel("结束时间").FillAsync(Local(now.AddHours(2)));
        await page.GetByLabel("地点").FillAsync("三楼党员活动室");
        await AppServer.ShotAsync(page, "40-meeting-plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/meetings/", StringComparison.Ordinal) && !u.Contains("/new", StringComparison.Ordinal));
        var meetingUrl = page.Url;

        // 预审报备: submitted (late: less than seven days ahead) and approved by the committee.
        var approval = page.Locator("[data-testid=pre-approval]");
        (await approval.InnerTextAsync()).ShouldContain("未报送");
        await page.GetByRole(AriaRole.Button, new() { Name = "报送上级审核" }).ClickAsync();
        await approval.GetByText("待上级审核").WaitForAsync();
        (await approval.InnerTextAsync()).ShouldContain("报送晚于规定时间");
        await page.GetByRole(AriaRole.Button, new() { Name = "签署同意" }).ClickAsync();
        await approval.GetByText("上级已同意").WaitForAsync();
        var code = (await page.Locator("[data-testid=sign-in-code] .code").InnerTextAsync()).Trim();
        code.Length.ShouldBe(6);
        // Beside the code, the QR code of the page's address with it, drawn large enough to scan.
        var qr = await page.Locator("[data-testid=sign-in-qr] svg").BoundingBoxAsync();
        qr.ShouldNotBeNull();
        qr!.Width.ShouldBeGreaterThan(150);
        qr.Height.ShouldBe(qr.Width, 1);
        await AppServer.ShotAsync(page, "40-meeting-host");
        await Ui.LogoutAsync(page);

        // The member, on a phone.
        var phone = await app.NewPageAsync(390, 844);
        await Ui.LoginAsync(phone, MemberUser, MemberPassword);
        await phone.GotoAsync("/me/meetings");
        await phone.GetByRole(AriaRole.Link, new() { Name = "讨论年度党建工作要点" }).ClickAsync();
        await phone.WaitForURLAsync(u => u.Contains("/meetings/", StringComparison.Ordinal));
        (await phone.Locator("[data-testid=sign-in-code]").CountAsync()).ShouldBe(0); // members never see the code
        await phone.GetByLabel("签到码（6位数字）").FillAsync(code);
        await AppServer.ShotAsync(phone, "40-meeting-phone-sign-in");
        await phone.GetByRole(AriaRole.Button, new() { Name = "签到", Exact = true }).ClickAsync();
        await phone.Locator("[data-testid=signed-in]").WaitForAsync();
        (await phone.Locator("[data-testid=meeting-count]").InnerTextAsync()).ShouldContain("已签到 1 /");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await AppServer.ShotAsync(phone, "40-meeting-phone-signed-in");
        phone.Url.ShouldBe(meetingUrl);

        // What the member took from it (心得), kept for the record.
        await phone.GetByLabel("我的学习心得").FillAsync("深受教育，回到岗位上要把年度工作要点落到实处。");
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存心得" }).ClickAsync();
        await phone.Locator("[data-testid=reflection-form]").GetByText("已于").WaitForAsync();

        // The host writes the record, with a resolution, and locks it.
        await Ui.LogoutAsync(phone);
        await Ui.LoginAsync(page, "admin", AppServer.AdminPassword);
        await page.GotoAsync(meetingUrl + "/record");
        await page.GetByLabel("记录人").FillAsync("组织委员");
        await page.GetByLabel("会议记录正文").FillAsync("会议由支部书记主持，传达学习上级党委关于年度党建工作的部署，讨论本支部工作要点。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/record", StringComparison.Ordinal));
        await page.GetByLabel("决议事项").FillAsync("通过本支部年度党建工作要点");
        await page.GetByLabel("应到会有表决权的正式党员人数").FillAsync("40");
        await page.GetByLabel("实到人数").FillAsync("36");
        await page.GetByLabel("赞成票数").FillAsync("34");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记决议" }).ClickAsync();
        await page.Locator("[data-testid=resolutions]").GetByText("通过本支部年度党建工作要点").WaitForAsync();
        (await page.Locator("[data-testid=resolutions]").InnerTextAsync()).ShouldContain("通过");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "审定并锁定" }).ClickAsync();
        await page.GetByText("已审定锁定").WaitForAsync();
        (await page.Locator("[data-testid=reflections]").InnerTextAsync()).ShouldContain("把年度工作要点落到实处");
        (await page.Locator("[data-testid=minutes-form]").CountAsync()).ShouldBe(0);
        await AppServer.ShotAsync(page, "40-meeting-record-locked");

        // The branch's calendar: this quarter's 支部党员大会 is held.
        await page.GotoAsync($"/meetings/compliance?unit={branchId}");
        var row = page.Locator("[data-testid=compliance-calendar] tr", new() { HasText = "支部党员大会" });
        var quarter = (now.Month - 1) / 3;
        (await row.Locator("td").Nth(quarter).GetAttributeAsync("class"))!.ShouldContain("green");
        await AppServer.ShotAsync(page, "40-meeting-compliance");
    }
}

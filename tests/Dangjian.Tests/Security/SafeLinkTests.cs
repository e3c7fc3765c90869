using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Web;

namespace Dangjian.Tests.Security;

/// <summary>
/// Links a person types are taken and rendered only as absolute http(s) addresses (issue 21, item 1): a meeting's
/// online link with <c>javascript:</c> was stored and rendered as the href of 进入线上会议 for every member.
/// </summary>
public sealed class SafeLinkTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("https://meeting.tencent.com/dm/AbC123", true)]
    [InlineData("http://example.com/room?id=1&pwd=2", true)]
    [InlineData("  https://example.com/padded  ", true)]
    [InlineData("HTTPS://EXAMPLE.COM/", true)]
    [InlineData("javascript:alert(document.cookie)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("vbscript:msgbox(1)", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("ftp://example.com/x", false)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/meetings/1", false)]
    [InlineData("example.com", false)]
    [InlineData("https://", false)]
    [InlineData("https://exa mple.com/", false)]
    [InlineData("https://example.com/\u0000", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsHttpUrl_OnlyAbsoluteHttpAndHttps(string? value, bool expected)
    {
        SafeLinks.IsHttpUrl(value).ShouldBe(expected);
        SafeLinks.Href(value).ShouldBe(expected ? value!.Trim() : null);
    }

    [Theory]
    [InlineData("/meetings/0196", "/meetings/0196")]
    [InlineData("/dues?unit=1&year=2026", "/dues?unit=1&year=2026")]
    [InlineData("/", "/")]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example/x", null)]
    [InlineData("https://evil.example/", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("meetings/1", null)]
    [InlineData("/a b", null)]
    [InlineData("/a\nb", null)]
    [InlineData(null, null)]
    public void LocalHref_OnlyPathsOnThisSite(string? value, string? expected) => SafeLinks.LocalHref(value).ShouldBe(expected);

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("//evil.example/phish")]
    [InlineData("meeting.tencent.com/dm/abc")]
    public async Task CreateMeeting_LinkThatIsNotHttp_Refused400NamingOnlineLink(string link)
    {
        var (tenant, branch, secretary) = await BranchAsync();
        using (secretary)
        {
            using var response = await secretary.PostAsJsonAsync("/api/v1/meetings", Meeting(branch, link));
            var problem = (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!;
            problem["errors"]!["onlineLink"]![0]!.GetValue<string>().ShouldBe("onlineLink 须为以 http:// 或 https:// 开头的完整网址");
            (await app.InTenantAsync(tenant.TenantId, db => db.Meetings.CountAsync())).ShouldBe(0);
        }
    }

    [Fact]
    public async Task CreateMeeting_RefusedLink_MessageInEnglishWhenAskedFor()
    {
        var (_, branch, secretary) = await BranchAsync();
        using (secretary)
        {
            using var response = await secretary.PostAsJsonAsync("/api/v1/meetings?culture=en-US", Meeting(branch, "javascript:alert(1)"));
            var problem = (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!;
            problem["errors"]!["onlineLink"]![0]!.GetValue<string>().ShouldBe("onlineLink must be a full address starting with http:// or https://");
        }
    }

    [Theory]
    [InlineData("https://meeting.tencent.com/dm/AbC123")]
    [InlineData("http://192.168.1.20:8080/room/7")]
    public async Task CreateMeeting_HttpLink_Taken_AndRenderedAsTheJoinLink(string link)
    {
        var (_, branch, secretary) = await BranchAsync();
        using (secretary)
        {
            using var response = await secretary.PostAsJsonAsync("/api/v1/meetings", Meeting(branch, link));
            var created = (await response.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
            created.Str("onlineLink").ShouldBe(link);
            var page = await secretary.GetStringAsync($"/meetings/{created.Id()}");
            page.ShouldContain($"href=\"{link}\"");
            page.ShouldContain("进入线上会议");
        }
    }

    [Fact]
    public async Task OldRowWithScriptLink_PageRendersNoLink()
    {
        var (tenant, branch, secretary) = await BranchAsync();
        using (secretary)
        {
            using var response = await secretary.PostAsJsonAsync("/api/v1/meetings", Meeting(branch, "https://meeting.tencent.com/dm/old"));
            var id = (await response.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
            // As a row written before links were checked could be: straight through the context, past every use case.
            await app.InTenantAsync(tenant.TenantId, async db =>
            {
                var meeting = await db.Meetings.SingleAsync(m => m.Id == id);
                meeting.OnlineLink = "javascript:alert(document.cookie)";
                await db.SaveChangesAsync();
            });
            (await app.InTenantAsync(tenant.TenantId, db => db.Meetings.Where(m => m.Id == id).Select(m => m.OnlineLink).SingleAsync()))
                .ShouldBe("javascript:alert(document.cookie)");

            var page = await secretary.GetStringAsync($"/meetings/{id}");
            page.ShouldContain("线上会议测试");
            page.ShouldNotContain("javascript:");
            page.ShouldNotContain("进入线上会议");
        }
    }

    [Fact]
    public async Task NewMeetingPage_ScriptLink_RefusedUnderTheField_NothingSaved()
    {
        var (tenant, branch, secretary) = await BranchAsync();
        using (secretary)
        {
            var start = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(3);
            using var refused = await secretary.PostFormAsync($"/meetings/new?unit={branch.Id}", "meeting-new", new()
            {
                ["Form.Type"] = "ThemeDay", ["Form.Topic"] = "线上主题党日", ["Form.Mode"] = "Online", ["Form.OnlineLink"] = "javascript:alert(document.cookie)",
                ["Form.StartsAt"] = start.ToString("yyyy-MM-dd'T'HH:mm"), ["Form.EndsAt"] = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm"),
            });
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("onlineLink 须为以 http:// 或 https:// 开头的完整网址");
            (await app.InTenantAsync(tenant.TenantId, db => db.Meetings.CountAsync())).ShouldBe(0);

            using var taken = await secretary.PostFormAsync($"/meetings/new?unit={branch.Id}", "meeting-new", new()
            {
                ["Form.Type"] = "ThemeDay", ["Form.Topic"] = "线上主题党日", ["Form.Mode"] = "Online", ["Form.OnlineLink"] = "https://meeting.tencent.com/dm/ok",
                ["Form.StartsAt"] = start.ToString("yyyy-MM-dd'T'HH:mm"), ["Form.EndsAt"] = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm"),
            });
            taken.StatusCode.ShouldBe(HttpStatusCode.Redirect, await taken.Content.ReadAsStringAsync());
            (await app.InTenantAsync(tenant.TenantId, db => db.Meetings.Select(m => m.OnlineLink).SingleAsync())).ShouldBe("https://meeting.tencent.com/dm/ok");
        }
    }

    [Theory]
    [InlineData("/\\evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task LanguageSwitch_ReturnUrlOffSite_GoesHome(string returnUrl)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync($"/culture/en-US?returnUrl={Uri.EscapeDataString(returnUrl)}");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    private object Meeting(OrgUnit branch, string link)
    {
        var start = app.Clock.GetUtcNow().AddDays(5);
        return new { orgUnitId = branch.Id, type = "ThemeDay", topic = "线上会议测试", startsAt = start, endsAt = start.AddHours(2), mode = "Online", onlineLink = link };
    }

    private async Task<(TestTenant Tenant, OrgUnit Branch, HttpClient Secretary)> BranchAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        await tenant.AddMembersAsync(branch, 2);
        return (tenant, branch, await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary)));
    }
}

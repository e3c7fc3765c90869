using Dangjian.Web.Modules.Meetings;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>The meeting pages: planned by a secretary, the code shown to the host, a member signs in from "my meetings".</summary>
public sealed partial class MeetingPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [GeneratedRegex("<div class=\"code\">(\\d{6})</div>")]
    private static partial Regex CodeOnPage();

    [Fact]
    public async Task Plan_ShowCode_MemberSignsInWithIt()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 2))[0];
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var user = await tenant.AddMemberAccountAsync(branch, member.Id);
        using var phone = await app.ClientForAsync(user);

        var start = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        using var bad = await secretary.PostFormAsync($"/meetings/new?unit={branch.Id}", "meeting-new", new()
        {
            ["Form.Type"] = "ThemeDay", ["Form.Topic"] = "", ["Form.StartsAt"] = start.ToString("yyyy-MM-dd'T'HH:mm"), ["Form.EndsAt"] = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm"),
        });
        (await bad.Content.ReadAsStringAsync()).ShouldContain("topic 为必填项");
        using var planned = await secretary.PostFormAsync($"/meetings/new?unit={branch.Id}", "meeting-new", new()
        {
            ["Form.Type"] = "ThemeDay", ["Form.Topic"] = "十一月主题党日", ["Form.Mode"] = "Onsite", ["Form.Place"] = "三楼党员活动室",
            ["Form.StartsAt"] = start.ToString("yyyy-MM-dd'T'HH:mm"), ["Form.EndsAt"] = start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm"),
        });
        planned.StatusCode.ShouldBe(HttpStatusCode.Redirect, await planned.Content.ReadAsStringAsync());
        var url = planned.Headers.Location!.OriginalString;
        var meeting = await app.InTenantAsync(tenant.TenantId, db => db.Meetings.SingleAsync());
        meeting.StartsAt.ShouldBe(new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.FromHours(8)));

        var hostPage = await secretary.GetStringAsync(url);
        var code = CodeOnPage().Match(hostPage).Groups[1].Value;
        code.Length.ShouldBe(6);
        hostPage.ShouldContain("已签到 0 / 应到 2 人");
        // The QR code carries the page's address with the same code; scanned, the member's form comes filled in.
        var scanUrl = Dangjian.Web.Modules.Meetings.SignInQr.Url("http://localhost/", meeting.Id, code);
        scanUrl.ShouldBe($"http://localhost/meetings/{meeting.Id}?code={code}");
        hostPage.ShouldContain(Dangjian.Web.Modules.Meetings.SignInQr.Svg(scanUrl));
        hostPage.ShouldNotContain(Dangjian.Web.Modules.Meetings.SignInQr.Svg(scanUrl.Replace(code, code == "000000" ? "111111" : "000000")));
        (await phone.GetStringAsync($"{url}?code={code}")).ShouldContain($"value=\"{code}\"");

        (await phone.GetStringAsync("/me/meetings")).ShouldContain("十一月主题党日");
        var memberPage = await phone.GetStringAsync(url);
        memberPage.ShouldNotContain("<div class=\"code\">");
        using var wrong = await phone.PostFormAsync(url, "meeting-sign-in", new() { ["Form.Code"] = code == "000000" ? "111111" : "000000" });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("签到码错误或已过期");
        using var signed = await phone.PostFormAsync(url, "meeting-sign-in", new() { ["Form.Code"] = code });
        signed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signed.Content.ReadAsStringAsync());
        (await phone.GetStringAsync(url)).ShouldContain("您已于");
        (await secretary.GetStringAsync(url)).ShouldContain("已签到 1 / 应到 2 人");
    }

    [Fact]
    public async Task PreApproval_SubmittedFromTheMeetingPage_DecidedByTheCommittee()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var committee = await app.ClientForAsync(await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker));
        var start = app.Clock.GetUtcNow().AddDays(14);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "OrgLifeMeeting", topic = "年度组织生活会", startsAt = start, endsAt = start.AddHours(3),
        });
        var url = $"/meetings/{(await created.ReadJsonAsync()).Id()}";
        (await secretary.GetStringAsync(url)).ShouldContain("未报送");
        using var submitted = await secretary.PostFormAsync(url, "meeting-submit", new());
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        (await secretary.GetStringAsync(url)).ShouldNotContain("name=\"Decision.Decision\"");
        var forCommittee = await committee.GetStringAsync(url);
        forCommittee.ShouldContain("待上级审核");
        using var noReason = await committee.PostFormAsync(url, "meeting-decide", new() { ["Decision.Decision"] = "Returned" });
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("退回时须写明原因");
        using var approved = await committee.PostFormAsync(url, "meeting-decide", new() { ["Decision.Decision"] = "Approved" });
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await approved.Content.ReadAsStringAsync());
        (await secretary.GetStringAsync(url)).ShouldContain("上级已同意");
    }

    [Fact]
    public async Task Leave_AskedOnThePhone_ApprovedByTheHost()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 1))[0];
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var user = await tenant.AddMemberAccountAsync(branch, member.Id);
        using var phone = await app.ClientForAsync(user);
        var start = app.Clock.GetUtcNow().AddDays(2);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "PartyLecture", topic = "专题党课", startsAt = start, endsAt = start.AddHours(1),
        });
        var url = $"/meetings/{(await created.ReadJsonAsync()).Id()}";

        using var asked = await phone.PostFormAsync(url, "meeting-leave", new() { ["Leave.Reason"] = "赴外地参加培训" });
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await asked.Content.ReadAsStringAsync());
        (await phone.GetStringAsync(url)).ShouldContain("您已请假：赴外地参加培训");
        var leaveId = await app.InTenantAsync(tenant.TenantId, db => db.MeetingLeaves.Select(l => l.Id).SingleAsync());
        // A second request pending at the same time: one form per request on the host's page.
        var other = (await tenant.AddMembersAsync(branch, 1))[0];
        var meetingId = Guid.Parse(url.Split('/').Last());
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.MeetingLeaves.Add(new Dangjian.Web.Modules.Meetings.MeetingLeave
            {
                Id = Guid.CreateVersion7(), MeetingId = meetingId, MemberId = other.Id, MemberName = other.Name, Reason = "家中有事", RequestedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        });
        (await secretary.GetStringAsync(url)).ShouldContain("家中有事");
        using var approved = await secretary.PostFormAsync(url, $"leave-{leaveId}", new() { ["LeaveVerdict"] = "Approved" });
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await approved.Content.ReadAsStringAsync());
        (await phone.GetStringAsync(url)).ShouldContain("已准假");
        (await app.InTenantAsync(tenant.TenantId, db => db.MeetingLeaves.SingleAsync(l => l.MemberId == other.Id))).Status
            .ShouldBe(Dangjian.Web.Modules.Meetings.LeaveStatus.Pending);
    }

    [Fact]
    public async Task RecordPage_MinutesResolutionLock()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var start = app.Clock.GetUtcNow().AddHours(-1);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "CommitteeMeeting", topic = "支委会", startsAt = start, endsAt = start.AddHours(1),
        });
        var url = $"/meetings/{(await created.ReadJsonAsync()).Id()}/record";
        using var saved = await secretary.PostFormAsync(url, "record-minutes", new() { ["Minutes.Minutes"] = "研究发展党员工作", ["Minutes.Recorder"] = "组织委员" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        using var noQuorum = await secretary.PostFormAsync(url, "record-resolution", new()
        {
            ["Resolution.Title"] = "同意确定发展对象", ["Resolution.VotersEntitled"] = "5", ["Resolution.VotersPresent"] = "2", ["Resolution.VotesYes"] = "2",
        });
        (await noQuorum.Content.ReadAsStringAsync()).ShouldContain("第十二条");
        using var locked = await secretary.PostFormAsync(url, "record-lock", new());
        locked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await locked.Content.ReadAsStringAsync());
        var page = await secretary.GetStringAsync(url);
        page.ShouldContain("已审定锁定");
        page.ShouldContain("研究发展党员工作");
    }
}

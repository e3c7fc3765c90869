using Dangjian.Web.Modules.Meetings;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Dashboard;

/// <summary>A member's own page at a glance: meetings attended this year, unread notices; nothing of anyone else.</summary>
public sealed class MyGlanceTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OwnPage_ShowsMeetingsAndNotices()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var members = await tenant.AddMembersAsync(branch, 2);
        var user = await tenant.AddMemberAccountAsync(branch, members[0].Id);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var start = app.Clock.GetUtcNow().AddDays(-3);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "ThemeDay", topic = "主题党日", startsAt = start, endsAt = start.AddHours(1),
        });
        var meetingId = (await created.ReadJsonAsync()).Id();
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.MeetingSignIns.Add(new Dangjian.Web.Modules.Meetings.MeetingSignIn
            {
                Id = Guid.CreateVersion7(), MeetingId = meetingId, MemberId = members[0].Id, UserId = user.Id, SignedAt = start,
            });
            db.Notifications.Add(new Dangjian.Web.Platform.Notifications.Notification
            {
                Id = Guid.CreateVersion7(), UserId = user.Id, CreatedAt = start, Title = "通知", Body = "请参加", DedupKey = "glance-test",
            });
            await db.SaveChangesAsync();
        });
        await app.Services.GetServices<Dangjian.Web.Platform.Jobs.IJob>().Single(j => j.Name == "meeting-rolls").RunAsync(app.Services, CancellationToken.None);

        using var phone = await app.ClientForAsync(user);
        var page = await phone.GetStringAsync("/me");
        page.ShouldContain("data-testid=\"my-glance\"");
        page.ShouldContain("<div class=\"n\">1 / 1</div>");
        page.ShouldContain("请假 0 次，缺席 0 次");
        page.ShouldMatch("<div class=\"n\">1</div><div class=\"l\">未读消息</div>");
    }
}

using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>Reminders before a period closes: only for what is still to be held, within the due-soon window, once.</summary>
public sealed class ComplianceReminderTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task RunAsync() =>
        app.Services.GetServices<Dangjian.Web.Platform.Jobs.IJob>().Single(j => j.Name == "compliance-reminders").RunAsync(app.Services, CancellationToken.None);

    [Fact]
    public async Task ThemeDayStillToHold_RemindedWithinTheWindow_Once_NotWhereHeld()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var late = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var done = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        await tenant.AddMembersAsync(late, 2);
        await tenant.AddMembersAsync(done, 2);
        var lateSecretary = await tenant.AddUserAsync(late, AppRole.BranchSecretary);
        var doneSecretary = await tenant.AddUserAsync(done, AppRole.BranchSecretary);
        using var doneClient = await app.ClientForAsync(doneSecretary);
        var start = app.Clock.GetUtcNow();
        using (var held = await doneClient.PostAsJsonAsync("/api/v1/meetings", new
               {
                   orgUnitId = done.Id, type = "ThemeDay", topic = "十一月主题党日", startsAt = start, endsAt = start.AddHours(2),
               }))
        {
            await held.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        // 22 November: November closes in 8 days, outside the 7-day window.
        await RunAsync();
        (await NotesAsync(tenant, lateSecretary.Id)).ShouldBeEmpty();

        app.Clock.Advance(TimeSpan.FromDays(3)); // 25 November: 5 days left
        await RunAsync();
        await RunAsync();
        var notes = await NotesAsync(tenant, lateSecretary.Id);
        notes.Count.ShouldBe(1);
        notes[0].Title.ShouldBe($"{late.Name}：主题党日须在 2026-11-30 前召开");
        notes[0].Body.ShouldContain("2026-11 应召开主题党日 1 次，已召开 0 次");
        notes[0].Link.ShouldBe($"/meetings/compliance?unit={late.Id}");
        // The committee above hears of it too; the branch that held its theme day does not.
        (await NotesAsync(tenant, tenant.Admin.Id)).Select(n => n.Title).ShouldBe([notes[0].Title]);
        (await NotesAsync(tenant, doneSecretary.Id)).ShouldBeEmpty();
    }

    private Task<List<Dangjian.Web.Platform.Notifications.Notification>> NotesAsync(TestTenant tenant, Guid userId) =>
        app.InTenantAsync(tenant.TenantId, db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.DedupKey.StartsWith("compliance-due:")).ToListAsync());
}

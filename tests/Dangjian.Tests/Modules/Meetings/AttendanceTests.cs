using Dangjian.Web.Modules.Meetings;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>
/// The roll closes after a meeting: who came, who was late, who was excused, who was absent; then the rates of a unit
/// (by month and by branch) and of a person.
/// </summary>
public sealed class AttendanceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task CloseRollsAsync() =>
        app.Services.GetServices<Dangjian.Web.Platform.Jobs.IJob>().Single(j => j.Name == "meeting-rolls").RunAsync(app.Services, CancellationToken.None);

    [Fact]
    public async Task Roll_ClosedAfterTheMeeting_RatesPerUnitAndPerson()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var general = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.GeneralBranch);
        var branch = await tenant.AddUnitAsync(general, OrgUnitKind.Branch);
        var other = await tenant.AddUnitAsync(general, OrgUnitKind.Branch);
        var members = await tenant.AddMembersAsync(branch, 4);
        await tenant.AddMembersAsync(branch, 1, MemberCategory.Activist); // never expected
        await tenant.AddMembersAsync(other, 2);
        var secretaryUser = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        var committeeUser = await tenant.AddUserAsync(general, AppRole.PartyAffairsWorker);
        var siblingUser = await tenant.AddUserAsync(other, AppRole.BranchSecretary);
        var phoneUsers = new List<TestUser>();
        foreach (var m in members.Take(3))
        {
            var user = await tenant.AddMemberAccountAsync(branch, m.Id);
            phoneUsers.Add(user);
        }
        var secretary = await app.ClientForAsync(secretaryUser);
        var committee = await app.ClientForAsync(committeeUser);
        var phones = new List<HttpClient>();
        foreach (var user in phoneUsers) phones.Add(await app.ClientForAsync(user));

        var start = app.Clock.GetUtcNow().AddMinutes(5);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "ThemeDay", topic = "主题党日", startsAt = start, endsAt = start.AddHours(2), mode = "Mixed",
        });
        var id = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        using var leave = await phones[2].PostAsJsonAsync($"/api/v1/meetings/{id}/leaves", new { reason = "出差" });
        var leaveId = (await leave.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        var code = (await secretary.GetJsonAsync($"/api/v1/meetings/{id}"))["signInCode"]!.Str("code");
        using (var s = await phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/sign-ins", new { code, remote = true })) await s.ShouldHaveStatusAsync(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromMinutes(30)); // 25 minutes after the start: late
        code = (await secretary.GetJsonAsync($"/api/v1/meetings/{id}"))["signInCode"]!.Str("code");
        using (var s = await phones[1].PostAsJsonAsync($"/api/v1/meetings/{id}/sign-ins", new { code })) await s.ShouldHaveStatusAsync(HttpStatusCode.Created);

        // Still open (and during the grace after the end): nothing counted yet.
        app.Clock.Advance(TimeSpan.FromMinutes(100));
        await CloseRollsAsync();
        committee = await app.ClientForAsync(committeeUser);
        (await committee.GetJsonAsync($"/api/v1/org-units/{general.Id}/attendance"))["total"]!["expected"]!.GetValue<int>().ShouldBe(0);

        app.Clock.Advance(TimeSpan.FromMinutes(60));
        await CloseRollsAsync();
        // Bearer tokens last an hour: sign in afresh after the clock moved.
        secretary = await app.ClientForAsync(secretaryUser);
        committee = await app.ClientForAsync(committeeUser);
        phones = [];
        foreach (var user in phoneUsers) phones.Add(await app.ClientForAsync(user));
        using var sibling = await app.ClientForAsync(siblingUser);
        await CloseRollsAsync(); // closing twice writes nothing twice
        var lines = await app.InTenantAsync(tenant.TenantId, db => db.MeetingAttendances.Where(a => a.MeetingId == id).ToListAsync());
        lines.Count.ShouldBe(4);
        lines.Single(a => a.MemberId == members[0].Id).ShouldSatisfyAllConditions(a => a.Outcome.ShouldBe(AttendanceOutcome.Present), a => a.Remote.ShouldBeTrue());
        lines.Single(a => a.MemberId == members[1].Id).Outcome.ShouldBe(AttendanceOutcome.Late);
        lines.Single(a => a.MemberId == members[2].Id).Outcome.ShouldBe(AttendanceOutcome.Absent); // leave still pending
        lines.Single(a => a.MemberId == members[3].Id).Outcome.ShouldBe(AttendanceOutcome.Absent);

        // The host approves the leave after the roll closed: the line follows.
        using (var d = await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/leaves/{leaveId}", new { decision = "Approved" })) await d.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var report = await committee.GetJsonAsync($"/api/v1/org-units/{general.Id}/attendance");
        var total = report["total"]!;
        total["expected"]!.GetValue<int>().ShouldBe(4);
        total["signedIn"]!.GetValue<int>().ShouldBe(2);
        total["late"]!.GetValue<int>().ShouldBe(1);
        total["remote"]!.GetValue<int>().ShouldBe(1);
        total["onLeave"]!.GetValue<int>().ShouldBe(1);
        total["absent"]!.GetValue<int>().ShouldBe(1);
        total["signInRate"]!.GetValue<decimal>().ShouldBe(50.0m);
        total["attendanceRate"]!.GetValue<decimal>().ShouldBe(66.7m);
        report["meetings"]!.GetValue<int>().ShouldBe(1);
        var units = report["units"]!.AsArray();
        units.Select(u => u!.Id("orgUnitId")).ShouldBe([branch.Id, other.Id], ignoreOrder: true);
        var ofBranch = units.Single(u => u!.Id("orgUnitId") == branch.Id)!["counts"]!;
        var ofOther = units.Single(u => u!.Id("orgUnitId") == other.Id)!["counts"]!;
        ofBranch["expected"]!.GetValue<int>().ShouldBe(4);
        ofOther["expected"]!.GetValue<int>().ShouldBe(0);
        ofOther["signInRate"].ShouldBeNull();
        var month = ChinaTimeMonth(start);
        report["months"]!.AsArray().Single()!.Str("month").ShouldBe(month);

        // The person: their own rates, also on their own phone; a sibling branch sees neither.
        var mine = await phones[1].GetJsonAsync($"/api/v1/members/{members[1].Id}/attendance");
        mine["total"]!["signedIn"]!.GetValue<int>().ShouldBe(1);
        mine["meetings"]!.AsArray().Single()!.Str("outcome").ShouldBe("Late");
        mine["lastSignedIn"].ShouldNotBeNull();
        (await secretary.GetJsonAsync($"/api/v1/members/{members[2].Id}/attendance"))["meetings"]!.AsArray().Single()!.Str("outcome").ShouldBe("OnLeave");
        (await sibling.GetAsync($"/api/v1/members/{members[1].Id}/attendance")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sibling.GetAsync($"/api/v1/org-units/{branch.Id}/attendance")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await phones[0].GetAsync($"/api/v1/members/{members[1].Id}/attendance")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The pages: the unit's rates with its branches, and the member's own line on "my meetings".
        var page = await committee.GetStringAsync($"/meetings/attendance?unit={general.Id}");
        page.ShouldContain("50.0%");
        page.ShouldContain("66.7%");
        page.ShouldContain(branch.Name);
        page.ShouldContain(month);
        (await phones[1].GetStringAsync("/me/meetings")).ShouldContain("本年度应参加 1 次，已签到 1 次，请假 0 次，缺席 0 次，出勤率 100.0%");
        (await sibling.GetStringAsync($"/meetings/attendance?unit={branch.Id}")).ShouldNotContain("50.0%");

        // Outside the period, nothing; a period backwards names the field.
        var day = Dangjian.Web.Platform.Clock.ChinaTime.Date(start);
        (await committee.GetJsonAsync($"/api/v1/org-units/{general.Id}/attendance?from={day.AddDays(1):yyyy-MM-dd}&to={day.AddDays(2):yyyy-MM-dd}"))
            ["total"]!["expected"]!.GetValue<int>().ShouldBe(0);
        (await committee.GetJsonAsync($"/api/v1/org-units/{general.Id}/attendance?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}"))
            ["total"]!["expected"]!.GetValue<int>().ShouldBe(4);
        using var backwards = await committee.GetAsync($"/api/v1/org-units/{general.Id}/attendance?from={day:yyyy-MM-dd}&to={day.AddDays(-1):yyyy-MM-dd}");
        (await backwards.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["from"]);
    }

    [Fact]
    public async Task Roll_CancelledMeeting_NeverClosed()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        await tenant.AddMembersAsync(branch, 2);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var start = app.Clock.GetUtcNow();
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "PartyLecture", topic = "党课", startsAt = start, endsAt = start.AddHours(1),
        });
        var id = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        await app.InTenantAsync(tenant.TenantId, db => db.Meetings.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, Dangjian.Web.Modules.Meetings.MeetingStatus.Cancelled)));
        app.Clock.Advance(TimeSpan.FromHours(3));
        await CloseRollsAsync();
        (await app.InTenantAsync(tenant.TenantId, db => db.MeetingAttendances.CountAsync(a => a.MeetingId == id))).ShouldBe(0);
    }

    private static string ChinaTimeMonth(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
}

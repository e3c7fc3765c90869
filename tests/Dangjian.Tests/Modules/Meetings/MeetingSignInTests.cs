using Dangjian.Web.Modules.Meetings;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>Planning a meeting and signing in: the host without a code, members with it, once each, late marked.</summary>
public sealed class MeetingSignInTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record World(TestTenant Tenant, OrgUnit Branch, IReadOnlyList<Member> Members, HttpClient Secretary, HttpClient[] Phones);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var members = await tenant.AddMembersAsync(branch, 3);
        await tenant.AddMembersAsync(branch, 1, MemberCategory.Activist); // not expected at party meetings
        var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var phones = new HttpClient[2];
        for (var i = 0; i < 2; i++)
        {
            var user = await tenant.AddMemberAccountAsync(branch, members[i].Id);
            phones[i] = await app.ClientForAsync(user);
        }
        return new World(tenant, branch, members, secretary, phones);
    }

    private async Task<Guid> PlanAsync(World w, int startsInMinutes = 0, string type = "ThemeDay")
    {
        var start = app.Clock.GetUtcNow().AddMinutes(startsInMinutes).ToOffset(TimeSpan.FromHours(8)); // as a client in China sends it
        using var created = await w.Secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = w.Branch.Id, type, topic = "学习贯彻党的二十届四中全会精神", startsAt = start, endsAt = start.AddHours(2), mode = "Mixed",
        });
        return (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    [Fact]
    public async Task Create_BadInput_NamesEveryField()
    {
        var w = await WorldAsync();
        using var bad = await w.Secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = w.Branch.Id, type = "Picnic", topic = " ", startsAt = "2026-11-23T09:00:00+08:00", endsAt = "2026-11-23T08:00:00+08:00", mode = "Radio",
        });
        var errors = (await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).OrderBy(k => k);
        errors.ShouldBe(["endsAt", "mode", "topic", "type"]);
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.Meetings.CountAsync())).ShouldBe(0);
        using var phone = await w.Phones[0].PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = w.Branch.Id, type = "ThemeDay", topic = "越权", startsAt = "2026-11-23T09:00:00+08:00", endsAt = "2026-11-23T10:00:00+08:00",
        });
        ((int)phone.StatusCode).ShouldBeOneOf(403, 404);
    }

    [Fact]
    public async Task SignIn_HostWithoutCode_MembersWithIt_OnceEach_WrongOrExpiredCodeRefused()
    {
        var w = await WorldAsync();
        var id = await PlanAsync(w);
        var meeting = await w.Secretary.GetJsonAsync($"/api/v1/meetings/{id}");
        meeting["expected"]!.GetValue<int>().ShouldBe(3);
        var code = meeting["signInCode"]!.Str("code");
        (await w.Phones[0].GetJsonAsync($"/api/v1/meetings/{id}"))["signInCode"].ShouldBeNull(); // attendees never see the code

        using var wrong = await w.Phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/sign-ins", new { code = code == "000000" ? "111111" : "000000" });
        (await wrong.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["code"]);
        using var noCode = await w.Phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/sign-ins", new { });
        noCode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var first = await w.Phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/sign-ins", new { code });
        var signed = (await first.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        signed["late"]!.GetValue<bool>().ShouldBeFalse();
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        using var again = await w.Phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/sign-ins", new { code = "999999" });
        (await again.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("signedAt").ShouldBe(signed.Str("signedAt"));

        // Two windows later the code shown before has expired; a member who waited signs in late with the new one.
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        using var expired = await w.Phones[1].PostAsJsonAsync($"/api/v1/meetings/{id}/sign-ins", new { code });
        expired.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fresh = (await w.Secretary.GetJsonAsync($"/api/v1/meetings/{id}"))["signInCode"]!.Str("code");
        using var late = await w.Phones[1].PostAsJsonAsync($"/api/v1/meetings/{id}/sign-ins", new { code = fresh, remote = true });
        var lateSignIn = (await late.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        (lateSignIn["late"]!.GetValue<bool>(), lateSignIn["remote"]!.GetValue<bool>()).ShouldBe((true, true));

        var after = await w.Secretary.GetJsonAsync($"/api/v1/meetings/{id}");
        (after["signedIn"]!.GetValue<int>(), after["late"]!.GetValue<int>()).ShouldBe((2, 1));
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.MeetingSignIns.CountAsync(s => s.MeetingId == id))).ShouldBe(2);
    }

    [Fact]
    public async Task SignIn_OutsideTheWindow_OrNotExpected_Refused()
    {
        var w = await WorldAsync();
        var id = await PlanAsync(w, startsInMinutes: 60); // opens 30 minutes before
        var code = (await w.Secretary.GetJsonAsync($"/api/v1/meetings/{id}"))["signInCode"]!.Str("code");
        using var early = await w.Phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/sign-ins", new { code });
        (await early.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!.Str("detail").ShouldContain("30");

        // A member of another branch is not expected there and cannot even see the meeting.
        var other = await w.Tenant.AddUnitAsync(w.Tenant.Root, OrgUnitKind.Branch);
        var stranger = (await w.Tenant.AddMembersAsync(other, 1))[0];
        var user = await w.Tenant.AddMemberAccountAsync(other, stranger.Id);
        using var strangerPhone = await app.ClientForAsync(user);
        (await strangerPhone.PostAsJsonAsync($"/api/v1/meetings/{id}/sign-ins", new { code })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await strangerPhone.GetJsonAsync("/api/v1/meetings/mine")).AsArray().Count.ShouldBe(0);
        (await w.Phones[0].GetJsonAsync("/api/v1/meetings/mine")).AsArray().Select(m => m!.Id()).ShouldBe([id]);
    }

    [Fact]
    public async Task Attendance_CountsAsContact_ForOutOfContactDetection()
    {
        var w = await WorldAsync();
        await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, app.Clock.GetUtcNow().AddYears(-2))));
        var id = await PlanAsync(w);
        var code = (await w.Secretary.GetJsonAsync($"/api/v1/meetings/{id}"))["signInCode"]!.Str("code");
        (await w.Phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/sign-ins", new { code })).StatusCode.ShouldBe(HttpStatusCode.Created);

        await app.Services.GetServices<Dangjian.Web.Platform.Jobs.IJob>().Single(j => j.Name == "out-of-contact").RunAsync(app.Services, CancellationToken.None);
        var flags = await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.Where(m => w.Members.Select(x => x.Id).Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.OutOfContactSince));
        flags[w.Members[0].Id].ShouldBeNull();      // signed in today
        flags[w.Members[1].Id].ShouldNotBeNull();   // nothing for two years
    }

    [Fact]
    public async Task Leave_AskedWithAReason_DecidedByTheHost_OncePerPerson()
    {
        var w = await WorldAsync();
        var id = await PlanAsync(w, startsInMinutes: 120);
        using var noReason = await w.Phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/leaves", new { reason = "" });
        (await noReason.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["reason"]);
        using var asked = await w.Phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/leaves", new { reason = "出差在外地" });
        var leave = (await asked.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        (await w.Phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/leaves", new { reason = "再请一次" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await w.Phones[1].PostAsJsonAsync($"/api/v1/meetings/{id}/leaves", new { reason = "家中有事" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Members see only their own request; another member cannot decide.
        (await w.Phones[1].GetJsonAsync($"/api/v1/meetings/{id}/leaves")).AsArray().Select(l => l!.Str("reason")).ShouldBe(["家中有事"]);
        (await w.Phones[1].PostAsJsonAsync($"/api/v1/meetings/{id}/leaves/{leave.Id()}", new { decision = "Approved" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var approved = await w.Secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/leaves/{leave.Id()}", new { decision = "Approved" });
        (await approved.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Approved");
        (await w.Secretary.GetJsonAsync($"/api/v1/meetings/{id}/leaves")).AsArray().Count.ShouldBe(2);
        (await w.Secretary.GetJsonAsync($"/api/v1/meetings/{id}"))["onLeave"]!.GetValue<int>().ShouldBe(1);
    }
}

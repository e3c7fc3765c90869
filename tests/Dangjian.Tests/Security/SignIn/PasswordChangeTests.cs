using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Security.SignIn;

/// <summary>Issue 21, item 6: a person changes their password, an administrator resets one, tokens refresh; the policy holds throughout.</summary>
public sealed class PasswordChangeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next) =>
        client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = current, newPassword = next });

    private async Task<HttpStatusCode> TokenStatusAsync(string userName, string password)
    {
        using var client = app.CreateClient();
        using var r = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        return r.StatusCode;
    }

    [Fact]
    public async Task Change_EndsOtherSessions_NewPasswordWorks_OldDoesNot_Audited()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        using var phone = await app.ClientForAsync(user);
        using var laptop = await app.ClientForAsync(user);

        using var changed = await ChangeAsync(laptop, user.Password, "New-pass-2026");
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await phone.GetAsync("/api/v1/org-units/" + tenant.Root.Id)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the security stamp is renewed");
        (await TokenStatusAsync(user.UserName, user.Password)).ShouldBe(HttpStatusCode.Unauthorized);
        (await TokenStatusAsync(user.UserName, "New-pass-2026")).ShouldBe(HttpStatusCode.OK);
        (await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries
            .CountAsync(a => a.EntityType == SecurityEvents.EntityType && a.EntityId == user.UserName && a.Action == "PasswordChanged"))).ShouldBe(1);
    }

    [Theory]
    [InlineData("wrong-current", "New-pass-2026", "currentPassword")]
    [InlineData(null, "short1A", "newPassword")]
    [InlineData(null, "alllowercase1", "newPassword")]
    [InlineData(null, "", "newPassword")]
    public async Task Change_Refused_NamesTheField(string? current, string next, string field)
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        using var client = await app.ClientForAsync(user);
        using var r = await ChangeAsync(client, current ?? user.Password, next);
        var body = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!;
        body["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field);
        (await TokenStatusAsync(user.UserName, user.Password)).ShouldBe(HttpStatusCode.OK, "nothing changed");
    }

    [Fact]
    public async Task Change_ToTheSameOrARecentPassword_Refused()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        var current = user.Password;
        var client = await app.ClientForAsync(user);
        (await ChangeAsync(client, current, current)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the same password again");

        (await ChangeAsync(client, current, "Second-pass-1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        client.Dispose();
        client = app.ClientWithToken(await app.TokenAsync(user.UserName, "Second-pass-1"));
        using var back = await ChangeAsync(client, "Second-pass-1", current);
        (await back.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!["newPassword"]!.ToString().ShouldNotBeNullOrWhiteSpace();
        client.Dispose();
    }

    [Fact]
    public async Task AdministratorReset_EndsSessions_AndThePersonMustChangeItAtSignIn()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        using var session = await app.ClientForAsync(user);
        using var admin = await app.ClientForAsync(tenant.Admin);

        using var weak = await admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { newPassword = "weak" });
        (await weak.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldContain("newPassword");
        using var reset = await admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { newPassword = "Temp-pass-2026" });
        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await session.GetAsync("/api/v1/org-units/" + tenant.Root.Id)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var browser = app.CreateClient();
        using var login = await browser.PostFormAsync("/login", "login",
            new() { ["Input.UserName"] = user.UserName, ["Input.Password"] = "Temp-pass-2026" });
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(new Uri("http://localhost"), login.Headers.Location!).PathAndQuery.ShouldStartWith("/me/password?expired=true");
        (await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries
            .Where(a => a.EntityType == SecurityEvents.EntityType && a.EntityId == user.UserName && a.Action == "PasswordReset")
            .Select(a => a.UserName).SingleAsync())).ShouldBe(tenant.Admin.UserName, "the administrator who reset it");
    }

    [Fact]
    public async Task Reset_OfAnAccountOutsideTheCallersTree_NotFound()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var other = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);
        using var r = await admin.PostAsJsonAsync($"/api/v1/users/{other.Admin.Id}/password", new { newPassword = "Temp-pass-2026" });
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TokenStatusAsync(other.Admin.UserName, other.Admin.Password)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PasswordPastItsAge_SignInLeadsToTheChangePage()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        await app.InTenantAsync(tenant.TenantId, db => db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordChangedAt, app.Clock.GetUtcNow().AddDays(-90))));
        using var browser = app.CreateClient();
        using var login = await browser.PostFormAsync("/login", "login", new() { ["Input.UserName"] = user.UserName, ["Input.Password"] = user.Password });
        new Uri(new Uri("http://localhost"), login.Headers.Location!).PathAndQuery.ShouldStartWith("/me/password?expired=true");
    }

    [Fact]
    public async Task ChangePasswordPage_ChangesIt_AndKeepsThisSessionSignedIn()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        using var browser = app.CreateClient();
        using var login = await browser.PostFormAsync("/login", "login", new() { ["Input.UserName"] = user.UserName, ["Input.Password"] = user.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dangjian.auth=", StringComparison.Ordinal)).Split(';')[0];

        using var mismatch = await browser.PostFormAsync("/me/password", "change-password",
            new() { ["Input.Current"] = user.Password, ["Input.New"] = "Page-pass-2026", ["Input.Confirm"] = "Page-pass-2027" }, cookie);
        (await mismatch.Content.ReadAsStringAsync()).ShouldContain("两次输入的新密码不一致");

        using var done = await browser.PostFormAsync("/me/password", "change-password",
            new() { ["Input.Current"] = user.Password, ["Input.New"] = "Page-pass-2026", ["Input.Confirm"] = "Page-pass-2026" }, cookie);
        (await done.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"password-changed\"");
        var renewed = done.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dangjian.auth=", StringComparison.Ordinal)).Split(';')[0];
        using var next = new HttpRequestMessage(HttpMethod.Get, "/api/v1/org-units/" + tenant.Root.Id);
        next.Headers.Add("Cookie", renewed);
        using var client = app.CreateClient();
        (await client.SendAsync(next)).StatusCode.ShouldBe(HttpStatusCode.OK, "this browser was signed in again");
        (await TokenStatusAsync(user.UserName, "Page-pass-2026")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_GivesANewToken_UntilThePasswordChanges()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        using var anonymous = app.CreateClient();
        using var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = user.UserName, password = user.Password });
        var first = (await token.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        var refreshToken = first.Str("refreshToken");

        using var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
        var second = (await refreshed.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        using (var client = app.ClientWithToken(second.Str("accessToken")))
        {
            (await client.GetAsync("/api/v1/org-units/" + tenant.Root.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ChangeAsync(client, user.Password, "After-refresh-1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using var again = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.Str("refreshToken") });
        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a changed password ends refreshing");
        using var garbage = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" });
        garbage.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

using System.Net;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Platform.Auth;

/// <summary>
/// The login page's "remember me": with it, the sign-in cookie is kept on the device for Auth:RememberDays (30); without
/// it, the cookie lasts as long as the browser session. Either way it signs the user in. Signing out on every device ends
/// them all.
/// </summary>
public sealed class RememberMeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Login_RememberMe_KeepsTheCookieForThirtyDays_OtherwiseForTheSession(bool remember)
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        using var client = app.CreateClient();
        var fields = new Dictionary<string, string> { ["Input.UserName"] = user.UserName, ["Input.Password"] = user.Password };
        if (remember) fields["Input.RememberMe"] = "true";

        using var response = await client.PostFormAsync("/login", "login", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dangjian.auth=", StringComparison.Ordinal));
        var expires = cookie.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase));
        if (remember)
        {
            expires.ShouldNotBeNull();
            DateTimeOffset.Parse(expires["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBe(app.Clock.GetUtcNow().AddDays(30), TimeSpan.FromSeconds(1));
        }
        else
        {
            expires.ShouldBeNull("a session cookie");
        }

        // The cookie signs the user in.
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/org-units/" + tenant.Root.Id);
        me.Headers.Add("Cookie", cookie.Split(';')[0]);
        (await client.SendAsync(me)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LogoutEverywhere_EndsEveryTokenAndCookieOfTheAccount_OthersStaySignedIn()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        var colleague = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        using var phone = await app.ClientForAsync(user);
        using var laptop = await app.ClientForAsync(user);
        using var other = await app.ClientForAsync(colleague);
        var unit = "/api/v1/org-units/" + tenant.Root.Id;
        (await phone.GetAsync(unit)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var page = await laptop.GetAsync("/me");
        (await page.Content.ReadAsStringAsync()).ShouldContain("在所有设备上退出登录");
        using var done = await laptop.PostAsync("/logout-everywhere", null);

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.ToString().ShouldBe("/login");
        (await phone.GetAsync(unit)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await laptop.GetAsync(unit)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await other.GetAsync(unit)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var again = await app.ClientForAsync(user);
        (await again.GetAsync(unit)).StatusCode.ShouldBe(HttpStatusCode.OK, "signing in again works");
    }
}

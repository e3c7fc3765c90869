using System.Net;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Platform.Auth;

/// <summary>
/// The login page's "remember me": with it, the sign-in cookie is kept on the device for Auth:RememberDays (30); without
/// it, the cookie lasts as long as the browser session. Either way it signs the user in.
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
}

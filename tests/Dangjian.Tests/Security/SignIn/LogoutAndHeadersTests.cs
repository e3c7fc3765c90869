using System.Net;
using System.Text.RegularExpressions;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Security.SignIn;

/// <summary>
/// Issue 21, items 7 and 8, and the headers of issue 15: logout needs the page's antiforgery token; behind a TLS proxy
/// the cookie is Secure and HSTS is sent; every page carries the security headers, a CSP with no inline script, and
/// answers are not cached.
/// </summary>
public sealed partial class LogoutAndHeadersTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<HttpStatusCode> ApiStatusAsync(string cookie, Guid unitId)
    {
        using var client = app.CreateClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/org-units/" + unitId);
        get.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(get)).StatusCode;
    }

    [Theory]
    [InlineData("/logout")]
    [InlineData("/logout-everywhere")]
    public async Task Logout_WithoutTheAntiforgeryToken_Refused_SessionKept(string path)
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        var cookie = await app.SignInCookieAsync(user);

        using var client = app.CreateClient();
        using var forged = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([]) };
        forged.Headers.Add("Cookie", cookie);
        using var r = await client.SendAsync(forged);

        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiStatusAsync(cookie, tenant.Root.Id)).ShouldBe(HttpStatusCode.OK, "a page of another site cannot sign the person out");
    }

    [Fact]
    public async Task LogoutEverywhere_FromTheMePageForm_EndsTheSession()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        var cookie = await app.SignInCookieAsync(user);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        using var page = await client.GetAsync("/me");
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(AntiforgeryInLogoutEverywhere().Match(html).Groups[1].Value);
        token.ShouldNotBeEmpty();
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/logout-everywhere")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", cookie + "; " + antiforgeryCookie);
        using var r = await app.CreateClient().SendAsync(post);

        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ApiStatusAsync(cookie, tenant.Root.Id)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [GeneratedRegex("action=\"/logout-everywhere\"[^>]*>\\s*<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInLogoutEverywhere();

    [Fact]
    public async Task BehindATlsProxy_CookieIsSecure_AndHstsIsSent()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        using var browser = app.CreateClient();
        // The proxy on this machine (loopback, trusted by default) terminated TLS for a client at 203.0.113.9.
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        browser.DefaultRequestHeaders.Host = "dangjian.example.org";
        using var login = await browser.PostFormAsync("/login", "login", new() { ["Input.UserName"] = user.UserName, ["Input.Password"] = user.Password });

        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dangjian.auth=", StringComparison.Ordinal));
        cookie.ToLowerInvariant().ShouldContain("; secure");
        cookie.ToLowerInvariant().ShouldContain("; httponly");
        cookie.ToLowerInvariant().ShouldContain("samesite=lax");
        login.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnUntrustedAddress_AreIgnored()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(AppFixture.ClientAddressHeader, "198.51.100.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Host = "dangjian.example.org";
        using var page = await client.GetAsync("/login");
        page.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("a client cannot claim HTTPS by itself");
        page.Headers.GetValues("Set-Cookie").Any(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/")]
    [InlineData("/members")]
    [InlineData("/me")]
    [InlineData("/me/password")]
    [InlineData("/dashboard")]
    [InlineData("/api/v1/org-units")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders_AndIsNotCached(string path)
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", await app.SignInCookieAsync(tenant.Admin));
        using var r = await client.GetAsync(path);

        var csp = r.Headers.GetValues("Content-Security-Policy").Single();
        ScriptSources().Match(csp).Groups[1].Value.Trim().ShouldBe("'self'", "no inline or foreign script");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("object-src 'none'");
        r.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        r.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        r.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
        r.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [GeneratedRegex("script-src ([^;]+)")]
    private static partial Regex ScriptSources();

    [Fact]
    public async Task RevealedIdNumber_IsNotCached()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var member = (await tenant.AddMembersAsync(tenant.Root, 1))[0];
        using var admin = await app.ClientForAsync(tenant.Admin);
        using var r = await admin.GetAsync($"/api/v1/members/{member.Id}?reveal=true");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/members")]
    [InlineData("/me")]
    [InlineData("/dashboard")]
    [InlineData("/meetings")]
    [InlineData("/dues")]
    [InlineData("/admin/code-tables")]
    public async Task Pages_HaveNoInlineScript(string path)
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", await app.SignInCookieAsync(tenant.Admin));
        var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
        InlineScript().Matches(html).Select(m => m.Value).ShouldBeEmpty();
        EventHandlerAttribute().Matches(html).Select(m => m.Value).ShouldBeEmpty();
        html.ShouldNotContain("javascript:");
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\s on[a-z]+=\"|<[a-z]+[^>]*\\son[a-z]+=\"", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}

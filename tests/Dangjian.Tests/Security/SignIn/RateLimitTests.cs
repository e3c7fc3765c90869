using System.Net;
using System.Net.Http.Json;

namespace Dangjian.Tests.Security.SignIn;

/// <summary>The app with small sign-in and upload limits, to reach them in a test.</summary>
public sealed class SmallLimitsFixture : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("RateLimits:LoginPerAddress", "5"),
        new("RateLimits:UploadsPerUser", "3"),
    ];
}

/// <summary>Issue 15: the rate limiter in front of sign-in and uploads, per address (and per account for uploads), with 429 and Retry-After.</summary>
public sealed class RateLimitTests(SmallLimitsFixture app) : IClassFixture<SmallLimitsFixture>
{
    [Fact]
    public async Task SignIn_PastTheLimitOfAnAddress_429WithRetryAfter_OtherAddressesUnaffected()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var crowded = app.CreateClient();
        crowded.DefaultRequestHeaders.Add(AppFixture.ClientAddressHeader, "192.0.2.10");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var r = await crowded.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody-" + i, password = "Wrong-pass-1" });
            statuses.Add(r.StatusCode);
            if (r.StatusCode == HttpStatusCode.TooManyRequests)
            {
                r.Headers.RetryAfter.ShouldNotBeNull();
                (await r.ReadJsonAsync()).Str("title").ShouldNotBeNullOrWhiteSpace();
            }
        }
        statuses.Take(5).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses[5].ShouldBe(HttpStatusCode.TooManyRequests);

        using var elsewhere = app.CreateClient();
        elsewhere.DefaultRequestHeaders.Add(AppFixture.ClientAddressHeader, "192.0.2.11");
        using var ok = await elsewhere.PostAsJsonAsync("/api/v1/auth/token", new { userName = tenant.Admin.UserName, password = tenant.Admin.Password });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LoginPage_CountsAgainstTheSameLimit()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(AppFixture.ClientAddressHeader, "192.0.2.20");
        var last = HttpStatusCode.OK;
        var text = "";
        for (var i = 0; i < 6; i++)
        {
            using var r = await client.PostFormAsync("/login", "login", new() { ["Input.UserName"] = "nobody", ["Input.Password"] = "Wrong-pass-1" });
            last = r.StatusCode;
            text = await r.Content.ReadAsStringAsync();
        }
        last.ShouldBe(HttpStatusCode.TooManyRequests);
        text.ShouldBe("操作太频繁，请稍后再试", "a sentence for the person at the form, not a problem document");
    }

    [Fact]
    public async Task Uploads_PastTheLimitOfAnAccount_429()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var content = new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
            content.Headers.ContentType = new("application/json"); // the endpoint takes a file whatever the client claims
            using var r = await admin.PostAsync($"/api/v1/members/imports?orgUnitId={tenant.Root.Id}&fileName=x.xlsx", content);
            statuses.Add(r.StatusCode);
        }
        statuses.Take(3).ShouldAllBe(s => (int)s < 500 && s != HttpStatusCode.TooManyRequests);
        statuses[3].ShouldBe(HttpStatusCode.TooManyRequests);
    }
}

using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Dangjian.Tests.Security.SignIn;

/// <summary>Which requests fall under which rate limit (RateLimits.Classify).</summary>
public sealed class RateLimitClassifyTests
{
    [Theory]
    [InlineData("POST", "/login", "application/x-www-form-urlencoded", 100L, RateLimits.Kind.Login)]
    [InlineData("GET", "/login", null, null, RateLimits.Kind.None)]
    [InlineData("POST", "/api/v1/auth/token", "application/json", 40L, RateLimits.Kind.Login)]
    [InlineData("POST", "/API/V1/AUTH/TOKEN", "application/json", 40L, RateLimits.Kind.Login)]
    [InlineData("POST", "/api/v1/auth/refresh", "application/json", 40L, RateLimits.Kind.Login)]
    [InlineData("POST", "/api/v1/auth/password", "application/json", 40L, RateLimits.Kind.None)]
    [InlineData("POST", "/api/v1/imports/members", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 5000L, RateLimits.Kind.Upload)]
    [InlineData("POST", "/meetings/1/record/upload", "multipart/form-data; boundary=x", 5000L, RateLimits.Kind.Upload)]
    [InlineData("PUT", "/api/v1/x", "application/octet-stream", null, RateLimits.Kind.Upload)]
    [InlineData("POST", "/api/v1/meetings", "application/json; charset=utf-8", 300L, RateLimits.Kind.None)]
    [InlineData("POST", "/api/v1/x", "application/problem+json", 300L, RateLimits.Kind.None)]
    [InlineData("POST", "/api/v1/x", "application/octet-stream", 0L, RateLimits.Kind.None)]
    [InlineData("POST", "/public/needs", "application/x-www-form-urlencoded", 10L, RateLimits.Kind.Public)]
    [InlineData("POST", "/api/v1/public/needs", "application/json", 10L, RateLimits.Kind.Public)]
    [InlineData("GET", "/api/v1/public/notices", null, null, RateLimits.Kind.None)]
    public void Classify(string method, string path, string? contentType, long? length, RateLimits.Kind expected)
    {
        var ctx = new DefaultHttpContext();
        ctx.Request.Method = method;
        ctx.Request.Path = path;
        ctx.Request.ContentType = contentType;
        ctx.Request.ContentLength = length;
        RateLimits.Classify(ctx).ShouldBe(expected);
    }
}

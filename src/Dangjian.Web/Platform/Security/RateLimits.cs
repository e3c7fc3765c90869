using System.Net;
using System.Threading.RateLimiting;
using Dangjian.Web.Platform.Audit;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Security;

/// <summary>
/// ASP.NET Core's rate limiter in front of what a stranger or a script can hammer (settings <c>RateLimits:*</c>,
/// per minute, docs/security.md):
/// <list type="bullet">
/// <item>sign-in (the login form, the token and refresh endpoints): <c>LoginPerAddress</c> (60) per address — enough
/// for a meeting room behind one NAT, far too few to guess passwords; per name, <see cref="Auth.Login.LoginThrottle"/>;</item>
/// <item>uploads (endpoints marked <see cref="UploadEndpoint"/>, and any POST/PUT whose body is a file, a multipart form or bytes): <c>UploadsPerUser</c> (30) per
/// account, or per address when signed out;</item>
/// <item>public forms without sign-in (paths under <c>/public</c> and <c>/api/v1/public</c>): <c>PublicPerAddress</c> (20).</item>
/// </list>
/// A refused request gets 429 with Retry-After and a problem in the person's language.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration config)
    {
        int Setting(string name, int fallback) => Math.Max(1, config.GetValue($"RateLimits:{name}", fallback));
        var login = Setting("LoginPerAddress", 60);
        var uploads = Setting("UploadsPerUser", 30);
        var publicForms = Setting("PublicPerAddress", 20);

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => Classify(ctx) switch
            {
                Kind.Login => Window("login:" + ClientAddress.Of(ctx), login),
                Kind.Upload => Window("upload:" + (ctx.User.Identity?.Name ?? ClientAddress.Of(ctx)), uploads),
                Kind.Public => Window("public:" + ClientAddress.Of(ctx), publicForms),
                _ => RateLimitPartition.GetNoLimiter("-"),
            });
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                if (!http.Request.Path.StartsWithSegments("/api"))
                {
                    // A person at a form (the login page): a readable sentence, not a problem document.
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync(L["RateLimit.TooMany"], ct);
                    return;
                }
                await Results.Problem(title: L["RateLimit.TooMany"], statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        });

    public enum Kind { None, Login, Upload, Public }

    /// <summary>Which limit a request falls under; a plain function so that a test can name every case.</summary>
    public static Kind Classify(HttpContext ctx)
    {
        var request = ctx.Request;
        var path = request.Path;
        var writes = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);
        if (!writes) return Kind.None;
        if (path.Equals("/login", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/v1/auth/token", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/v1/auth/refresh", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Login;
        }
        if (path.StartsWithSegments("/public", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/v1/public", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Public;
        }
        if (ctx.GetEndpoint()?.Metadata.GetMetadata<UploadEndpoint>() is not null) return Kind.Upload;
        var type = request.ContentType ?? "";
        var isFile = request.ContentLength is > 0 or null && type.Length > 0
                     && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                     && !type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                     && !type.Contains("+json", StringComparison.OrdinalIgnoreCase);
        return isFile ? Kind.Upload : Kind.None;
    }
}

/// <summary>Marks an endpoint that takes a file (whatever content type the client claims): it counts against the upload limit.</summary>
public sealed class UploadEndpoint
{
    public static readonly UploadEndpoint Instance = new();
}

public static class UploadEndpointExtensions
{
    /// <summary>The endpoint takes a file: rate limited as an upload (RateLimits).</summary>
    public static TBuilder TakesUpload<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(UploadEndpoint.Instance);
}

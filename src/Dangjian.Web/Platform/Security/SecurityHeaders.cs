namespace Dangjian.Web.Platform.Security;

/// <summary>
/// Headers every answer carries (等保三级; docs/security.md): a Content-Security-Policy with no inline or foreign
/// script (the pages' behaviour is in wwwroot/js; ECharts is served from the app), no framing, no type sniffing, no
/// referrer beyond the origin, and no caching of anything but the static assets (answers hold personal data; a revealed
/// ID number must never sit in a cache).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext ctx)
    {
        ctx.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            var headers = response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=()";
            // Static assets set their own caching (fingerprinted, immutable); everything else is personal or changes.
            if (string.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, ctx);
        return next(ctx);
    }
}

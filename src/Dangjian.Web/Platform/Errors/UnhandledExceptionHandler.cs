using System.Globalization;
using System.Text.Encodings.Web;
using Dangjian.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Errors;

/// <summary>
/// The one place unexpected failures become ProblemDetails (API) or the friendly error page (UI). A save the database
/// refused because a concurrent request made the same change first (<see cref="DatabaseConflicts"/>) is not a fault:
/// it is answered 409 with the code <see cref="ConcurrentChangeCode"/>, and nothing of the request was kept. A database
/// server that cannot be reached (<see cref="DatabaseUnavailable"/>: restarting, stopped, refusing connections, not
/// answering in time) is not one either: 503 with <c>Retry-After</c> and the code <see cref="DatabaseUnavailableCode"/>,
/// and for a page the error page saying so, written here without touching the database (the usual error page would
/// look up the signed-in user again, and fail the same way).
/// </summary>
internal sealed class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger, IProblemDetailsService problems,
    IStringLocalizer<SharedResource> L, HtmlEncoder html) : IExceptionHandler
{
    public const string ConcurrentChangeCode = "CONCURRENT_CHANGE";
    public const string DatabaseUnavailableCode = "DATABASE_UNAVAILABLE";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
            _ when DatabaseUnavailable.Is(exception) => StatusCodes.Status503ServiceUnavailable,
            _ when DatabaseConflicts.IsConflict(exception) => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status500InternalServerError,
        };
        var unavailable = status == StatusCodes.Status503ServiceUnavailable;
        if (unavailable)
            logger.LogWarning("Database unavailable on {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, Innermost(exception).Message);
        else if (status >= 500) logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        else if (status == StatusCodes.Status409Conflict)
            logger.LogInformation(exception, "Concurrent change refused by the database on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);

        if (unavailable) httpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var api = httpContext.Request.Path.StartsWithSegments("/api");
        if (!api && !unavailable)
        {
            httpContext.Response.Redirect("/error?status=" + status);
            return true;
        }

        // The exception left the request-localisation middleware behind: speak the request's language again.
        if (httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
        if (!api)
        {
            await WriteUnavailablePageAsync(httpContext, cancellationToken);
            return true;
        }
        var title = status switch
        {
            StatusCodes.Status400BadRequest => L["Error.BadRequest"].Value,
            StatusCodes.Status409Conflict => L["Error.ConcurrentChange"].Value,
            StatusCodes.Status413PayloadTooLarge => L["Request.TooLarge"].Value,
            StatusCodes.Status503ServiceUnavailable => L["Error.DatabaseUnavailable"].Value,
            < 500 => L["Request.Failed"].Value,
            _ => L["Error.Internal"].Value,
        };
        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = status switch
                {
                    StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge => exception.Message,
                    StatusCodes.Status409Conflict or StatusCodes.Status503ServiceUnavailable => title,
                    _ => null,
                },
            },
        };
        if (status == StatusCodes.Status409Conflict) context.ProblemDetails.Extensions["code"] = ConcurrentChangeCode;
        if (unavailable) context.ProblemDetails.Extensions["code"] = DatabaseUnavailableCode;
        return await problems.TryWriteAsync(context);
    }

    /// <summary>
    /// The error page of a 503, in the layout's style, with a link to try the same address again (a GET) and home; text
    /// encoded by the app's encoder (Chinese as written, not as entities).
    /// </summary>
    private async Task WriteUnavailablePageAsync(HttpContext http, CancellationToken ct)
    {
        var request = http.Request;
        var again = HttpMethods.IsGet(request.Method) ? $"{request.PathBase}{request.Path}{request.QueryString}" : "/";
        var lang = CultureInfo.CurrentUICulture.Name == "en-US" ? "en" : "zh-CN";
        var title = html.Encode(L["Error.DatabaseUnavailableTitle"]);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{title}</title><link rel="stylesheet" href="/app.css" /></head>
            <body><main>
            <h1>{title}</h1>
            <div class="card"><p>{html.Encode(L["Error.DatabaseUnavailable"])}</p>
            <a class="btn" href="{html.Encode(again)}">{html.Encode(L["Error.TryAgain"])}</a> <a class="btn" href="/">{html.Encode(L["Nav.Home"])}</a></div>
            </main></body>
            </html>
            """, ct);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}

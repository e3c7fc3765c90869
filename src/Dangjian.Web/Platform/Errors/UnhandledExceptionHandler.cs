using Microsoft.AspNetCore.Diagnostics;

namespace Dangjian.Web.Platform.Errors;

/// <summary>The one place unexpected failures become ProblemDetails (API) or the friendly error page (UI).</summary>
internal sealed class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger, IProblemDetailsService problems,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);

        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            httpContext.Response.Redirect("/error?status=" + status);
            return true;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = status switch
                {
                    400 => L["Request.BadFormat"],
                    413 => L["Request.TooLarge"],
                    < 500 => L["Request.Failed"],
                    _ => L["Request.ServerError"],
                },
                Detail = status is 400 or 413 ? exception.Message : null,
            },
        });
    }
}

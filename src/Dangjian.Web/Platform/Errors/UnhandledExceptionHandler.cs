using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Errors;

/// <summary>The one place unexpected failures become ProblemDetails (API) or the friendly error page (UI).</summary>
internal sealed class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger, IProblemDetailsService problems,
    IStringLocalizer<SharedResource> L)
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
        // The request's language was set further in, in a flow this one does not see; the request keeps it.
        if (httpContext.Features.Get<IRequestCultureFeature>() is { } culture) CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = L[status == 400 ? "Error.BadRequest" : "Error.Internal"],
                Detail = status == 400 ? exception.Message : null,
            },
        });
    }
}

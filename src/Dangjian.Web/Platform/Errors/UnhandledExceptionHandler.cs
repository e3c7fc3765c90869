using System.Globalization;
using Dangjian.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Errors;

/// <summary>
/// The one place unexpected failures become ProblemDetails (API) or the friendly error page (UI). A save the database
/// refused because a concurrent request made the same change first (<see cref="DatabaseConflicts"/>) is not a fault:
/// it is answered 409 with the code <see cref="ConcurrentChangeCode"/>, and nothing of the request was kept.
/// </summary>
internal sealed class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger, IProblemDetailsService problems,
    IStringLocalizer<SharedResource> L) : IExceptionHandler
{
    public const string ConcurrentChangeCode = "CONCURRENT_CHANGE";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
            _ when DatabaseConflicts.IsConflict(exception) => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        else if (status == StatusCodes.Status409Conflict)
            logger.LogInformation(exception, "Concurrent change refused by the database on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);

        if (!httpContext.Request.Path.StartsWithSegments("/api"))
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
        var title = status switch
        {
            StatusCodes.Status400BadRequest => L["Error.BadRequest"].Value,
            StatusCodes.Status409Conflict => L["Error.ConcurrentChange"].Value,
            StatusCodes.Status413PayloadTooLarge => L["Request.TooLarge"].Value,
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
                    StatusCodes.Status409Conflict => title,
                    _ => null,
                },
            },
        };
        if (status == StatusCodes.Status409Conflict) context.ProblemDetails.Extensions["code"] = ConcurrentChangeCode;
        return await problems.TryWriteAsync(context);
    }
}

using System.Reflection;
using Dangjian.Web.Platform.Errors;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Dangjian.Web.Platform.Api;

/// <summary>
/// The error answer of every endpoint: an <see cref="Error"/> written as ProblemDetails (a ValidationProblem with the
/// fields when it has them, with <c>code</c> and <c>article</c>). Declares the ProblemDetails answers in the OpenAPI
/// document, so that a typed <c>Results&lt;Ok&lt;T&gt;, ApiProblem&gt;</c> documents both the value and the errors.
/// </summary>
public sealed class ApiProblem(Error error) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public Error Error { get; } = error;

    public int? StatusCode => Error.Status;

    public Task ExecuteAsync(HttpContext httpContext) => Error.ToProblem().ExecuteAsync(httpContext);

    public static implicit operator ApiProblem(Error error) => new(error);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        foreach (var status in (int[])[StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity])
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }
}

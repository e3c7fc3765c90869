using Dangjian.Web.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Platform.Api;

/// <summary>
/// <see cref="Result{T}"/> → HTTP, the one way an endpoint answers: the value (200, 201 or 204) or the error as
/// <see cref="ApiProblem"/>. Named handlers return these typed unions so the OpenAPI document knows every answer.
/// </summary>
public static class ApiReply
{
    public static Results<Ok<T>, ApiProblem> Ok<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value!) : new ApiProblem(result.Error!);

    public static Results<Ok<TOut>, ApiProblem> Ok<T, TOut>(Result<T> result, Func<T, TOut> map) =>
        result.IsSuccess ? TypedResults.Ok(map(result.Value!)) : new ApiProblem(result.Error!);

    public static Results<Created<TOut>, ApiProblem> Created<T, TOut>(Result<T> result, Func<T, string> location, Func<T, TOut> map) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value!), map(result.Value!)) : new ApiProblem(result.Error!);

    public static Results<Created<T>, ApiProblem> Created<T>(Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value!), result.Value!) : new ApiProblem(result.Error!);

    public static Results<NoContent, ApiProblem> NoContent<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.NoContent() : new ApiProblem(result.Error!);

    /// <summary>A generated document (.xlsx, .pdf) or the error.</summary>
    public static Results<FileContentHttpResult, ApiProblem> File<T>(Result<T> result, Func<T, byte[]> content, string contentType, Func<T, string> fileName) =>
        result.IsSuccess
            ? TypedResults.File(content(result.Value!), contentType, fileName(result.Value!))
            : new ApiProblem(result.Error!);

    /// <summary>A stored file whose type travels with it (an uploaded attachment), or the error.</summary>
    public static Results<FileContentHttpResult, ApiProblem> File<T>(Result<T> result, Func<T, byte[]> content, Func<T, string> contentType, Func<T, string> fileName) =>
        result.IsSuccess
            ? TypedResults.File(content(result.Value!), contentType(result.Value!), fileName(result.Value!))
            : new ApiProblem(result.Error!);

    /// <summary>
    /// A value that writes its own answer (a <c>PdfFile</c> sets inline disposition and no-store), or the error;
    /// the endpoint declares the success content type with <c>.Produces</c>.
    /// </summary>
    public static Results<T, ApiProblem> Written<T>(Result<T> result) where T : IResult =>
        result.IsSuccess ? result.Value! : new ApiProblem(result.Error!);

    /// <summary>
    /// An upsert: 201 with the location when the call created the row, 200 when it changed an existing one (the same
    /// body either way), or the error.
    /// </summary>
    public static Results<Created<TOut>, Ok<TOut>, ApiProblem> CreatedOrOk<T, TOut>(Result<T> result, Func<T, bool> created, Func<T, string> location,
        Func<T, TOut> map)
    {
        if (!result.IsSuccess) return new ApiProblem(result.Error!);
        var value = result.Value!;
        return created(value) ? TypedResults.Created(location(value), map(value)) : TypedResults.Ok(map(value));
    }

    /// <summary>
    /// A stored file (an upload) in its own content type with Range requests served, so a recording plays from any
    /// point, or the error.
    /// </summary>
    public static Results<FileContentHttpResult, ApiProblem> StoredFile<T>(Result<T> result, Func<T, byte[]> content, Func<T, string> contentType,
        Func<T, string> fileName) =>
        result.IsSuccess
            ? TypedResults.File(content(result.Value!), contentType(result.Value!), fileName(result.Value!), enableRangeProcessing: true)
            : new ApiProblem(result.Error!);

    /// <summary>A change answered with the row as it now stands: the change's error, or what <paramref name="then"/> reads.</summary>
    public static async Task<Results<Ok<TOut>, ApiProblem>> OkThen<T, TOut>(Result<T> changed, Func<T, Task<TOut>> then) =>
        changed.IsSuccess ? TypedResults.Ok(await then(changed.Value!)) : new ApiProblem(changed.Error!);

    /// <summary>As <see cref="OkThen{T, TOut}"/>, when the read may itself refuse.</summary>
    public static async Task<Results<Ok<TOut>, ApiProblem>> OkThenResult<T, TOut>(Result<T> changed, Func<T, Task<Result<TOut>>> then) =>
        changed.IsSuccess ? Ok(await then(changed.Value!)) : new ApiProblem(changed.Error!);
}

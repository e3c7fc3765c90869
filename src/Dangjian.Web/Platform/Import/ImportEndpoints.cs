using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Import;

/// <summary>
/// The routes of an import, the same for every kind: <c>POST {api}</c> (the request body is the .xlsx itself, so API
/// clients need no form) creates the upload and answers its preview; <c>GET {api}/{importId}</c> the preview again;
/// <c>POST {api}/{importId}/apply?allOrNothing=</c>; <c>GET {api}/{importId}/errors</c> the error workbook. The page
/// uploads through <c>POST {page}/upload</c>, a form post with its antiforgery token.
/// </summary>
public static class ImportEndpoints
{
    public static void Map<TWorkflow, TSummary>(IEndpointRouteBuilder app, string api, string tag, string page, Func<TSummary, Guid> idOf)
        where TWorkflow : IImportWorkflow<TSummary>
    {
        var g = app.MapGroup(api).WithTags(tag).RequireAuthorization();

        g.MapPost("", async Task<IResult> (Guid? orgUnitId, string? fileName, HttpRequest request, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            var h = Workflow(request.HttpContext);
            var content = await ReadAsync(request.Body, ct);
            if (content is null) return Error.Validation("file", L["Import.TooLarge", ImportWorkflowLimits.MaxMegabytes]).ToProblem();
            var r = await h.UploadAsync(orgUnitId, fileName ?? "upload.xlsx", content, ct);
            return r.IsSuccess ? TypedResults.Created($"{api}/{idOf(r.Value!)}", r.Value) : r.Error!.ToProblem();
        }).Produces<TSummary>(StatusCodes.Status201Created)
            .WithDescription("The request body is the .xlsx file itself (any content type). Creates the upload and returns its preview; nothing is written.");

        g.MapGet("/{importId:guid}", async Task<IResult> (Guid importId, HttpContext http, CancellationToken ct) => Reply(await Workflow(http).PreviewAsync(importId, ct)))
            .Produces<TSummary>();

        g.MapPost("/{importId:guid}/apply", async Task<IResult> (Guid importId, bool? allOrNothing, HttpContext http, CancellationToken ct) =>
                Reply(await Workflow(http).ApplyAsync(importId, allOrNothing == true, ct)))
            .Produces<TSummary>()
            .WithDescription("Writes the valid rows in one transaction and reports the rest; with allOrNothing=true writes nothing (422) while any row " +
                             "is wrong. An upload is applied once (409 after).");

        g.MapGet("/{importId:guid}/errors", async Task<IResult> (Guid importId, HttpContext http, CancellationToken ct) =>
        {
            var r = await Workflow(http).ErrorWorkbookAsync(importId, ct);
            return r.IsSuccess ? TypedResults.File(r.Value.Content, XlsxWriter.ContentType, r.Value.FileName) : r.Error!.ToProblem();
        }).Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType);

        // The page's upload: a multipart form with the antiforgery token (validated because it binds a form).
        app.MapPost(page + "/upload", async Task<IResult> ([FromForm] Guid orgUnitId, IFormFile file, HttpContext http, CancellationToken ct) =>
        {
            var h = Workflow(http);
            await using var stream = file.OpenReadStream();
            var content = await ReadAsync(stream, ct);
            if (content is null) return TypedResults.LocalRedirect($"{page}?unit={orgUnitId}&error=too-large");
            var r = await h.UploadAsync(orgUnitId, file.FileName, content, ct);
            return r.IsSuccess
                ? TypedResults.LocalRedirect($"{page}/{idOf(r.Value!)}")
                : TypedResults.LocalRedirect($"{page}?unit={orgUnitId}&error={Uri.EscapeDataString(r.Error!.Message)}");
        }).RequireAuthorization().ExcludeFromDescription();

        // The workflow is resolved in the body: a handler parameter of a generic type trips the route analyzer.
        TWorkflow Workflow(HttpContext http) => http.RequestServices.GetRequiredService<TWorkflow>();
    }

    private static IResult Reply<T>(Result<T> r) => r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();

    /// <summary>Reads a body up to the size limit; null when it is larger.</summary>
    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ImportWorkflowLimits.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

/// <summary>The largest upload accepted.</summary>
public static class ImportWorkflowLimits
{
    public const int MaxBytes = 20 * 1024 * 1024;
    public const int MaxMegabytes = MaxBytes / 1024 / 1024;
}

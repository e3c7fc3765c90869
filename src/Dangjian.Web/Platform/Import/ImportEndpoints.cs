using Dangjian.Web.Platform.Security;
using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Import;

/// <summary>
/// The routes of an import, the same for every kind: <c>POST {api}</c> (the request body is the .xlsx itself, so API
/// clients need no form) creates the upload and answers its preview; <c>GET {api}/{importId}</c> the preview again;
/// <c>POST {api}/{importId}/apply?allOrNothing=</c>; <c>GET {api}/{importId}/errors</c> the error workbook. The page
/// uploads through <c>POST {page}/upload</c>, a form post with its antiforgery token. The operations are named after
/// the import (<c>Upload{name}</c>, <c>Get{name}</c>, <c>Apply{name}</c>, <c>Get{name}Errors</c>) and summarised from
/// the calling module's API resources.
/// </summary>
public static class ImportEndpoints
{
    public static void Map<TWorkflow, TSummary>(IEndpointRouteBuilder app, string api, string tag, string page, Func<TSummary, Guid> idOf,
        ResourceManager texts, string name)
        where TWorkflow : IImportWorkflow<TSummary>
    {
        var g = app.MapGroup(api).WithTags(tag).RequireAuthorization();
        g.MapPost("", Upload).TakesUpload().Describe(texts, "Upload" + name)
            .WithDescription("The request body is the .xlsx file itself (any content type). Creates the upload and returns its preview; nothing is written.");
        g.MapGet("/{importId:guid}", Preview).Describe(texts, "Get" + name);
        g.MapPost("/{importId:guid}/apply", Apply).Describe(texts, "Apply" + name)
            .WithDescription("Writes the valid rows in one transaction and reports the rest; with allOrNothing=true writes nothing (422) while any row " +
                             "is wrong. An upload is applied once (409 after).");
        g.MapDelete("/{importId:guid}", Cancel).Describe(texts, "Cancel" + name)
            .WithDescription("Deletes the upload (and, once applied, its rejected rows) at once; uploads are deleted anyway after Import:KeepMinutes.");
        g.MapGet("/{importId:guid}/errors", Errors).Describe(texts, "Get" + name + "Errors")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        // The page's upload: a multipart form with the antiforgery token (validated because it binds a form).
        app.MapPost(page + "/upload", PageUpload).TakesUpload().RequireAuthorization().ExcludeFromDescription();

        async Task<Results<Created<TSummary>, ApiProblem>> Upload(Guid? orgUnitId, string? fileName, HttpRequest request,
            IStringLocalizer<SharedResource> L, CancellationToken ct)
        {
            var content = await ReadAsync(request.Body, ct);
            if (content is null) return new ApiProblem(Error.Validation("file", L["Import.TooLarge", ImportWorkflowLimits.MaxMegabytes]));
            var uploaded = await Workflow(request.HttpContext).UploadAsync(orgUnitId, fileName ?? "upload.xlsx", content, ct);
            return ApiReply.Created(uploaded, s => $"{api}/{idOf(s)}");
        }

        static async Task<Results<Ok<TSummary>, ApiProblem>> Preview(Guid importId, HttpContext http, CancellationToken ct) =>
            ApiReply.Ok(await Workflow(http).PreviewAsync(importId, ct));

        static async Task<Results<Ok<TSummary>, ApiProblem>> Apply(Guid importId, bool? allOrNothing, HttpContext http, CancellationToken ct) =>
            ApiReply.Ok(await Workflow(http).ApplyAsync(importId, allOrNothing == true, ct));

        static async Task<Results<NoContent, ApiProblem>> Cancel(Guid importId, HttpContext http, CancellationToken ct) =>
            ApiReply.NoContent(await Workflow(http).CancelAsync(importId, ct));

        static async Task<Results<FileContentHttpResult, ApiProblem>> Errors(Guid importId, HttpContext http, CancellationToken ct) =>
            ApiReply.File(await Workflow(http).ErrorWorkbookAsync(importId, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

        async Task<RedirectHttpResult> PageUpload([FromForm] Guid orgUnitId, IFormFile file, HttpContext http, CancellationToken ct)
        {
            await using var stream = file.OpenReadStream();
            var content = await ReadAsync(stream, ct);
            if (content is null) return TypedResults.LocalRedirect($"{page}?unit={orgUnitId}&error=too-large");
            var uploaded = await Workflow(http).UploadAsync(orgUnitId, file.FileName, content, ct);
            return uploaded.IsSuccess
                ? TypedResults.LocalRedirect($"{page}/{idOf(uploaded.Value!)}")
                : TypedResults.LocalRedirect($"{page}?unit={orgUnitId}&error={Uri.EscapeDataString(uploaded.Error!.Message)}");
        }

        // The workflow is resolved in the body: a handler parameter of a generic type trips the route analyzer.
        static TWorkflow Workflow(HttpContext http) => http.RequestServices.GetRequiredService<TWorkflow>();
    }

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

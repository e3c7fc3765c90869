using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.AspNetCore.Mvc;

namespace Dangjian.Web.Modules.Members.Import;

/// <summary>
/// /api/v1/members/imports: the upload is the request body (the .xlsx itself), so API clients need no form;
/// the page uploads through <c>/members/import/upload</c>, a form post with its antiforgery token.
/// </summary>
internal static class ImportApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/members").WithTags("Members").RequireAuthorization();

        g.MapGet("/import-template", () => TypedResults.File(ImportMembers.Template(), XlsxWriter.ContentType, "党员名册导入模板.xlsx"))
            .Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType);

        g.MapPost("/imports", async Task<IResult> (Guid? orgUnitId, string? fileName, HttpRequest request, ImportMembers h, CancellationToken ct) =>
        {
            var content = await ReadAsync(request.Body, ct);
            if (content is null) return Error.Validation("file", "文件超过大小限制").ToProblem();
            var r = await h.UploadAsync(orgUnitId, fileName ?? "roster.xlsx", content, ct);
            return r.IsSuccess ? TypedResults.Created($"/api/v1/members/imports/{r.Value!.Id}", r.Value) : r.Error!.ToProblem();
        }).WithDescription("The request body is the .xlsx file itself (any content type). Creates the upload and returns its preview.");

        g.MapGet("/imports/{importId:guid}", async Task<IResult> (Guid importId, ImportMembers h, CancellationToken ct) =>
        {
            var r = await h.PreviewAsync(importId, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });

        g.MapPost("/imports/{importId:guid}/apply", async Task<IResult> (Guid importId, bool? allOrNothing, ImportMembers h, CancellationToken ct) =>
        {
            var r = await h.ApplyAsync(importId, allOrNothing == true, ct);
            return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
        });

        g.MapGet("/imports/{importId:guid}/errors", async Task<IResult> (Guid importId, ImportMembers h, CancellationToken ct) =>
        {
            var r = await h.ErrorWorkbookAsync(importId, ct);
            return r.IsSuccess ? TypedResults.File(r.Value.Content, XlsxWriter.ContentType, r.Value.FileName) : r.Error!.ToProblem();
        }).Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType);

        // The page's upload: a multipart form with the antiforgery token (validated because it binds a form).
        app.MapPost("/members/import/upload", async Task<IResult> ([FromForm] Guid orgUnitId, IFormFile file, ImportMembers h, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var content = await ReadAsync(stream, ct);
            if (content is null) return TypedResults.LocalRedirect($"/members/import?unit={orgUnitId}&error=too-large");
            var r = await h.UploadAsync(orgUnitId, file.FileName, content, ct);
            return r.IsSuccess
                ? TypedResults.LocalRedirect($"/members/import/{r.Value!.Id}")
                : TypedResults.LocalRedirect($"/members/import?unit={orgUnitId}&error={Uri.EscapeDataString(r.Error!.Message)}");
        }).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ImportMembers.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

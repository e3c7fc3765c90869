using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Dangjian.Web.Platform.Pdf;

/// <summary>Starts a document when a Chinese font is there; otherwise a clear error instead of a broken file.</summary>
public sealed class PdfDocuments(PdfFonts fonts, IStringLocalizer<SharedResource> L)
{
    public Result<PdfComposer> Begin(string title) =>
        fonts.Family is { } family
            ? new PdfComposer(family, title)
            : new Error("PDF_FONT_MISSING", L["Pdf.FontMissing"], StatusCodes.Status503ServiceUnavailable);
}

/// <summary>A finished document, sent inline so the browser shows it ready to print.</summary>
public sealed record PdfFile(byte[] Content, string FileName) : IResult
{
    public const string ContentType = "application/pdf";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = ContentType;
        response.ContentLength = Content.Length;
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(Content, httpContext.RequestAborted);
    }
}

/// <summary>Registers the PDF piece: the font setting, the font (found once) and the document factory.</summary>
public static class PdfSetup
{
    public static IServiceCollection AddPdf(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<PdfOptions>().Bind(config.GetSection(PdfOptions.Section));
        services.AddSingleton<PdfFonts>();
        services.AddScoped<PdfDocuments>();
        return services;
    }
}

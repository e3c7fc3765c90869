using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Meetings.Book;

/// <summary>三会一课记录簿: GET /api/v1/org-units/{id}/meeting-book.xlsx and .pdf. A route table of named handlers.</summary>
public static class MeetingBookApi
{
    private static readonly ResourceManager Texts = new(typeof(MeetingBookApi));

    public static IServiceCollection AddMeetingBook(this IServiceCollection services) =>
        services.AddScoped<MeetingBook>().AddScoped<MeetingBookWorkbook>().AddScoped<MeetingBookPdf>();

    public static IEndpointRouteBuilder MapMeetingBook(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/v1/org-units").WithTags("Meetings").RequireAuthorization();
        units.MapGet("/{id:guid}/meeting-book.xlsx", Workbook).Describe(Texts, "ExportMeetingBookWorkbook")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType)
            .WithDescription("The meeting book (three meetings and one lecture) of the unit for a calendar year in China time (default: this year): a summary sheet of the compliance " +
                             "calendar, one row per meeting held (not cancelled) and one per resolution with its votes. Names only, never ID " +
                             "numbers; the export is written to the access log of each person named. Needs ViewMembers on the unit or above.");
        units.MapGet("/{id:guid}/meeting-book.pdf", Print).Describe(Texts, "PrintMeetingBook")
            .Produces<byte[]>(StatusCodes.Status200OK, PdfFile.ContentType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithDescription("The same book to print on A4: a cover, the summary, then each meeting on its own page. 503 when no Chinese font " +
                             "is installed (ADR 0005).");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Workbook(Guid id, int? year, MeetingBookWorkbook h, CancellationToken ct) =>
        ApiReply.File(await h.HandleAsync(id, year, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<PdfFile, ApiProblem>> Print(Guid id, int? year, MeetingBookPdf h, CancellationToken ct) =>
        ApiReply.Written(await h.HandleAsync(id, year, ct));
}

using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Pdf;

namespace Dangjian.Web.Modules.Meetings.Book;

/// <summary>三会一课记录簿: GET /api/v1/org-units/{id}/meeting-book.xlsx and .pdf.</summary>
public static class MeetingBookEndpoints
{
    public static IServiceCollection AddMeetingBook(this IServiceCollection services) =>
        services.AddScoped<MeetingBook>().AddScoped<MeetingBookWorkbook>().AddScoped<MeetingBookPdf>();

    public static IEndpointRouteBuilder MapMeetingBook(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/v1/org-units").WithTags("Meetings").RequireAuthorization();
        units.MapGet("/{id:guid}/meeting-book.xlsx", async Task<IResult> (Guid id, int? year, MeetingBookWorkbook h, CancellationToken ct) =>
            {
                var r = await h.HandleAsync(id, year, ct);
                return r.IsSuccess ? TypedResults.File(r.Value.Content, XlsxWriter.ContentType, r.Value.FileName) : r.Error!.ToProblem();
            })
            .Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType)
            .WithDescription("三会一课记录簿 of the unit for a calendar year in China time (default: this year): a summary sheet of the compliance " +
                             "calendar, one row per meeting held (not cancelled) and one per resolution with its votes. Names only, never ID " +
                             "numbers; the export is written to the access log of each person named. Needs ViewMembers on the unit or above.");
        units.MapGet("/{id:guid}/meeting-book.pdf", async Task<IResult> (Guid id, int? year, MeetingBookPdf h, CancellationToken ct) =>
            {
                var r = await h.HandleAsync(id, year, ct);
                return r.IsSuccess ? r.Value! : r.Error!.ToProblem();
            })
            .Produces(StatusCodes.Status200OK, contentType: PdfFile.ContentType)
            .WithDescription("The same book to print on A4: a cover, the summary, then each meeting on its own page. 503 when no Chinese font " +
                             "is installed (ADR 0005).");
        return app;
    }
}

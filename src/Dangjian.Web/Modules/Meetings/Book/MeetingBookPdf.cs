using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Pdf;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Book;

/// <summary>
/// The book to print on A4 (ADR 0005): a cover with the unit and the year, the summary of the compliance calendar,
/// then each meeting on a page of its own (the first under the heading) — details, who came, minutes, resolutions, attachments, amendments.
/// </summary>
public sealed class MeetingBookPdf(MeetingBook books, PdfDocuments pdf, IStringLocalizer<MeetingsText> T)
{
    public async Task<Result<PdfFile>> HandleAsync(Guid unitId, int? year, CancellationToken ct)
    {
        var loaded = await books.HandleAsync(unitId, year, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var book = loaded.Value!;
        var started = pdf.Begin($"{book.UnitName} {T["MeetingBook.Title"]} {book.Year}");
        if (!started.IsSuccess) return started.Error!;
        using var doc = started.Value!;

        doc.Space(200).Title(T["MeetingBook.Title"], 28).Space(24)
            .Paragraph(book.UnitName, 18, PdfAlign.Center)
            .Paragraph(T["MeetingBook.YearTitle", book.Year], 16, PdfAlign.Center).Space(120)
            .Paragraph(T["MeetingBook.AsOf", ChinaTime.Format(book.AsOf), book.Meetings.Count], 12, PdfAlign.Center)
            .PageBreak();

        doc.Paragraph(T["MeetingBook.SummaryHeading"], 14, bold: true).Space(4)
            .Table([80, 60, 40, 40, 45, 50, 155],
            [
                T.SummaryHeaders(),
                .. book.Summary.Select(r => (IReadOnlyList<string>)
                [
                    T["MeetingType." + r.Type], T.Frequency(r), Count(r.Required, r.Status), Count(r.Held, r.Status), Count(r.Missed, r.Status), T.Status(r),
                    r.Article,
                ]),
            ], 9);
        doc.PageBreak().Paragraph(T["MeetingBook.MeetingsHeading"], 14, bold: true).Space(6);
        if (book.Meetings.Count == 0) doc.Paragraph(T["MeetingBook.NoMeetings"], 12);

        foreach (var m in book.Meetings)
        {
            if (m.Number > 1) doc.PageBreak();
            doc.Paragraph(T["MeetingBook.MeetingHeading", m.Number, T["MeetingType." + m.Type], ChinaTime.Written(ChinaTime.Date(m.StartsAt))], 13, bold: true)
                .Space(4)
                .Table([90, 380],
                [
                    [T["MeetingBook.Topic"], m.Topic],
                    [T["MeetingBook.Time"], MeetingBookText.Time(m)],
                    [T["MeetingBook.Mode"], T.Form(m)],
                    [T["Meeting.Host"], Or(m.HostName)],
                    [T["Record.Recorder"], Or(m.Recorder)],
                    [T["MeetingBook.Attendance"], T.Attendance(m)],
                    [T["MeetingBook.FirstTopic"], Or(m.FirstTopic)],
                    [T["MeetingBook.RecordState"], T.Record(m)],
                ], 10)
                .Space(6);
            // Lists of names and the minutes may be long: paragraphs run on over pages where a table row would not.
            doc.Paragraph($"{T["MeetingBook.Present"]}：{T.People(m.Present)}", 10)
                .Paragraph($"{T["MeetingBook.OnLeave"]}：{T.People(m.OnLeave)}", 10)
                .Paragraph($"{T["MeetingBook.Absent"]}：{T.People(m.Absent)}", 10)
                .Space(6)
                .Paragraph(T["Record.Minutes"], 11, bold: true)
                .Paragraph(Or(m.Minutes), 10, indent: m.Minutes.Length > 0);
            if (m.Resolutions.Count > 0)
            {
                doc.Space(6).Paragraph(T["Record.Resolutions"], 11, bold: true)
                    .Table([200, 210, 60],
                    [
                        [T["Record.ResolutionTitle"], T["Record.Votes"], T["Record.Result"]],
                        .. m.Resolutions.Select(r => (IReadOnlyList<string>)[r.Title, T["Record.VoteLine", r.Entitled, r.Present, r.Yes, r.No, r.Abstain], T.Outcome(r)]),
                    ], 10);
            }
            if (m.Attachments.Count > 0)
            {
                doc.Space(6).Paragraph(T["Record.Attachments"], 11, bold: true);
                foreach (var a in m.Attachments) doc.Paragraph(T.Attachment(a), 10);
            }
            if (m.Amendments.Count > 0)
            {
                doc.Space(6).Paragraph(T["Record.Amendments"], 11, bold: true);
                foreach (var a in m.Amendments) doc.Paragraph(T.Amendment(a), 10);
            }
        }

        var bytes = doc.ToBytes();
        await books.LogExportAsync(book, "PDF", ct);
        return new PdfFile(bytes, T.FileName(book, "pdf"));
    }

    private static string Or(string? text) => string.IsNullOrWhiteSpace(text) ? MeetingBookText.Nothing : text;

    /// <summary>A requirement the unit is exempt from has nothing to count.</summary>
    private static string Count(int n, string status) => status == "exempt" ? MeetingBookText.Nothing : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

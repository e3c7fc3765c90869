using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Pdf;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Book;

/// <summary>
/// The book to print on A4 (ADR 0005): a cover with the unit and the year, the summary of the compliance calendar,
/// then each meeting on a page of its own (the first under the heading) — details, who came, minutes, resolutions, attachments, amendments.
/// </summary>
public sealed class MeetingBookPdf(MeetingBook books, PdfDocuments pdf, IStringLocalizer<SharedResource> L)
{
    public async Task<Result<PdfFile>> HandleAsync(Guid unitId, int? year, CancellationToken ct)
    {
        var loaded = await books.HandleAsync(unitId, year, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var book = loaded.Value!;
        var started = pdf.Begin($"{book.UnitName} {L["MeetingBook.Title"]} {book.Year}");
        if (!started.IsSuccess) return started.Error!;
        using var doc = started.Value!;

        doc.Space(200).Title(L["MeetingBook.Title"], 28).Space(24)
            .Paragraph(book.UnitName, 18, PdfAlign.Center)
            .Paragraph(L["MeetingBook.YearTitle", book.Year], 16, PdfAlign.Center).Space(120)
            .Paragraph(L["MeetingBook.AsOf", ChinaTime.Format(book.AsOf), book.Meetings.Count], 12, PdfAlign.Center)
            .PageBreak();

        doc.Paragraph(L["MeetingBook.SummaryHeading"], 14, bold: true).Space(4)
            .Table([80, 60, 40, 40, 45, 50, 155],
            [
                L.SummaryHeaders(),
                .. book.Summary.Select(r => (IReadOnlyList<string>)
                [
                    L["MeetingType." + r.Type], L.Frequency(r), Count(r.Required, r.Status), Count(r.Held, r.Status), Count(r.Missed, r.Status), L.Status(r),
                    r.Article,
                ]),
            ], 9);
        doc.PageBreak().Paragraph(L["MeetingBook.MeetingsHeading"], 14, bold: true).Space(6);
        if (book.Meetings.Count == 0) doc.Paragraph(L["MeetingBook.NoMeetings"], 12);

        foreach (var m in book.Meetings)
        {
            if (m.Number > 1) doc.PageBreak();
            doc.Paragraph(L["MeetingBook.MeetingHeading", m.Number, L["MeetingType." + m.Type], ChinaTime.Written(ChinaTime.Date(m.StartsAt))], 13, bold: true)
                .Space(4)
                .Table([90, 380],
                [
                    [L["MeetingBook.Topic"], m.Topic],
                    [L["MeetingBook.Time"], MeetingBookText.Time(m)],
                    [L["MeetingBook.Mode"], L.Form(m)],
                    [L["Meeting.Host"], Or(m.HostName)],
                    [L["Record.Recorder"], Or(m.Recorder)],
                    [L["MeetingBook.Attendance"], L.Attendance(m)],
                    [L["MeetingBook.FirstTopic"], Or(m.FirstTopic)],
                    [L["MeetingBook.RecordState"], L.Record(m)],
                ], 10)
                .Space(6);
            // Lists of names and the minutes may be long: paragraphs run on over pages where a table row would not.
            doc.Paragraph($"{L["MeetingBook.Present"]}：{L.People(m.Present)}", 10)
                .Paragraph($"{L["MeetingBook.OnLeave"]}：{L.People(m.OnLeave)}", 10)
                .Paragraph($"{L["MeetingBook.Absent"]}：{L.People(m.Absent)}", 10)
                .Space(6)
                .Paragraph(L["Record.Minutes"], 11, bold: true)
                .Paragraph(Or(m.Minutes), 10, indent: m.Minutes.Length > 0);
            if (m.Resolutions.Count > 0)
            {
                doc.Space(6).Paragraph(L["Record.Resolutions"], 11, bold: true)
                    .Table([200, 210, 60],
                    [
                        [L["Record.ResolutionTitle"], L["Record.Votes"], L["Record.Result"]],
                        .. m.Resolutions.Select(r => (IReadOnlyList<string>)[r.Title, L["Record.VoteLine", r.Entitled, r.Present, r.Yes, r.No, r.Abstain], L.Outcome(r)]),
                    ], 10);
            }
            if (m.Attachments.Count > 0)
            {
                doc.Space(6).Paragraph(L["Record.Attachments"], 11, bold: true);
                foreach (var a in m.Attachments) doc.Paragraph(L.Attachment(a), 10);
            }
            if (m.Amendments.Count > 0)
            {
                doc.Space(6).Paragraph(L["Record.Amendments"], 11, bold: true);
                foreach (var a in m.Amendments) doc.Paragraph(L.Amendment(a), 10);
            }
        }

        var bytes = doc.ToBytes();
        await books.LogExportAsync(book, "PDF", ct);
        return new PdfFile(bytes, L.FileName(book, "pdf"));
    }

    private static string Or(string? text) => string.IsNullOrWhiteSpace(text) ? MeetingBookText.Nothing : text;

    /// <summary>A requirement the unit is exempt from has nothing to count.</summary>
    private static string Count(int n, string status) => status == "exempt" ? MeetingBookText.Nothing : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

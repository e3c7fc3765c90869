using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Book;

/// <summary>
/// The book as .xlsx: the summary of the compliance calendar (with the unit, year and date under it), one row per
/// meeting, and one row per resolution with its votes as numbers.
/// </summary>
public sealed class MeetingBookWorkbook(MeetingBook books, IStringLocalizer<SharedResource> L)
{
    public async Task<Result<(string FileName, byte[] Content)>> HandleAsync(Guid unitId, int? year, CancellationToken ct)
    {
        var loaded = await books.HandleAsync(unitId, year, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var book = loaded.Value!;

        var summary = book.Summary.Select(r => (IReadOnlyList<object?>)
        [
            L["MeetingType." + r.Type].Value, L.Frequency(r), r.Required, r.Held, r.Missed, L.Status(r), r.Article,
        ]).ToList();
        summary.Add([]);
        summary.Add([L["MeetingBook.Unit"].Value, book.UnitName]);
        summary.Add([L["MeetingBook.YearLabel"].Value, book.Year]);
        summary.Add([L["MeetingBook.AsOfLabel"].Value, ChinaTime.Format(book.AsOf)]);
        summary.Add([L["MeetingBook.Count"].Value, book.Meetings.Count]);

        var meetings = book.Meetings.Select(m => (IReadOnlyList<object?>)
        [
            m.Number, L["MeetingType." + m.Type].Value, m.Topic, ChinaTime.Format(m.StartsAt), ChinaTime.Format(m.EndsAt), L["MeetingMode." + m.Mode].Value,
            m.Place, m.HostName, m.Recorder, m.Expected, m.Present.Count, m.OnLeave.Count, m.Absent.Count, L.People(m.Present), L.People(m.OnLeave),
            L.People(m.Absent), m.FirstTopic, m.Minutes, MeetingBookText.Lines(m.Resolutions.Select(L.Resolution)),
            MeetingBookText.Lines(m.Attachments.Select(L.Attachment)), L.Record(m), MeetingBookText.Lines(m.Amendments.Select(L.Amendment)),
        ]);

        var resolutions = book.Meetings.SelectMany(m => m.Resolutions.Select(r => (IReadOnlyList<object?>)
        [
            m.Number, ChinaTime.Format(ChinaTime.Date(m.StartsAt)), L["MeetingType." + m.Type].Value, m.Topic, r.Title, r.Entitled, r.Present, r.Yes, r.No,
            r.Abstain, L.Outcome(r),
        ]));

        using var output = new MemoryStream();
        XlsxWriter.Write(output,
        [
            new XlsxSheet(L["MeetingBook.SheetSummary"], L.SummaryHeaders(), summary),
            new XlsxSheet(L["MeetingBook.SheetMeetings"],
            [
                L["MeetingBook.Number"], L["MeetingBook.Type"], L["MeetingBook.Topic"], L["Meeting.StartsAt"], L["Meeting.EndsAt"], L["MeetingBook.Mode"],
                L["Meeting.Place"], L["Meeting.Host"], L["Record.Recorder"], L["MeetingBook.Expected"], L["Dev.Field.VotersPresent"],
                L["MeetingBook.OnLeaveCount"], L["MeetingBook.AbsentCount"], L["MeetingBook.Present"], L["MeetingBook.OnLeave"], L["MeetingBook.Absent"],
                L["MeetingBook.FirstTopic"], L["Record.Minutes"], L["Record.Resolutions"], L["Record.Attachments"], L["MeetingBook.RecordState"],
                L["Record.Amendments"],
            ], meetings),
            new XlsxSheet(L["MeetingBook.SheetResolutions"],
            [
                L["MeetingBook.Number"], L["MeetingBook.Date"], L["MeetingBook.Type"], L["MeetingBook.Topic"], L["Record.ResolutionTitle"],
                L["MeetingBook.Expected"], L["Dev.Field.VotersPresent"], L["Dev.Field.VotesYes"], L["Record.No"], L["Record.Abstain"], L["Record.Result"],
            ], resolutions),
        ]);
        await books.LogExportAsync(book, "Excel", ct);
        return (L.FileName(book, "xlsx"), output.ToArray());
    }
}

using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Book;

/// <summary>
/// The book as .xlsx: the summary of the compliance calendar (with the unit, year and date under it), one row per
/// meeting, and one row per resolution with its votes as numbers.
/// </summary>
public sealed class MeetingBookWorkbook(MeetingBook books, IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T)
{
    public async Task<Result<(string FileName, byte[] Content)>> HandleAsync(Guid unitId, int? year, CancellationToken ct)
    {
        var loaded = await books.HandleAsync(unitId, year, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var book = loaded.Value!;

        var summary = book.Summary.Select(r => (IReadOnlyList<object?>)
        [
            T["MeetingType." + r.Type].Value, T.Frequency(r), r.Required, r.Held, r.Missed, T.Status(r), r.Article,
        ]).ToList();
        summary.Add([]);
        summary.Add([T["MeetingBook.Unit"].Value, book.UnitName]);
        summary.Add([T["MeetingBook.YearLabel"].Value, book.Year]);
        summary.Add([T["MeetingBook.AsOfLabel"].Value, ChinaTime.Format(book.AsOf)]);
        summary.Add([T["MeetingBook.Count"].Value, book.Meetings.Count]);

        var meetings = book.Meetings.Select(m => (IReadOnlyList<object?>)
        [
            m.Number, T["MeetingType." + m.Type].Value, m.Topic, ChinaTime.Format(m.StartsAt), ChinaTime.Format(m.EndsAt), T["MeetingMode." + m.Mode].Value,
            m.Place, m.HostName, m.Recorder, m.Expected, m.Present.Count, m.OnLeave.Count, m.Absent.Count, T.People(m.Present), T.People(m.OnLeave),
            T.People(m.Absent), m.FirstTopic, m.Minutes, MeetingBookText.Lines(m.Resolutions.Select(T.Resolution)),
            MeetingBookText.Lines(m.Attachments.Select(T.Attachment)), T.Record(m), MeetingBookText.Lines(m.Amendments.Select(T.Amendment)),
        ]);

        var resolutions = book.Meetings.SelectMany(m => m.Resolutions.Select(r => (IReadOnlyList<object?>)
        [
            m.Number, ChinaTime.Format(ChinaTime.Date(m.StartsAt)), T["MeetingType." + m.Type].Value, m.Topic, r.Title, r.Entitled, r.Present, r.Yes, r.No,
            r.Abstain, T.Outcome(r),
        ]));

        using var output = new MemoryStream();
        XlsxWriter.Write(output,
        [
            new XlsxSheet(T["MeetingBook.SheetSummary"], T.SummaryHeaders(), summary),
            new XlsxSheet(T["MeetingBook.SheetMeetings"],
            [
                T["MeetingBook.Number"], T["MeetingBook.Type"], T["MeetingBook.Topic"], T["Meeting.StartsAt"], T["Meeting.EndsAt"], T["MeetingBook.Mode"],
                T["Meeting.Place"], T["Meeting.Host"], T["Record.Recorder"], T["MeetingBook.Expected"], L["Dev.Field.VotersPresent"],
                T["MeetingBook.OnLeaveCount"], T["MeetingBook.AbsentCount"], T["MeetingBook.Present"], T["MeetingBook.OnLeave"], T["MeetingBook.Absent"],
                T["MeetingBook.FirstTopic"], T["Record.Minutes"], T["Record.Resolutions"], T["Record.Attachments"], T["MeetingBook.RecordState"],
                T["Record.Amendments"],
            ], meetings),
            new XlsxSheet(T["MeetingBook.SheetResolutions"],
            [
                T["MeetingBook.Number"], T["MeetingBook.Date"], T["MeetingBook.Type"], T["MeetingBook.Topic"], T["Record.ResolutionTitle"],
                T["MeetingBook.Expected"], L["Dev.Field.VotersPresent"], L["Dev.Field.VotesYes"], T["Record.No"], T["Record.Abstain"], T["Record.Result"],
            ], resolutions),
        ]);
        await books.LogExportAsync(book, "Excel", ct);
        return (T.FileName(book, "xlsx"), output.ToArray());
    }
}

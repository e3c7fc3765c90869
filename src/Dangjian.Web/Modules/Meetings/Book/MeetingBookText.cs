using System.Globalization;
using Dangjian.Web.Platform.Clock;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Book;

/// <summary>The wording the workbook and the PDF of the book share, so the two say the same thing.</summary>
internal static class MeetingBookText
{
    public const string Nothing = "—";

    public static string FileName(this IStringLocalizer<MeetingsText> T, MeetingBookDto book, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{book.UnitName}-{book.Year}-{T["MeetingBook.Title"]}.{extension}");

    /// <summary>Names joined the Chinese way, each marked late or online when the person signed in so.</summary>
    public static string People(this IStringLocalizer<MeetingsText> T, IEnumerable<BookPerson> people)
    {
        var names = string.Join("、", people.Select(p =>
        {
            var marks = new[] { p.Late ? T["Meeting.LateTag"].Value : null, p.Remote ? T["Meeting.Remote"].Value : null }.Where(x => x is not null).ToList();
            return marks.Count == 0 ? p.Name : $"{p.Name}（{string.Join("，", marks)}）";
        }));
        return names.Length == 0 ? Nothing : names;
    }

    public static string Time(BookMeeting m) =>
        ChinaTime.Date(m.StartsAt) == ChinaTime.Date(m.EndsAt)
            ? $"{ChinaTime.Format(m.StartsAt)}–{m.EndsAt.ToOffset(ChinaTime.Offset).ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : $"{ChinaTime.Format(m.StartsAt)}–{ChinaTime.Format(m.EndsAt)}";

    public static string Form(this IStringLocalizer<MeetingsText> T, BookMeeting m) =>
        string.IsNullOrWhiteSpace(m.Place) ? T["MeetingMode." + m.Mode] : $"{T["MeetingMode." + m.Mode]} · {m.Place}";

    public static string Attendance(this IStringLocalizer<MeetingsText> T, BookMeeting m) =>
        T["MeetingBook.AttendanceLine", m.Expected, m.Present.Count, m.Present.Count(p => p.Late), m.Present.Count(p => p.Remote), m.OnLeave.Count,
            m.Absent.Count];

    public static string Resolution(this IStringLocalizer<MeetingsText> T, BookResolution r) =>
        $"{r.Title}：{T["Record.VoteLine", r.Entitled, r.Present, r.Yes, r.No, r.Abstain]}（{Outcome(T, r)}）";

    public static string Outcome(this IStringLocalizer<MeetingsText> T, BookResolution r) => r.Passed ? T["Record.Passed"] : T["Record.Failed"];

    /// <summary>Size in KB rounded up and the start of the SHA-256, as the record page shows them.</summary>
    public static string Attachment(this IStringLocalizer<MeetingsText> T, BookAttachment a) => T["MeetingBook.AttachmentLine", a.FileName, a.Size / 1024 + 1, a.Sha256Prefix];

    public static string Amendment(this IStringLocalizer<MeetingsText> T, BookAmendment a) => T["MeetingBook.AmendmentLine", ChinaTime.Format(a.At), a.By, a.Text];

    public static string Record(this IStringLocalizer<MeetingsText> T, BookMeeting m) => m.Locked ? T["Record.Locked"] : T["MeetingBook.NotLocked"];

    public static string Lines(IEnumerable<string> lines) => string.Join("\n", lines) is { Length: > 0 } s ? s : Nothing;

    public static string Frequency(this IStringLocalizer<MeetingsText> T, BookRequirement r) => T["MeetingBook.Per" + r.Period, r.PerPeriod];

    public static string Status(this IStringLocalizer<MeetingsText> T, BookRequirement r) => r.Status switch
    {
        "green" => T["Compliance.Green"],
        "red" => T["Compliance.Red"],
        "yellow" => T["Compliance.Yellow"],
        _ => T["MeetingBook.Exempt"],
    };

    /// <summary>The header row of the summary table.</summary>
    public static IReadOnlyList<string> SummaryHeaders(this IStringLocalizer<MeetingsText> T) =>
    [
        T["MeetingBook.Type"], T["MeetingBook.Frequency"], T["MeetingBook.Required"], T["MeetingBook.Held"], T["MeetingBook.Missed"], T["MeetingBook.Status"],
        T["MeetingBook.Article"],
    ];
}

using System.Globalization;
using Dangjian.Web.Platform.Clock;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Book;

/// <summary>The wording the workbook and the PDF of the book share, so the two say the same thing.</summary>
internal static class MeetingBookText
{
    public const string Nothing = "—";

    public static string FileName(this IStringLocalizer L, MeetingBookDto book, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{book.UnitName}-{book.Year}-{L["MeetingBook.Title"]}.{extension}");

    /// <summary>Names joined the Chinese way, each marked late or online when the person signed in so.</summary>
    public static string People(this IStringLocalizer L, IEnumerable<BookPerson> people)
    {
        var names = string.Join("、", people.Select(p =>
        {
            var marks = new[] { p.Late ? L["Meeting.LateTag"].Value : null, p.Remote ? L["Meeting.Remote"].Value : null }.Where(x => x is not null).ToList();
            return marks.Count == 0 ? p.Name : $"{p.Name}（{string.Join("，", marks)}）";
        }));
        return names.Length == 0 ? Nothing : names;
    }

    public static string Time(BookMeeting m) =>
        ChinaTime.Date(m.StartsAt) == ChinaTime.Date(m.EndsAt)
            ? $"{ChinaTime.Format(m.StartsAt)}–{m.EndsAt.ToOffset(ChinaTime.Offset).ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : $"{ChinaTime.Format(m.StartsAt)}–{ChinaTime.Format(m.EndsAt)}";

    public static string Form(this IStringLocalizer L, BookMeeting m) =>
        string.IsNullOrWhiteSpace(m.Place) ? L["MeetingMode." + m.Mode] : $"{L["MeetingMode." + m.Mode]} · {m.Place}";

    public static string Attendance(this IStringLocalizer L, BookMeeting m) =>
        L["MeetingBook.AttendanceLine", m.Expected, m.Present.Count, m.Present.Count(p => p.Late), m.Present.Count(p => p.Remote), m.OnLeave.Count,
            m.Absent.Count];

    public static string Resolution(this IStringLocalizer L, BookResolution r) =>
        $"{r.Title}：{L["Record.VoteLine", r.Entitled, r.Present, r.Yes, r.No, r.Abstain]}（{Outcome(L, r)}）";

    public static string Outcome(this IStringLocalizer L, BookResolution r) => r.Passed ? L["Record.Passed"] : L["Record.Failed"];

    /// <summary>Size in KB rounded up and the start of the SHA-256, as the record page shows them.</summary>
    public static string Attachment(this IStringLocalizer L, BookAttachment a) => L["MeetingBook.AttachmentLine", a.FileName, a.Size / 1024 + 1, a.Sha256Prefix];

    public static string Amendment(this IStringLocalizer L, BookAmendment a) => L["MeetingBook.AmendmentLine", ChinaTime.Format(a.At), a.By, a.Text];

    public static string Record(this IStringLocalizer L, BookMeeting m) => m.Locked ? L["Record.Locked"] : L["MeetingBook.NotLocked"];

    public static string Lines(IEnumerable<string> lines) => string.Join("\n", lines) is { Length: > 0 } s ? s : Nothing;

    public static string Frequency(this IStringLocalizer L, BookRequirement r) => L["MeetingBook.Per" + r.Period, r.PerPeriod];

    public static string Status(this IStringLocalizer L, BookRequirement r) => r.Status switch
    {
        "green" => L["Compliance.Green"],
        "red" => L["Compliance.Red"],
        "yellow" => L["Compliance.Yellow"],
        _ => L["MeetingBook.Exempt"],
    };

    /// <summary>The header row of the summary table.</summary>
    public static IReadOnlyList<string> SummaryHeaders(this IStringLocalizer L) =>
    [
        L["MeetingBook.Type"], L["MeetingBook.Frequency"], L["MeetingBook.Required"], L["MeetingBook.Held"], L["MeetingBook.Missed"], L["MeetingBook.Status"],
        L["MeetingBook.Article"],
    ];
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Meetings.Compliance;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Book;

/// <summary>A person named in the book: their name only (never an ID number), late or remote when they signed in so.</summary>
public sealed record BookPerson(Guid MemberId, string Name, bool Late = false, bool Remote = false);

public sealed record BookResolution(string Title, int Entitled, int Present, int Yes, int No, int Abstain, bool Passed);

public sealed record BookAttachment(string FileName, long Size, string Sha256Prefix);

public sealed record BookAmendment(string Text, string By, DateTimeOffset At);

public sealed record BookMeeting(int Number, MeetingType Type, string Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt, MeetingMode Mode, string? Place,
    string HostName, string Recorder, int Expected, IReadOnlyList<BookPerson> Present, IReadOnlyList<BookPerson> OnLeave, IReadOnlyList<BookPerson> Absent,
    string? FirstTopic, string Minutes, bool Locked, IReadOnlyList<BookResolution> Resolutions, IReadOnlyList<BookAttachment> Attachments,
    IReadOnlyList<BookAmendment> Amendments);

/// <summary>One requirement of the compliance calendar over the year: required and held in total, periods missed, and the outcome.</summary>
public sealed record BookRequirement(MeetingType Type, PeriodKind Period, int PerPeriod, int Required, int Held, int Missed, string Status, string Article);

public sealed record MeetingBookDto(Guid OrgUnitId, string UnitName, int Year, DateTimeOffset AsOf, IReadOnlyList<BookRequirement> Summary,
    IReadOnlyList<BookMeeting> Meetings);

/// <summary>
/// 三会一课记录簿: the meetings a unit held in a calendar year (China time), oldest first, each with who came, who was
/// excused and who was absent, the minutes, the resolutions with their votes, the attachments and the amendments; and
/// the compliance calendar of the year summed up per requirement. Like the calendar, only meetings that have started
/// count, and cancelled ones are left out. Whoever exports it is written to the access log of each person named.
/// </summary>
public sealed class MeetingBook(AppDbContext db, OrgAccess access, UnitCompliance compliance, MemberAccess members, TimeProvider clock,
    IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T)
{
    public async Task<Result<MeetingBookDto>> HandleAsync(Guid unitId, int? year, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (year is { } y && y is < 2000 or > 2100) return Error.Validation("year", L["Dev.Plan.Year"]);
        var unit = loaded.Value!;
        var theYear = year ?? clock.Today().Year;
        var calendar = await compliance.HandleAsync(unit.Id, theYear, ct);
        if (!calendar.IsSuccess) return calendar.Error!;

        var from = new DateTimeOffset(theYear, 1, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var to = from.AddYears(1);
        var now = clock.GetUtcNow();
        var rows = await db.Meetings.AsNoTracking()
            .Where(m => m.OrgUnitId == unit.Id && m.StartsAt >= from && m.StartsAt < to && m.StartsAt <= now && m.Status != MeetingStatus.Cancelled)
            .ToListAsync(ct);
        rows = rows.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToList();
        var meetings = await MeetingsAsync(rows, ct);
        return new MeetingBookDto(unit.Id, unit.Name, theYear, now, Summary(calendar.Value!), meetings);
    }

    /// <summary>Writes the export to the access log of everyone the book names, as the roster export does; the caller's request saves.</summary>
    public async Task LogExportAsync(MeetingBookDto book, string format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(book);
        var people = book.Meetings.SelectMany(m => m.Present.Concat(m.OnLeave).Concat(m.Absent)).Select(p => p.MemberId).Distinct();
        members.Log(people, "export", T["MeetingBook.LogExport", book.UnitName, book.Year, format]);
        await db.SaveChangesAsync(ct);
    }

    private static List<BookRequirement> Summary(ComplianceDto calendar) => calendar.Requirements.Select(r =>
    {
        var missed = r.Periods.Count(p => p.Status == "red");
        var status = r.Exempt ? "exempt" : missed > 0 ? "red" : r.Periods.Any(p => p.Status == "yellow") ? "yellow" : "green";
        // An exempt period requires 0; the rule's own number still says how often (settings change the period, not the number).
        var perPeriod = r.Exempt ? ComplianceRules.Defaults.Where(d => d.Type == r.Type).Select(d => d.Required).FirstOrDefault() : r.Periods.Max(p => p.Required);
        return new BookRequirement(r.Type, r.Period, perPeriod, r.Periods.Sum(p => p.Required), r.Periods.Sum(p => p.Held), missed, status, r.Article);
    }).ToList();

    private async Task<List<BookMeeting>> MeetingsAsync(List<Meeting> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(m => m.Id).ToList();
        var signIns = (await db.MeetingSignIns.AsNoTracking().Where(s => ids.Contains(s.MeetingId))
                .Join(db.Members, s => s.MemberId, p => p.Id, (s, p) => new { s.MeetingId, s.MemberId, p.Name, s.Late, s.Remote, s.SignedAt })
                .ToListAsync(ct))
            .OrderBy(s => s.SignedAt).ToLookup(s => s.MeetingId, s => new BookPerson(s.MemberId, s.Name, s.Late, s.Remote));
        var leaves = (await db.MeetingLeaves.AsNoTracking().Where(l => ids.Contains(l.MeetingId) && l.Status == LeaveStatus.Approved)
                .Select(l => new { l.MeetingId, l.MemberId, l.MemberName }).ToListAsync(ct))
            .ToLookup(l => l.MeetingId, l => new BookPerson(l.MemberId, l.MemberName));
        var records = await db.MeetingRecords.AsNoTracking().Where(r => ids.Contains(r.MeetingId)).ToDictionaryAsync(r => r.MeetingId, ct);
        var resolutions = (await db.MeetingResolutions.AsNoTracking().Where(r => ids.Contains(r.MeetingId)).ToListAsync(ct))
            .OrderBy(r => r.CreatedAt).ToLookup(r => r.MeetingId, r => new BookResolution(r.Title, r.Entitled, r.Present, r.Yes, r.No, r.Abstain, r.Passed));
        // The files themselves stay in the database: the book lists them with their hash.
        var attachments = (await db.MeetingAttachments.AsNoTracking().Where(a => ids.Contains(a.MeetingId))
                .Select(a => new { a.MeetingId, a.FileName, a.Size, a.Sha256, a.UploadedAt }).ToListAsync(ct))
            .OrderBy(a => a.UploadedAt).ToLookup(a => a.MeetingId, a => new BookAttachment(a.FileName, a.Size, a.Sha256.Length > 12 ? a.Sha256[..12] : a.Sha256));
        var amendments = (await db.MeetingAmendments.AsNoTracking().Where(a => ids.Contains(a.MeetingId)).ToListAsync(ct))
            .OrderBy(a => a.At).ToLookup(a => a.MeetingId, a => new BookAmendment(a.Text, a.By, a.At));
        var topicIds = rows.Where(m => m.FirstTopicId is not null).Select(m => m.FirstTopicId!.Value).Distinct().ToList();
        var topics = await db.FirstTopics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Title, ct);

        // Who should attend: the closed roll of the meeting (who was expected then) once it is closed; before that, today's
        // roll, which depends only on the kind of meeting (the unit's members, its committee, or the group's own).
        var closed = (await db.MeetingAttendances.AsNoTracking().Where(a => ids.Contains(a.MeetingId))
                .Join(db.Members, a => a.MemberId, p => p.Id, (a, p) => new { a.MeetingId, a.MemberId, p.Name }).ToListAsync(ct))
            .OrderBy(a => a.Name, StringComparer.Ordinal).ToLookup(a => a.MeetingId, a => new BookPerson(a.MemberId, a.Name));
        var expected = new Dictionary<string, List<BookPerson>>();
        var book = new List<BookMeeting>(rows.Count);
        foreach (var m in rows)
        {
            var kind = m.Type switch { MeetingType.CommitteeMeeting => "committee", MeetingType.GroupMeeting => "group", _ => "members" };
            List<BookPerson>? roll = closed[m.Id].ToList();
            if (roll.Count == 0 && !expected.TryGetValue(kind, out roll))
            {
                roll = (await ExpectedAttendees.Of(db, m).AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct))
                    .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new BookPerson(p.Id, p.Name)).ToList();
                expected[kind] = roll;
            }
            var present = signIns[m.Id].ToList();
            var onLeave = leaves[m.Id].Where(l => present.All(p => p.MemberId != l.MemberId)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            var absent = roll.Where(p => present.All(x => x.MemberId != p.MemberId) && onLeave.All(x => x.MemberId != p.MemberId)).ToList();
            var record = records.GetValueOrDefault(m.Id);
            book.Add(new BookMeeting(book.Count + 1, m.Type, m.Topic, m.StartsAt, m.EndsAt, m.Mode, m.Place, m.HostName, record?.Recorder ?? "", roll.Count,
                present, onLeave, absent, m.FirstTopicId is { } t ? topics.GetValueOrDefault(t) : null, record?.Minutes ?? "", record?.Locked ?? false,
                resolutions[m.Id].ToList(), attachments[m.Id].ToList(), amendments[m.Id].ToList()));
        }
        return book;
    }
}

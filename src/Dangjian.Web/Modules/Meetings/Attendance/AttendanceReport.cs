using Dangjian.Web.Platform;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Attendance;

public sealed record MonthAttendanceDto(string Month, AttendanceCounts Counts);

/// <summary>A unit below the one asked about (or the unit itself, <see cref="Own"/>, for its own members).</summary>
public sealed record UnitAttendanceDto(Guid OrgUnitId, string Name, bool Own, AttendanceCounts Counts);

public sealed record UnitAttendanceReportDto(Guid OrgUnitId, string Name, DateOnly From, DateOnly To, DateTimeOffset AsOf, int Meetings,
    AttendanceCounts Total, IReadOnlyList<MonthAttendanceDto> Months, IReadOnlyList<UnitAttendanceDto> Units);

public sealed record MemberMeetingAttendanceDto(Guid MeetingId, string Topic, MeetingType Type, DateTimeOffset StartsAt, AttendanceOutcome Outcome, bool Remote);

[ModuleContract]
public sealed record MemberAttendanceReportDto(Guid MemberId, string Name, DateOnly From, DateOnly To, AttendanceCounts Total, DateTimeOffset? LastSignedIn,
    IReadOnlyList<MemberMeetingAttendanceDto> Meetings);

/// <summary>
/// 签到率 and 出勤率 from the closed rolls: for a unit and its subtree (by month and by the units right below it), and
/// for one person (the meetings they were expected at). Meetings still open are not counted until their roll closes.
/// </summary>
[ModuleContract]
public sealed class AttendanceReport(AppDbContext db, OrgAccess units, MemberAccess members, TimeProvider clock, IStringLocalizer<MeetingsText> T)
{
    public const int MaxMeetingsListed = 500;

    public async Task<Result<UnitAttendanceReportDto>> UnitAsync(Guid unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var loaded = await units.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var period = Period(from, to);
        if (!period.IsSuccess) return period.Error!;
        var (start, end) = period.Value;
        var unit = loaded.Value!;
        var (fromAt, toAt) = Instants(start, end);
        var groups = await db.MeetingAttendances.AsNoTracking().UnderPath(unit.Path).Where(a => a.StartsAt >= fromAt && a.StartsAt < toAt)
            .GroupBy(a => new { a.OrgPath, a.MeetingId, a.StartsAt, a.Outcome, a.Remote })
            .Select(g => new { g.Key.OrgPath, g.Key.MeetingId, g.Key.StartsAt, g.Key.Outcome, g.Key.Remote, Count = g.Count() })
            .ToListAsync(ct);
        var children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == unit.Id).OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);

        var total = AttendanceCounts.Zero;
        var months = new SortedDictionary<string, AttendanceCounts>(StringComparer.Ordinal);
        var byUnit = new Dictionary<Guid, AttendanceCounts>();
        foreach (var g in groups)
        {
            total = total.Add(g.Outcome, g.Remote, g.Count);
            var month = ChinaTime.Date(g.StartsAt).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            months[month] = months.GetValueOrDefault(month, AttendanceCounts.Zero).Add(g.Outcome, g.Remote, g.Count);
            var child = children.FirstOrDefault(c => OrgPaths.IsWithin(g.OrgPath, c.Path));
            var key = child?.Id ?? unit.Id;
            byUnit[key] = byUnit.GetValueOrDefault(key, AttendanceCounts.Zero).Add(g.Outcome, g.Remote, g.Count);
        }
        var rows = new List<UnitAttendanceDto>();
        if (byUnit.TryGetValue(unit.Id, out var own)) rows.Add(new UnitAttendanceDto(unit.Id, unit.Name, true, own));
        rows.AddRange(children.Select(c => new UnitAttendanceDto(c.Id, c.Name, false, byUnit.GetValueOrDefault(c.Id, AttendanceCounts.Zero))));
        return new UnitAttendanceReportDto(unit.Id, unit.Name, start, end, clock.GetUtcNow(), groups.Select(g => g.MeetingId).Distinct().Count(), total,
            months.Select(m => new MonthAttendanceDto(m.Key, m.Value)).ToList(), rows);
    }

    public async Task<Result<MemberAttendanceReportDto>> MemberAsync(Guid memberId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var loaded = await members.LoadAsync(memberId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var period = Period(from, to);
        if (!period.IsSuccess) return period.Error!;
        var (start, end) = period.Value;
        var (fromAt, toAt) = Instants(start, end);
        var lines = await db.MeetingAttendances.AsNoTracking().Where(a => a.MemberId == memberId && a.StartsAt >= fromAt && a.StartsAt < toAt)
            .Join(db.Meetings, a => a.MeetingId, m => m.Id, (a, m) => new { a.MeetingId, m.Topic, a.MeetingType, a.StartsAt, a.Outcome, a.Remote })
            .OrderByDescending(a => a.StartsAt).ToListAsync(ct);
        var total = lines.Aggregate(AttendanceCounts.Zero, (c, a) => c.Add(a.Outcome, a.Remote, 1));
        // The last sign-in ever (also at meetings whose roll is still open): what out-of-contact detection uses.
        var last = await db.MeetingSignIns.AsNoTracking().Where(s => s.MemberId == memberId).OrderByDescending(s => s.SignedAt)
            .Select(s => (DateTimeOffset?)s.SignedAt).FirstOrDefaultAsync(ct);
        return new MemberAttendanceReportDto(memberId, loaded.Value!.Name, start, end, total, last,
            lines.Take(MaxMeetingsListed).Select(a => new MemberMeetingAttendanceDto(a.MeetingId, a.Topic, a.MeetingType, a.StartsAt, a.Outcome, a.Remote)).ToList());
    }

    /// <summary>From 1 January of this year (China time) to today unless given; both days included.</summary>
    private Result<(DateOnly From, DateOnly To)> Period(DateOnly? from, DateOnly? to)
    {
        var today = clock.Today();
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end) return Error.Validation("from", T["Attendance.FromAfterTo"]);
        return (start, end);
    }

    private static (DateTimeOffset From, DateTimeOffset To) Instants(DateOnly from, DateOnly to) =>
        (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime(),
         new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime());
}

using System.Globalization;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Dashboard.Contracts;
using Dangjian.Web.Modules.Meetings.Contracts;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Education.Study.Archive;

public sealed record ArchiveCategoryHours(CourseCategory Category, double Hours);

public sealed record ArchiveCourseLine(Guid CourseId, string Title, CourseCategory Category, CourseKind Kind, int Seconds, double Hours, DateTimeOffset? CompletedAt);

public sealed record ArchiveMeetingLine(Guid MeetingId, string Type, string Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt, double Hours);

public sealed record ArchiveExternalLine(ExternalStudySource Source, string Month, int Points, double Hours);

/// <summary>
/// A member's 学习档案 for a year: class hours from each source, counted once — courses (verified heartbeats), meetings
/// signed in to (党课, 主题党日, 第一议题 study), outside platforms (imported) — against the target and the rule it comes from.
/// </summary>
public sealed record LearningArchiveDto(Guid MemberId, string Name, Guid OrgUnitId, int Year, bool Leader, int TargetHours, string Article, double Hours,
    double CourseHours, double MeetingHours, double ExternalHours, double GapHours, bool BelowTarget, IReadOnlyList<ArchiveCategoryHours> ByCategory,
    IReadOnlyList<ArchiveCourseLine> Courses, IReadOnlyList<ArchiveMeetingLine> Meetings, IReadOnlyList<ArchiveExternalLine> External);

public sealed record ArchiveMemberRow(Guid MemberId, string Name, Guid OrgUnitId, string OrgUnitName, bool Leader, int TargetHours, string Article,
    double Hours, double CourseHours, double MeetingHours, double ExternalHours, double GapHours, bool BelowTarget);

/// <summary>A unit's overview: every party member of its subtree, those below target first.</summary>
/// <param name="AsOf">When the totals come from the dashboard's roll-ups (a large subtree), when those were built; null when counted now.</param>
public sealed record UnitArchiveDto(Guid OrgUnitId, string Name, int Year, int Members, int BelowTarget, int MemberTargetHours, int LeaderTargetHours,
    Page<ArchiveMemberRow> Rows)
{
    public DateTimeOffset? AsOf { get; init; }
}

/// <summary>
/// The learning archive (学习档案, docs/rules/education.md#e-1, #e-2): per member and year, hours by source and
/// category against the target. A member reads their own; a unit's overview and another's archive need ViewMembers on
/// the member's unit or above. Each source is read once, in grouped queries for the whole subtree.
/// </summary>
public sealed class LearningArchive(AppDbContext db, CurrentUser user, OrgAccess access, TimeProvider clock, MeetingStudyHours meetings, ArchiveTotals totals,
    StudyRollups rollups, IOptions<EducationOptions> education, IOptions<StudyOptions> study, IOptions<Standing.StandingOptions> standing,
    IStringLocalizer<StudyText> T)
{
    private sealed record Person(Guid Id, string Name, Guid OrgUnitId, string OrgPath);

    private sealed record Sources(Dictionary<Guid, List<ArchiveCourseLine>> Courses, Dictionary<Guid, List<ArchiveMeetingLine>> Meetings,
        Dictionary<Guid, List<ArchiveExternalLine>> External, HashSet<Guid> Leaders);

    public async Task<Result<LearningArchiveDto>> MineAsync(string? year, CancellationToken ct)
    {
        if (ParseYear(year) is not { } y) return Error.Validation("year", T["Archive.YearInvalid"]);
        var me = user.IsAuthenticated
            ? await db.Members.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => new Person(m.Id, m.Name, m.OrgUnitId, m.OrgPath)).FirstOrDefaultAsync(ct)
            : null;
        if (me is null) return Error.NotFound(T["Archive.NoRecord"]);
        return await ArchiveOfAsync(me, y, ct);
    }

    public async Task<Result<LearningArchiveDto>> MemberAsync(Guid memberId, string? year, CancellationToken ct)
    {
        var m = await db.Members.AsNoTracking().Where(x => x.Id == memberId).Select(x => new Person(x.Id, x.Name, x.OrgUnitId, x.OrgPath)).FirstOrDefaultAsync(ct);
        var self = m is not null && await db.Members.AnyAsync(x => x.Id == memberId && x.UserId == user.UserId && user.UserId != Guid.Empty, ct);
        if (m is null || (!self && !user.Can(Permission.ViewMembers, m.OrgPath))) return Error.NotFound(T["Archive.MemberNotFound"]);
        if (ParseYear(year) is not { } y) return Error.Validation("year", T["Archive.YearInvalid"]);
        return await ArchiveOfAsync(m, y, ct);
    }

    public async Task<Result<UnitArchiveDto>> UnitAsync(Guid unitId, string? year, PageRequest page, CancellationToken ct)
    {
        if (await FromRollupsAsync(unitId, year, page, ct) is { } large) return large;
        var all = await UnitRowsAsync(unitId, year, ct);
        if (!all.IsSuccess) return all.Error!;
        var (unit, y, rows) = all.Value;
        var o = education.Value;
        return new UnitArchiveDto(unit.Id, unit.Name, y, rows.Count, rows.Count(r => r.BelowTarget), o.MemberHoursPerYear, o.LeaderHoursPerYear,
            new Page<ArchiveMemberRow>(rows.Skip(page.Skip).Take(page.PageSize).ToList(), page.Page, page.PageSize, rows.Count));
    }

    /// <summary>
    /// A large subtree (more than <c>ArchiveRollupFromMembers</c> party members in its roll-up row of the year) seen whole by
    /// the caller: the totals are the roll-up's (asOf), the list one page of the subtree's members in the tree's order,
    /// each counted now. Null when the archive is counted whole instead.
    /// </summary>
    private async Task<Result<UnitArchiveDto>?> FromRollupsAsync(Guid unitId, string? year, PageRequest page, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess || ParseYear(year) is not { } y) return null;
        var unit = loaded.Value!;
        if (!user.CanInSubtree(Permission.ViewMembers, unit.Path)) return null;
        var row = await rollups.UnitAsync(unit.Id, y, ct);
        if (row is null || row.Members <= standing.Value.ArchiveRollupFromMembers) return null;
        var ids = await totals.PartyMembers(unit.Path).OrderBy(m => m.OrgPath).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .Skip(page.Skip).Take(page.PageSize).Select(m => m.Id).ToListAsync(ct);
        var counted = (await totals.ForFewAsync(ids, y, ct)).ToDictionary(t => t.Person.Id);
        var rows = (await RowsAsync(unit.Path, counted.Values, ct)).ToDictionary(r => r.MemberId);
        var o = education.Value;
        return new UnitArchiveDto(unit.Id, unit.Name, y, row.Members, row.BelowTarget, o.MemberHoursPerYear, o.LeaderHoursPerYear,
            new Page<ArchiveMemberRow>(ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), page.Page, page.PageSize, row.Members)) { AsOf = row.AsOf };
    }

    /// <summary>Every row of the overview, in its order (those below target first, the largest gap first): the page and the export.</summary>
    public async Task<Result<(OrgUnit Unit, int Year, List<ArchiveMemberRow> Rows)>> UnitRowsAsync(Guid unitId, string? year, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (ParseYear(year) is not { } y) return Error.Validation("year", T["Archive.YearInvalid"]);
        var unit = loaded.Value!;
        var all = (await totals.ForAsync(unit.Path, y, ct)).Where(t => user.Can(Permission.ViewMembers, t.Person.OrgPath)).ToList();
        return (unit, y, await RowsAsync(unit.Path, all, ct));
    }

    /// <summary>The overview's rows of the given totals, in its order (those below target first, the largest gap first).</summary>
    private async Task<List<ArchiveMemberRow>> RowsAsync(string path, IEnumerable<ArchiveTotal> all, CancellationToken ct)
    {
        var o = education.Value;
        var list = all.ToList();
        // Only the units the rows name: a large subtree's page needs a few of its thousands.
        var unitIds = list.Select(t => t.Person.OrgUnitId).Distinct().ToList();
        var unitNames = new Dictionary<Guid, string>();
        foreach (var chunk in unitIds.Chunk(500))
        {
            foreach (var u in await db.OrgUnits.AsNoTracking().InSubtree(path).Where(u => chunk.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            {
                unitNames[u.Id] = u.Name;
            }
        }
        return list.Select(t =>
        {
            var hours = ArchiveRules.TotalHours(t.CourseSeconds, t.MeetingSeconds, t.ExternalTenths, o.MinutesPerClassHour);
            var target = ArchiveRules.Target(t.Leader, o);
            var (gap, below) = ArchiveRules.Gap(hours, target.Hours);
            return new ArchiveMemberRow(t.Person.Id, t.Person.Name, t.Person.OrgUnitId, unitNames.GetValueOrDefault(t.Person.OrgUnitId, ""), t.Leader,
                target.Hours, target.Article, ArchiveRules.Round(hours), ArchiveRules.Round(ArchiveRules.ClassHours(t.CourseSeconds, o.MinutesPerClassHour)),
                ArchiveRules.Round(ArchiveRules.ClassHours(t.MeetingSeconds, o.MinutesPerClassHour)), ArchiveRules.Round(t.ExternalTenths / 10.0), gap, below);
        }).OrderByDescending(r => r.BelowTarget).ThenByDescending(r => r.GapHours).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.MemberId).ToList();
    }

    /// <summary>The units the caller may overview (where a role with ViewMembers is held), for the page's choice.</summary>
    public async Task<List<(Guid Id, string Name)>> ManagedUnitsAsync(CancellationToken ct)
    {
        var ids = user.Roles.Where(r => r.Role.Grants(Permission.ViewMembers) && r.Scope != DataScope.Self).Select(r => r.OrgUnitId).Distinct().ToList();
        if (ids.Count == 0) return [];
        var units = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Path).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return units.Select(u => (u.Id, u.Name)).ToList();
    }

    private async Task<LearningArchiveDto> ArchiveOfAsync(Person p, int year, CancellationToken ct) =>
        Compose(p, year, await SourcesAsync([p], p.OrgPath, year, ct));

    private LearningArchiveDto Compose(Person p, int year, Sources s)
    {
        var o = education.Value;
        var courses = s.Courses.GetValueOrDefault(p.Id) ?? [];
        var meetingLines = s.Meetings.GetValueOrDefault(p.Id) ?? [];
        var external = s.External.GetValueOrDefault(p.Id) ?? [];
        var courseSeconds = courses.Sum(c => (long)c.Seconds);
        var meetingSeconds = meetingLines.Sum(m => ArchiveRules.MeetingSeconds(m.StartsAt, m.EndsAt));
        var externalTenths = external.Sum(e => (int)Math.Round(e.Hours * 10));
        var courseExact = ArchiveRules.ClassHours(courseSeconds, o.MinutesPerClassHour);
        var meetingExact = ArchiveRules.ClassHours(meetingSeconds, o.MinutesPerClassHour);
        var externalExact = externalTenths / 10.0;
        var total = ArchiveRules.TotalHours(courseSeconds, meetingSeconds, externalTenths, o.MinutesPerClassHour);
        var leader = s.Leaders.Contains(p.Id);
        var target = ArchiveRules.Target(leader, o);
        var (gap, below) = ArchiveRules.Gap(total, target.Hours);
        var byCategory = courses.GroupBy(c => c.Category).OrderBy(g => g.Key)
            .Select(g => new ArchiveCategoryHours(g.Key, ArchiveRules.Round(ArchiveRules.ClassHours(g.Sum(c => (long)c.Seconds), o.MinutesPerClassHour)))).ToList();
        return new LearningArchiveDto(p.Id, p.Name, p.OrgUnitId, year, leader, target.Hours, target.Article, ArchiveRules.Round(total),
            ArchiveRules.Round(courseExact), ArchiveRules.Round(meetingExact), ArchiveRules.Round(externalExact), gap, below, byCategory, courses, meetingLines, external);
    }

    /// <summary>The three sources and the leaders among <paramref name="people"/>, each read once for all of them.</summary>
    private async Task<Sources> SourcesAsync(IReadOnlyList<Person> people, string path, int year, CancellationToken ct)
    {
        var o = education.Value;
        var ids = people.Select(p => p.Id).ToList();
        var courses = new Dictionary<Guid, List<ArchiveCourseLine>>();
        var external = new Dictionary<Guid, List<ArchiveExternalLine>>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await (from p in db.StudyProgress.AsNoTracking()
                              join c in db.Courses.AsNoTracking() on p.CourseId equals c.Id
                              where p.Year == year && chunk.Contains(p.MemberId) && p.Seconds > 0
                              select new { p.MemberId, c.Id, c.Title, c.Category, c.Kind, p.Seconds, p.CompletedAt }).ToListAsync(ct);
            foreach (var r in rows.OrderBy(r => r.Title, StringComparer.Ordinal))
            {
                Add(courses, r.MemberId, new ArchiveCourseLine(r.Id, r.Title, r.Category, r.Kind, r.Seconds,
                    ArchiveRules.Round(ArchiveRules.ClassHours(r.Seconds, o.MinutesPerClassHour)), r.CompletedAt));
            }
            var firstMonth = new DateOnly(year, 1, 1);
            var nextYear = new DateOnly(year + 1, 1, 1);
            var outside = await db.ExternalStudyHours.AsNoTracking().Where(e => chunk.Contains(e.MemberId) && e.Month >= firstMonth && e.Month < nextYear)
                .Select(e => new { e.MemberId, e.Source, e.Month, e.Points, e.HoursTenths }).ToListAsync(ct);
            foreach (var e in outside.OrderBy(e => e.Month).ThenBy(e => e.Source))
            {
                Add(external, e.MemberId, new ArchiveExternalLine(e.Source, e.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), e.Points, e.HoursTenths / 10.0));
            }
        }
        // PostgreSQL takes instants in UTC only.
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var attended = await meetings.AttendedAsync(ids, study.Value.MeetingTypesCounted, start, start.AddYears(1), ct);
        var meetingLines = new Dictionary<Guid, List<ArchiveMeetingLine>>();
        foreach (var a in ArchiveRules.CountedMeetings(attended))
        {
            var seconds = ArchiveRules.MeetingSeconds(a.StartsAt, a.EndsAt);
            Add(meetingLines, a.MemberId, new ArchiveMeetingLine(a.MeetingId, a.Type, a.Topic, a.StartsAt, a.EndsAt,
                ArchiveRules.Round(ArchiveRules.ClassHours(seconds, o.MinutesPerClassHour))));
        }
        return new Sources(courses, meetingLines, external,
            await totals.LeadersAsync(path, people.Select(p => new ArchivePerson(p.Id, p.Name, p.OrgUnitId, p.OrgPath, null)).ToList(), ct));
    }

    private static void Add<T>(Dictionary<Guid, List<T>> map, Guid key, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }

    /// <summary>The year asked for (China time), this year when none; null when it is not a year the archive can hold.</summary>
    private int? ParseYear(string? year)
    {
        var now = clock.Today().Year;
        if (string.IsNullOrWhiteSpace(year)) return now;
        return int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 2000 && y <= now + 1 ? y : null;
    }
}

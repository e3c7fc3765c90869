using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Modules.Meetings.Contracts;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Education.Study.Archive;

/// <summary>One party member whose year is counted.</summary>
public sealed record ArchivePerson(Guid Id, string Name, Guid OrgUnitId, string OrgPath, Guid? UserId);

/// <summary>
/// A member's year in figures: verified seconds of courses and of meetings signed in to, outside hours in tenths, whether
/// they sit on a committee, required courses assigned and completed, exams taken and passed.
/// </summary>
public sealed record ArchiveTotal(ArchivePerson Person, long CourseSeconds, long MeetingSeconds, int ExternalTenths, bool Leader, int RequiredAssigned,
    int RequiredCompleted, bool TookExam, bool PassedExam);

/// <summary>
/// The learning archive's totals of many members at once, each source in one grouped query over the members asked for
/// (a subtree's or the whole tenant's): what the unit overview, the dashboard's roll-ups, the weak links and the
/// reminders all count, so that they cannot disagree. A member's own archive counts its lines with the same rules
/// (<see cref="ArchiveRules.TotalHours"/>).
/// </summary>
public sealed class ArchiveTotals(AppDbContext db, MeetingStudyHours meetings, IOptions<StudyOptions> study)
{
    /// <summary>The party members (full and probationary, in normal standing) of the subtree at <paramref name="path"/>, or of the tenant when null.</summary>
    public IQueryable<Member> PartyMembers(string? path)
    {
        var q = db.Members.AsNoTracking()
            .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal);
        return path is null ? q : q.InSubtree(path);
    }

    public Task<List<ArchiveTotal>> ForAsync(string? path, int year, CancellationToken ct) =>
        ForAsync(PartyMembers(path), year, (people, c) => LeadersAsync(path, people, c), ct);

    /// <summary>
    /// The totals of a few members (a page of a large subtree's list): the leaders are looked for around each member's own
    /// unit, as the member's own archive does, rather than in every committee of the subtree.
    /// </summary>
    public Task<List<ArchiveTotal>> ForFewAsync(IReadOnlyCollection<Guid> memberIds, int year, CancellationToken ct) =>
        ForAsync(PartyMembers(null).Where(m => memberIds.Contains(m.Id)), year, async (people, c) =>
        {
            var leaders = new HashSet<Guid>();
            foreach (var unit in people.GroupBy(p => p.OrgPath, StringComparer.Ordinal)) leaders.UnionWith(await LeadersAsync(unit.Key, unit.ToList(), c));
            return leaders;
        }, ct);

    private async Task<List<ArchiveTotal>> ForAsync(IQueryable<Member> members, int year,
        Func<IReadOnlyList<ArchivePerson>, CancellationToken, Task<HashSet<Guid>>> leadersOf, CancellationToken ct)
    {
        var people = await members.Select(m => new ArchivePerson(m.Id, m.Name, m.OrgUnitId, m.OrgPath, m.UserId)).ToListAsync(ct);
        if (people.Count == 0) return [];

        var courseSeconds = await (from p in db.StudyProgress.AsNoTracking()
                                   join m in members on p.MemberId equals m.Id
                                   where p.Year == year && p.Seconds > 0
                                   group p by p.MemberId into g
                                   select new { g.Key, Seconds = g.Sum(p => (long)p.Seconds) }).ToDictionaryAsync(x => x.Key, x => x.Seconds, ct);
        var firstMonth = new DateOnly(year, 1, 1);
        var nextYear = new DateOnly(year + 1, 1, 1);
        var external = await (from e in db.ExternalStudyHours.AsNoTracking()
                              join m in members on e.MemberId equals m.Id
                              where e.Month >= firstMonth && e.Month < nextYear
                              group e by e.MemberId into g
                              select new { g.Key, Tenths = g.Sum(e => e.HoursTenths) }).ToDictionaryAsync(x => x.Key, x => x.Tenths, ct);

        // PostgreSQL takes instants in UTC only.
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var end = start.AddYears(1);
        var ids = people.Select(p => p.Id).ToList();
        var meetingSeconds = new Dictionary<Guid, long>();
        foreach (var a in ArchiveRules.CountedMeetings(await meetings.AttendedAsync(ids, study.Value.MeetingTypesCounted, start, end, ct)))
        {
            meetingSeconds[a.MemberId] = meetingSeconds.GetValueOrDefault(a.MemberId) + ArchiveRules.MeetingSeconds(a.StartsAt, a.EndsAt);
        }

        var leaders = await leadersOf(people, ct);
        var (assigned, completed) = await RequiredAsync(members, year, end, ct);
        var exams = (await (from a in db.ExamAttempts.AsNoTracking()
                            join m in members on a.MemberId equals m.Id
                            where a.Status != AttemptStatus.InProgress && a.StartedAt >= start && a.StartedAt < end
                            select new { a.MemberId, a.Passed }).Distinct().ToListAsync(ct))
            .GroupBy(a => a.MemberId).ToDictionary(g => g.Key, g => g.Any(a => a.Passed));

        return people.Select(p => new ArchiveTotal(p, courseSeconds.GetValueOrDefault(p.Id), meetingSeconds.GetValueOrDefault(p.Id),
            external.GetValueOrDefault(p.Id), leaders.Contains(p.Id), assigned(p), completed.GetValueOrDefault(p.Id), exams.ContainsKey(p.Id),
            exams.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>
    /// Who of <paramref name="people"/> sits on a committee in office (CommitteeRoster) of a unit at, above or below their
    /// own unit: branch secretaries and committee members, whose target is the leaders' (docs/rules/education.md#e-2). The
    /// committees looked at are those above <paramref name="path"/> and in its subtree (the tenant's when null), which
    /// hold every unit related to a member of the subtree; so a member counts the same whichever unit's archive is read.
    /// </summary>
    public async Task<HashSet<Guid>> LeadersAsync(string? path, IReadOnlyCollection<ArchivePerson> people, CancellationToken ct)
    {
        var units = db.OrgUnits.AsNoTracking();
        List<(Guid Id, string Path)> candidates;
        if (path is null) candidates = (await units.Select(u => new { u.Id, u.Path }).ToListAsync(ct)).Select(u => (u.Id, u.Path)).ToList();
        else
        {
            var above = GetOrgUnit.AncestorPaths(path);
            candidates = (await units.Where(u => above.Contains(u.Path)).Select(u => new { u.Id, u.Path })
                .Concat(units.InSubtree(path).Select(u => new { u.Id, u.Path })).ToListAsync(ct)).Select(u => (u.Id, u.Path)).ToList();
        }
        var pathOf = candidates.ToDictionary(u => u.Id, u => u.Path);
        var committees = new List<(string Path, HashSet<Guid> Sitting)>();
        foreach (var unitId in await CommitteeRoster.UnitsWithCommitteeAsync(db, pathOf.Keys.ToList(), ct))
        {
            committees.Add((pathOf[unitId], (await CommitteeRoster.SittingMemberIds(db, unitId).ToListAsync(ct)).ToHashSet()));
        }
        return people.Where(p => committees.Any(c => c.Sitting.Contains(p.Id) && (OrgPaths.IsWithin(p.OrgPath, c.Path) || OrgPaths.IsWithin(c.Path, p.OrgPath))))
            .Select(p => p.Id).ToHashSet();
    }

    /// <summary>
    /// The required courses of each member's year: published by their unit or a unit above, due in the year (or without
    /// a deadline and published before its end); completed when the member's study of it was completed (any year).
    /// </summary>
    private async Task<(Func<ArchivePerson, int> Assigned, Dictionary<Guid, int> Completed)> RequiredAsync(IQueryable<Member> members, int year, DateTimeOffset end, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var required = await db.Courses.AsNoTracking()
            .Where(c => c.Required && c.Status == CourseStatus.Published
                        && (c.DueOn == null ? c.PublishedAt != null && c.PublishedAt < end : c.DueOn >= first && c.DueOn <= last))
            .Select(c => new { c.Id, c.OrgPath }).ToListAsync(ct);
        if (required.Count == 0) return (_ => 0, []);
        var perPath = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);
        HashSet<Guid> Of(string memberPath)
        {
            if (!perPath.TryGetValue(memberPath, out var set))
            {
                perPath[memberPath] = set = required.Where(c => OrgPaths.IsWithin(memberPath, c.OrgPath)).Select(c => c.Id).ToHashSet();
            }
            return set;
        }
        var requiredIds = required.Select(c => c.Id).ToList();
        var done = await (from p in db.StudyProgress.AsNoTracking()
                          join m in members on p.MemberId equals m.Id
                          where p.CompletedAt != null && requiredIds.Contains(p.CourseId)
                          select new { p.MemberId, m.OrgPath, p.CourseId }).Distinct().ToListAsync(ct);
        var completed = done.Where(d => Of(d.OrgPath).Contains(d.CourseId)).GroupBy(d => d.MemberId).ToDictionary(g => g.Key, g => g.Count());
        return (p => Of(p.OrgPath).Count, completed);
    }
}

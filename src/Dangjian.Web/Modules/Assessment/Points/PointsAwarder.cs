using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues.Contracts;
using Dangjian.Web.Modules.Education.Contracts;
using Dangjian.Web.Modules.Meetings.Contracts;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>
/// Counts the automatic items of the scheme (docs/rules/points-and-assessment.md#pa-6) for the current tenant's party
/// members over one year, from the other modules' read contracts only: closed meeting rolls, exams passed, dues paid or
/// left unpaid, and study hours. A line's source key (the meeting, the attempt, the month, the hours reached) is unique
/// per member and item, so a run repeated adds nothing; each item awards up to its caps and no more (#pa-7). Lines are
/// approved at once and written with the balances and the ledger in one transaction.
/// </summary>
public sealed class PointsAwarder(AppDbContext db, PointsSchemes schemes, MeetingAttendanceFacts meetings, ExamPasses exams, DuesFacts dues,
    StudyStanding study, Platform.Ledger.Ledger ledger, TimeProvider clock, IOptions<PointsOptions> options)
{
    private sealed record Candidate(Guid MemberId, PointsRule Rule, string Key, DateOnly Day, int Points);

    public async Task<int> RunAsync(int year, CancellationToken ct)
    {
        var (_, allRules) = await schemes.EnsureAsync(ct);
        var rules = allRules.Where(r => r.Active && r.Kind == PointsKind.Auto).ToList();
        if (rules.Count == 0) return 0;
        var today = clock.Today();
        if (year > today.Year) return 0;
        // Instants go to the database in UTC (PostgreSQL takes no other offset).
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var now = clock.GetUtcNow();
        var before = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
        if (before > now) before = now;

        var people = (await db.Members.AsNoTracking()
                .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
                .Select(m => new { m.Id, m.Name, m.OrgUnitId, m.OrgPath, m.JoinedOn, m.DuesSettledUntil }).ToListAsync(ct))
            .ToDictionary(m => m.Id);
        if (people.Count == 0) return 0;
        var bySource = rules.ToLookup(r => r.Source);
        var candidates = new List<Candidate>();

        if (bySource[PointsSource.MeetingAttended].Any() || bySource[PointsSource.AbsentWithoutLeave].Any())
        {
            foreach (var line in await meetings.LinesAsync(from, before, ct))
            {
                if (!people.ContainsKey(line.MemberId) || line.OnLeave) continue;
                var source = line.Attended ? PointsSource.MeetingAttended : PointsSource.AbsentWithoutLeave;
                foreach (var rule in bySource[source]) candidates.Add(new(line.MemberId, rule, line.MeetingId.ToString("N"), ChinaTime.Date(line.StartsAt), rule.Points));
            }
        }
        if (bySource[PointsSource.ExamPassed].Any())
        {
            foreach (var pass in await exams.FirstPassesAsync(from, before, ct))
            {
                if (!people.ContainsKey(pass.MemberId)) continue;
                foreach (var rule in bySource[PointsSource.ExamPassed]) candidates.Add(new(pass.MemberId, rule, pass.AttemptId.ToString("N"), ChinaTime.Date(pass.SubmittedAt), rule.Points));
            }
        }
        if (bySource[PointsSource.DuesOnTime].Any() || bySource[PointsSource.DuesArrears].Any())
        {
            var party = db.Members.AsNoTracking()
                .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal).Select(m => m.Id);
            var paid = await dues.PaymentsAsync(party, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), ct);
            foreach (var ((memberId, month), payment) in paid)
            {
                if (!people.ContainsKey(memberId) || payment.PaidOn > month.AddMonths(1).AddDays(-1) || payment.PaidOn > today) continue;
                foreach (var rule in bySource[PointsSource.DuesOnTime]) candidates.Add(new(memberId, rule, MonthKey(month), payment.PaidOn, rule.Points));
            }
            var grace = Math.Max(0, options.Value.ArrearsAfterMonths);
            foreach (var p in people.Values)
            {
                for (var m = 1; m <= 12; m++)
                {
                    var month = new DateOnly(year, m, 1);
                    var last = month.AddMonths(1).AddDays(-1);
                    if (last.AddMonths(grace) >= today) break;
                    if (p.JoinedOn is { } joined && joined > last) continue;
                    if (p.DuesSettledUntil is { } settled && settled >= month) continue;
                    if (paid.ContainsKey((p.Id, month))) continue;
                    foreach (var rule in bySource[PointsSource.DuesArrears]) candidates.Add(new(p.Id, rule, MonthKey(month), last, rule.Points));
                }
            }
        }

        // What the lines already written count against: their keys, and the points of each member's item by day, month and year.
        var autoIds = rules.Select(r => r.Id).ToList();
        var existing = await db.PointsEntries.AsNoTracking().Where(e => e.Year == year && autoIds.Contains(e.RuleId) && e.Status != PointsStatus.Rejected)
            .Select(e => new { e.MemberId, e.RuleId, e.SourceKey, e.Day, e.Points }).ToListAsync(ct);
        var keys = existing.Select(e => (e.MemberId, e.RuleId, e.SourceKey)).ToHashSet();
        var usedDay = new Dictionary<(Guid, Guid, DateOnly), int>();
        var usedMonth = new Dictionary<(Guid, Guid, int), int>();
        var usedYear = new Dictionary<(Guid, Guid), int>();
        foreach (var e in existing) Use(e.MemberId, e.RuleId, e.Day, Math.Abs(e.Points));

        if (bySource[PointsSource.StudyHours].Any())
        {
            // One line per run for the hours reached since the last line: the key is the whole hours reached so far.
            var reached = existing.Where(e => e.SourceKey.StartsWith("h", StringComparison.Ordinal))
                .GroupBy(e => (e.MemberId, e.RuleId)).ToDictionary(g => g.Key, g => g.Max(e => int.TryParse(e.SourceKey.AsSpan(1), out var n) ? n : 0));
            var day = year == today.Year ? today : new DateOnly(year, 12, 31);
            foreach (var s in await study.MembersAsync(null, year, ct))
            {
                if (!people.ContainsKey(s.MemberId)) continue;
                var hours = (int)Math.Floor(s.Hours);
                foreach (var rule in bySource[PointsSource.StudyHours])
                {
                    var previous = reached.GetValueOrDefault((s.MemberId, rule.Id));
                    if (hours > previous) candidates.Add(new(s.MemberId, rule, "h" + hours, day, rule.Points * (hours - previous)));
                }
            }
        }

        var lines = new List<PointsEntry>();
        foreach (var c in candidates.Where(c => c.Day.Year == year).OrderBy(c => c.Day).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!keys.Add((c.MemberId, c.Rule.Id, c.Key))) continue;
            var (allowed, _) = PointsCapRules.Allowed(c.Points, usedDay.GetValueOrDefault((c.MemberId, c.Rule.Id, c.Day)),
                usedMonth.GetValueOrDefault((c.MemberId, c.Rule.Id, c.Day.Month)), usedYear.GetValueOrDefault((c.MemberId, c.Rule.Id)),
                c.Rule.DailyCap, c.Rule.MonthlyCap, c.Rule.YearlyCap);
            if (allowed == 0) continue;
            Use(c.MemberId, c.Rule.Id, c.Day, allowed);
            var p = people[c.MemberId];
            lines.Add(new PointsEntry
            {
                Id = Guid.CreateVersion7(now), TenantId = db.CurrentTenantId, MemberId = p.Id, MemberName = p.Name, OrgUnitId = p.OrgUnitId, OrgPath = p.OrgPath,
                Day = c.Day, Year = year, Month = c.Day.Month, RuleId = c.Rule.Id, RuleCode = c.Rule.Code, RuleName = c.Rule.Name, Kind = PointsKind.Auto,
                Points = Math.Sign(c.Points) * allowed, SourceKey = c.Key, Status = PointsStatus.Approved, CreatedAt = now, DecidedAt = now,
            });
        }
        if (lines.Count == 0) return 0;

        // The lines go in without the change tracker (a year of a large tenant is many rows); the ledger entry of each
        // member carries them, and the balances are written by the same transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.InsertAsync(db, lines, ct);
        await PointsLedger.ApplyAsync(db, ledger, lines, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return lines.Count;

        void Use(Guid member, Guid rule, DateOnly day, int points)
        {
            usedDay[(member, rule, day)] = usedDay.GetValueOrDefault((member, rule, day)) + points;
            usedMonth[(member, rule, day.Month)] = usedMonth.GetValueOrDefault((member, rule, day.Month)) + points;
            usedYear[(member, rule)] = usedYear.GetValueOrDefault((member, rule)) + points;
        }
    }

    private static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

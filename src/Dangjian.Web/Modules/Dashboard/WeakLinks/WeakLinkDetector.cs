using Dangjian.Web.Data;
using Dangjian.Web.Modules.Development.Contracts;
using Dangjian.Web.Modules.Meetings.Contracts;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Meetings.Compliance;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dashboard.WeakLinks;

/// <summary>
/// Finds the weak links of the current tenant from the roll-ups (just rebuilt) and a few grouped queries, and keeps the
/// stored items in step: new findings open, known ones updated (a closed one stays closed), ones no longer found
/// resolved. Runs after each roll-up rebuild.
/// </summary>
public sealed class WeakLinkDetector(AppDbContext db, UnitCompliance compliance, MeetingFacts meetingFacts, DevelopmentFacts developmentFacts,
    Education.Contracts.StudyStanding study, Assessment.Contracts.AssessmentFindings assessment, TimeProvider clock, IOptions<WeakLinkOptions> options,
    IStringLocalizer<DashboardText> T)
{

    public async Task<int> DetectAsync(CancellationToken ct)
    {
        var o = options.Value;
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var findings = new List<WeakLinkFinding>();
        var rollups = await db.UnitRollups.AsNoTracking().ToListAsync(ct);
        var byId = rollups.ToDictionary(r => r.OrgUnitId);
        var branches = rollups.Where(r => r.Kind == OrgUnitKind.Branch).ToList();
        var current = RollupBuilder.MonthKey(new DateOnly(today.Year, today.Month, 1));
        var threeBack = RollupBuilder.MonthKey(new DateOnly(today.Year, today.Month, 1).AddMonths(-2));
        var duesFrom = RollupBuilder.MonthKey(new DateOnly(today.Year, today.Month, 1).AddMonths(-3));
        var yearBack = RollupBuilder.MonthKey(new DateOnly(today.Year, today.Month, 1).AddMonths(-11));
        var months = (await db.UnitMonthRollups.AsNoTracking().Where(m => m.Month >= yearBack && m.Month <= current).ToListAsync(ct))
            .Where(m => byId.TryGetValue(m.OrgUnitId, out var r) && r.Kind == OrgUnitKind.Branch).ToLookup(m => m.OrgUnitId);

        foreach (var c in await compliance.AllBranchesAsync(ct))
        {
            if (c.Red == 0 || !byId.TryGetValue(c.OrgUnitId, out var b)) continue;
            findings.Add(new(Key(WeakLinkRules.Meetings, b.OrgUnitId, today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), b.OrgUnitId,
                b.OrgPath, b.Name, null, null, WeakLinkRules.Meetings, T["WeakLink.Meetings", c.Red], WeakLinkArticles.BranchMeetings, WeakLinkRules.MeetingsScore(c.Red)));
        }

        var recent = new List<(Guid Branch, int Party, double Rate)>();
        foreach (var b in branches)
        {
            var last3 = PeriodFigures.Sum(months[b.OrgUnitId].Where(m => m.Month >= threeBack));
            if (WeakLinkRules.RateScore(last3.SignInRate, o.MinSignInRate, last3.Expected, o.MinExpected, 20) is { } a)
            {
                findings.Add(new(Key(WeakLinkRules.Attendance, b.OrgUnitId, current.ToString(System.Globalization.CultureInfo.InvariantCulture)), b.OrgUnitId, b.OrgPath,
                    b.Name, null, null, WeakLinkRules.Attendance, T["WeakLink.Attendance", Rate(last3.SignInRate), last3.SignedIn, last3.Expected, o.MinSignInRate],
                    WeakLinkArticles.Attendance, a));
            }
            // Dues over the three months before this one: this month's bills are not late until it ends.
            var dues = PeriodFigures.Sum(months[b.OrgUnitId].Where(m => m.Month >= duesFrom && m.Month < current));
            if (WeakLinkRules.RateScore(dues.DuesCollectionRate, o.MinDuesRate, dues.DuesBilled, 1, 15) is { } d)
            {
                findings.Add(new(Key(WeakLinkRules.Dues, b.OrgUnitId, current.ToString(System.Globalization.CultureInfo.InvariantCulture)), b.OrgUnitId, b.OrgPath,
                    b.Name, null, null, WeakLinkRules.Dues, T["WeakLink.Dues", Rate(dues.DuesCollectionRate), dues.DuesPaid, dues.DuesBilled, o.MinDuesRate],
                    WeakLinkArticles.Dues, d));
            }
            if (b.SmallBranches > 0)
            {
                findings.Add(new(Key(WeakLinkRules.SmallBranch, b.OrgUnitId, ""), b.OrgUnitId, b.OrgPath, b.Name, null, null, WeakLinkRules.SmallBranch,
                    T["WeakLink.SmallBranch"], WeakLinkArticles.SmallBranch, 10));
            }
            var year = PeriodFigures.Sum(months[b.OrgUnitId]);
            if (year.Expected >= o.MinExpected && year.SignInRate is { } rate) recent.Add((b.OrgUnitId, b.Party, (double)rate));
        }
        foreach (var (branch, rate, mean, z) in WeakLinkRules.BelowPeers(recent, o.PeerZ, o.MinPeers))
        {
            var b = byId[branch];
            findings.Add(new(Key(WeakLinkRules.Peers, b.OrgUnitId, current.ToString(System.Globalization.CultureInfo.InvariantCulture)), b.OrgUnitId, b.OrgPath, b.Name,
                null, null, WeakLinkRules.Peers, T["WeakLink.Peers", rate.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                    mean.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), (-z).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)],
                T["WeakLink.PeersRule", o.PeerZ], 20 + (int)Math.Round(-5 * z)));
        }

        // Terms: a unit's own committee (its total less its children's).
        var childTerms = rollups.Where(c => c.ParentId is not null).GroupBy(c => c.ParentId!.Value).ToDictionary(g => g.Key, g => g.Sum(c => c.TermsExpiring));
        foreach (var r in rollups)
        {
            var own = r.TermsExpiring - childTerms.GetValueOrDefault(r.OrgUnitId);
            if (own > 0)
            {
                findings.Add(new(Key(WeakLinkRules.Term, r.OrgUnitId, ""), r.OrgUnitId, r.OrgPath, r.Name, null, null, WeakLinkRules.Term, T["WeakLink.Term"],
                    WeakLinkArticles.Terms, 15));
            }
        }

        var lost = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Normal && m.OutOfContactSince != null)
            .Select(m => new { m.Id, m.Name, m.OrgUnitId, m.OutOfContactSince }).ToListAsync(ct);
        foreach (var m in lost.Where(m => byId.ContainsKey(m.OrgUnitId)))
        {
            var u = byId[m.OrgUnitId];
            findings.Add(new(Key(WeakLinkRules.OutOfContact, m.Id, ChinaTime.Format(m.OutOfContactSince!.Value)), u.OrgUnitId, u.OrgPath, u.Name, m.Id, m.Name,
                WeakLinkRules.OutOfContact, T["WeakLink.OutOfContact", ChinaTime.Format(m.OutOfContactSince.Value)], WeakLinkArticles.OutOfContact, 25));
        }

        // Absent, not excused, from every meeting of the last three months (at least AbsentInARow of them).
        var absent = await meetingFacts.AbsentThroughoutAsync(threeBack, o.AbsentInARow, ct);
        var absentIds = absent.Select(a => a.MemberId).ToList();
        var absentCounts = absent.ToDictionary(a => a.MemberId, a => a.Count);
        var absentPeople = await db.Members.AsNoTracking().Where(m => absentIds.Contains(m.Id) && m.Status == MembershipStatus.Normal)
            .Select(m => new { m.Id, m.Name, m.OrgUnitId }).ToListAsync(ct);
        foreach (var m in absentPeople.Where(m => byId.ContainsKey(m.OrgUnitId)))
        {
            var u = byId[m.OrgUnitId];
            var count = absentCounts[m.Id];
            findings.Add(new(Key(WeakLinkRules.Absent, m.Id, current.ToString(System.Globalization.CultureInfo.InvariantCulture)), u.OrgUnitId, u.OrgPath, u.Name, m.Id,
                m.Name, WeakLinkRules.Absent, T["WeakLink.Absent", count], WeakLinkArticles.Absent, 15 + 2 * count));
        }

        var stalledBefore = today.AddMonths(-o.StalledMonths);
        var stalledCases = await developmentFacts.StalledAsync(stalledBefore, ct);
        var stalledIds = stalledCases.Select(c => c.MemberId).ToList();
        var candidates = await db.Members.AsNoTracking().Where(m => stalledIds.Contains(m.Id)).Select(m => new { m.Id, m.Name, m.OrgUnitId }).ToDictionaryAsync(m => m.Id, ct);
        var stalled = stalledCases.Where(c => candidates.ContainsKey(c.MemberId))
            .Select(c => new { Id = c.CaseId, c.LastStep, LastStepOn = (DateOnly?)c.LastStepOn, candidates[c.MemberId].Name, candidates[c.MemberId].OrgUnitId, c.MemberId }).ToList();
        foreach (var c in stalled.Where(c => byId.ContainsKey(c.OrgUnitId)))
        {
            var u = byId[c.OrgUnitId];
            findings.Add(new(Key(WeakLinkRules.Stalled, c.Id, c.LastStep.ToString(System.Globalization.CultureInfo.InvariantCulture)), u.OrgUnitId, u.OrgPath, u.Name,
                c.MemberId, c.Name, WeakLinkRules.Stalled, T["WeakLink.Stalled", c.LastStep, ChinaTime.Format(c.LastStepOn!.Value)], WeakLinkArticles.Development, 10));
        }

        // Study hours far below the pro-rated target of the year (docs/rules/education.md#e-6), per member and year.
        var studyYear = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var m in (await study.MembersAsync(null, today.Year, ct)).Where(m => m.FarBelow && byId.ContainsKey(m.OrgUnitId)))
        {
            var u = byId[m.OrgUnitId];
            var due = Hours(m.ProRatedTarget);
            findings.Add(new(Key(WeakLinkRules.StudyFarBelow, m.MemberId, studyYear), u.OrgUnitId, u.OrgPath, u.Name, m.MemberId, m.Name, WeakLinkRules.StudyFarBelow,
                T["WeakLink.StudyFarBelow", Hours(m.Hours), due, m.TargetHours], WeakLinkArticles.Study, WeakLinkRules.StudyScore(m.Hours, m.ProRatedTarget)));
        }

        // Early warnings of the political check-up left open too long (docs/rules/points-and-assessment.md#pa-12), per unit.
        foreach (var w in (await assessment.UnhandledWarningsAsync(now.AddDays(-o.WarningsUnhandledDays), ct)).Where(w => byId.ContainsKey(w.OrgUnitId)))
        {
            var u = byId[w.OrgUnitId];
            findings.Add(new(Key(WeakLinkRules.WarningsUnhandled, u.OrgUnitId, ""), u.OrgUnitId, u.OrgPath, u.Name, null, null, WeakLinkRules.WarningsUnhandled,
                T["WeakLink.WarningsUnhandled", w.Open, o.WarningsUnhandledDays, ChinaTime.Format(w.OldestRaisedAt)], WeakLinkArticles.Warnings,
                WeakLinkRules.WarningsScore(w.Open)));
        }

        // Branches in the lowest band (or vetoed) of their latest published assessment (#pa-14, #pa-15), per branch and scheme.
        foreach (var a in (await assessment.LowestGradedAsync(ct)).Where(a => byId.ContainsKey(a.OrgUnitId)))
        {
            var u = byId[a.OrgUnitId];
            findings.Add(new(Key(WeakLinkRules.AssessmentLow, u.OrgUnitId, a.SchemeId.ToString("N")), u.OrgUnitId, u.OrgPath, u.Name, null, null,
                WeakLinkRules.AssessmentLow, a.Vetoed ? T["WeakLink.AssessmentVetoed", a.Year, a.SchemeName] : T["WeakLink.AssessmentLow", a.Year, a.SchemeName, a.Grade ?? "",
                    a.Total.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)], WeakLinkArticles.Assessment, WeakLinkRules.AssessmentScore(a.Vetoed)));
        }

        // Low participation in the points bank (docs/rules/points-and-assessment.md#pa-9), per branch and year.
        var pointsYear = WeakLinkRules.PointsYear(today);
        foreach (var p in await assessment.PointsParticipationAsync(branches.Select(b => (b.OrgUnitId, b.OrgPath)).ToList(), pointsYear, ct))
        {
            var rate = AttendanceRules.SignInRate(p.PartyMembers, p.WithPoints);
            if (WeakLinkRules.RateScore(rate, o.MinPointsParticipation, p.PartyMembers, o.MinPointsMembers, 10) is not { } score) continue;
            var u = byId[p.OrgUnitId];
            findings.Add(new(Key(WeakLinkRules.PointsLow, u.OrgUnitId, pointsYear.ToString(System.Globalization.CultureInfo.InvariantCulture)), u.OrgUnitId, u.OrgPath,
                u.Name, null, null, WeakLinkRules.PointsLow, T["WeakLink.PointsLow", pointsYear, p.WithPoints, p.PartyMembers, Rate(rate), o.MinPointsParticipation],
                WeakLinkArticles.Points, score));
        }

        return await StoreAsync(findings, now, ct);
    }

    private async Task<int> StoreAsync(List<WeakLinkFinding> findings, DateTimeOffset now, CancellationToken ct)
    {
        var stored = await db.WeakLinks.ToDictionaryAsync(w => w.Key, ct);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (!found.Add(f.Key)) continue;
            if (stored.TryGetValue(f.Key, out var w))
            {
                if (w.Status == WeakLinkStatus.Closed) continue;
                if (w.Status == WeakLinkStatus.Resolved) w.Status = WeakLinkStatus.Open;
                (w.Reason, w.Score, w.OrgUnitId, w.OrgPath, w.OrgUnitName, w.UpdatedAt) = (f.Reason, f.Score, f.OrgUnitId, f.OrgPath, f.OrgUnitName, now);
                continue;
            }
            db.WeakLinks.Add(new WeakLink
            {
                Id = Guid.CreateVersion7(now), Key = f.Key, OrgUnitId = f.OrgUnitId, OrgPath = f.OrgPath, OrgUnitName = f.OrgUnitName, MemberId = f.MemberId,
                MemberName = f.MemberName, Rule = f.Rule, Reason = f.Reason, Article = f.Article, Score = f.Score, Status = WeakLinkStatus.Open,
                DetectedAt = now, UpdatedAt = now,
            });
        }
        foreach (var w in stored.Values.Where(w => w.Status is WeakLinkStatus.Open or WeakLinkStatus.Assigned && !found.Contains(w.Key)))
        {
            w.Status = WeakLinkStatus.Resolved;
            w.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return found.Count;
    }

    private static string Key(string rule, Guid id, string period) => $"{rule}:{id:N}:{period}";

    private static string Hours(double h) => h.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static string Rate(decimal? r) => r is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}

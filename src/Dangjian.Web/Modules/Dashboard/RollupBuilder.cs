using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Modules.Dues.Reports;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Dues.Contracts;
using Dangjian.Web.Modules.Education.Contracts;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Meetings.Contracts;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Modules.Meetings.Compliance;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dashboard;

/// <summary>
/// Rebuilds the current tenant's roll-ups from the raw tables: each unit's own figures in a handful of grouped
/// queries, then summed up the tree (deepest first) so every row holds its whole subtree, and written in one
/// transaction. Months cover January two years back to the current month (China time).
/// </summary>
public sealed class RollupBuilder(AppDbContext db, TenantContext tenant, UnitCompliance compliance, DuesRoll duesRoll, MeetingFacts meetingFacts,
    DuesFacts duesFacts, StudyStanding study, TimeProvider clock,
    IOptionsSnapshot<DuesOptions> duesOptions, IOptions<OrgRulesOptions> orgOptions, ILogger<RollupBuilder> log)
{
    /// <summary>A recorded payment: the counts need only that there is one (paid on time or late, it is paid).</summary>
    private static readonly DuesPaid SomePayment = new(DateOnly.MinValue, 0, 0);

    public static (DateOnly From, DateOnly To) Window(DateOnly today) => (new DateOnly(today.Year - 2, 1, 1), new DateOnly(today.Year, today.Month, 1));

    public static int MonthKey(DateOnly d) => d.Year * 100 + d.Month;

    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var phases = new PhaseTimer();
        var today = clock.Today();
        var (windowFrom, windowTo) = Window(today);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.DissolvedAt == null)
            .Select(u => new { u.Id, u.ParentId, u.Path, u.Name, u.Kind, u.Depth }).ToListAsync(ct);
        var own = units.ToDictionary(u => u.Id, _ => new Snapshot());
        var months = units.ToDictionary(u => u.Id, _ => new Dictionary<int, Activity>());
        var byPath = units.ToDictionary(u => u.Path, u => u.Id, StringComparer.Ordinal);

        foreach (var u in units)
        {
            if (u.Kind == OrgUnitKind.Branch) own[u.Id].Branches = 1;
            if (u.Kind == OrgUnitKind.Group) own[u.Id].Groups = 1;
        }

        phases.Mark("units");
        var cutoff = today.AddYears(-35);
        var people = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Normal).GroupBy(m => m.OrgUnitId)
            .Select(g => new
            {
                Unit = g.Key, People = g.Count(),
                Full = g.Count(m => m.Category == MemberCategory.Full),
                Probationary = g.Count(m => m.Category == MemberCategory.Probationary),
                Candidates = g.Count(m => m.Category == MemberCategory.Candidate),
                Activists = g.Count(m => m.Category == MemberCategory.Activist),
                Applicants = g.Count(m => m.Category == MemberCategory.Applicant),
                Female = g.Count(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Gender == Gender.Female),
                Under35 = g.Count(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.BirthDate > cutoff),
                Mobile = g.Count(m => m.IsMobile),
                OutOfContact = g.Count(m => m.OutOfContactSince != null),
            }).ToListAsync(ct);
        foreach (var p in people)
        {
            if (!own.TryGetValue(p.Unit, out var s)) continue;
            (s.People, s.Full, s.Probationary, s.Candidates, s.Activists, s.Applicants, s.Female, s.Under35, s.Mobile, s.OutOfContact) =
                (p.People, p.Full, p.Probationary, p.Candidates, p.Activists, p.Applicants, p.Female, p.Under35, p.Mobile, p.OutOfContact);
        }
        var childrenOf = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        foreach (var u in units.Where(u => u.Kind == OrgUnitKind.Branch))
        {
            // A branch's full members include those of its groups: counted after the groups' own figures are known.
            var full = own[u.Id].Full + childrenOf[u.Id].Sum(g => own[g.Id].Full);
            if (full < 3) own[u.Id].SmallBranches = 1;
        }

        phases.Mark("people");
        foreach (var b in await compliance.AllBranchesAsync(ct))
        {
            if (!own.TryGetValue(b.OrgUnitId, out var s)) continue;
            if (b.Red > 0) s.BranchesRed = 1;
            else if (b.Yellow > 0 && b.Green == 0) s.BranchesYellow = 1;
            else s.BranchesGreen = 1;
        }

        phases.Mark("compliance");
        var horizon = today.AddMonths(orgOptions.Value.TermReminderMonths);
        foreach (var (unit, endOn) in await CommitteeRoster.LatestTermEndsAsync(db, null, ct))
        {
            if (endOn <= horizon && own.TryGetValue(unit, out var s)) s.TermsExpiring = 1;
        }

        phases.Mark("terms");
        var fromAt = new DateTimeOffset(windowFrom.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var meetings = await meetingFacts.HeldAsync(fromAt, now.AddTicks(1), null, ct);
        foreach (var m in meetings)
        {
            if (!months.TryGetValue(m.OrgUnitId, out var unitMonths)) continue;
            var a = At(unitMonths, AttendanceRules.MonthOf(m.StartsAt));
            a.Meetings++;
            if (m.ThemeDay) a.ThemeDays++;
        }

        phases.Mark("meetings");
        var fromMonth = MonthKey(windowFrom);
        var lines = await meetingFacts.RollsByPathAndMonthAsync(fromMonth, null, null, ct);
        foreach (var l in lines)
        {
            if (!byPath.TryGetValue(l.OrgPath, out var unitId)) continue;
            var a = At(months[unitId], l.Month);
            a.Expected += l.Expected;
            a.SignedIn += l.SignedIn;
            a.OnLeave += l.OnLeave;
        }

        phases.Mark("attendance");
        await DuesAsync(months, byPath, windowFrom, windowTo, today, ct);
        phases.Mark("dues");
        // Study of this China year, each unit's own party members as the learning archive counts them.
        var studies = units.ToDictionary(u => u.Id, _ => StudyFigures.Zero);
        foreach (var (unitId, figures) in await study.ByUnitAsync(today.Year, ct))
        {
            if (studies.ContainsKey(unitId)) studies[unitId] = figures;
        }
        phases.Mark("study");

        // Up the tree, deepest first: every unit's totals are its own plus its children's totals.
        foreach (var u in units.OrderByDescending(u => u.Depth))
        {
            if (u.ParentId is not { } parent || !own.ContainsKey(parent)) continue;
            own[parent].Add(own[u.Id]);
            foreach (var (month, a) in months[u.Id]) At(months[parent], month).Add(a);
            studies[parent] = Add(studies[parent], studies[u.Id]);
        }

        var rollups = units.Select(u =>
        {
            var s = own[u.Id];
            return new UnitRollup
            {
                OrgUnitId = u.Id, TenantId = tenant.TenantId, ParentId = u.ParentId, OrgPath = u.Path, Name = u.Name, Kind = u.Kind, Branches = s.Branches,
                Groups = s.Groups, SmallBranches = s.SmallBranches, People = s.People, Party = s.Full + s.Probationary, Full = s.Full,
                Probationary = s.Probationary, Candidates = s.Candidates, Activists = s.Activists, Applicants = s.Applicants, Female = s.Female,
                Under35 = s.Under35, Mobile = s.Mobile, OutOfContact = s.OutOfContact, BranchesRed = s.BranchesRed, BranchesYellow = s.BranchesYellow,
                BranchesGreen = s.BranchesGreen, TermsExpiring = s.TermsExpiring, BuiltAt = now,
            };
        }).ToList();
        var monthRows = units.SelectMany(u => months[u.Id].Select(m => new UnitMonthRollup
        {
            OrgUnitId = u.Id, Month = m.Key, TenantId = tenant.TenantId, OrgPath = u.Path, Meetings = m.Value.Meetings, ThemeDays = m.Value.ThemeDays,
            Expected = m.Value.Expected, SignedIn = m.Value.SignedIn, OnLeave = m.Value.OnLeave, DuesBilled = m.Value.DuesBilled,
            DuesPaid = m.Value.DuesPaid, DuesPaidFen = m.Value.DuesPaidFen,
        })).ToList();

        var studyRows = units.Select(u =>
        {
            var f = studies[u.Id];
            return new UnitStudyRollup
            {
                OrgUnitId = u.Id, Year = today.Year, TenantId = tenant.TenantId, OrgPath = u.Path, Members = f.Members, StudySeconds = f.StudySeconds,
                AtTarget = f.AtTarget, BelowTarget = f.BelowTarget, FarBelow = f.FarBelow, RequiredAssigned = f.RequiredAssigned,
                RequiredCompleted = f.RequiredCompleted, ExamTakers = f.ExamTakers, ExamPassers = f.ExamPassers, BuiltAt = now,
            };
        }).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.UnitMonthRollups.ExecuteDeleteAsync(ct);
        await db.UnitStudyRollups.ExecuteDeleteAsync(ct);
        await db.UnitRollups.ExecuteDeleteAsync(ct);
        await BulkInsert.InsertAsync(db, rollups, ct);
        await BulkInsert.InsertAsync(db, monthRows, ct);
        await BulkInsert.InsertAsync(db, studyRows, ct);
        await tx.CommitAsync(ct);
        phases.Mark("write");
        log.LogInformation("Roll-ups rebuilt: {Units} units, {MonthRows} month rows; {Phases}", rollups.Count, monthRows.Count, phases);
        return rollups.Count;
    }

    /// <summary>
    /// Bills due and paid per member's unit and month (the dues rules of the Dues module), and the money collected where
    /// it was paid. The roll and its bases are read once; the payments of the window are streamed once and kept as one
    /// bit per payer and month (the window is at most 36 months), since a paid month counts whatever was paid.
    /// </summary>
    private async Task DuesAsync(Dictionary<Guid, Dictionary<int, Activity>> months, Dictionary<string, Guid> byPath, DateOnly from, DateOnly to,
        DateOnly today, CancellationToken ct)
    {
        var o = duesOptions.Value;
        var partyMembers = db.Members.Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal);
        var payers = await duesRoll.PayersAsync(new DuesRoll.Scope(null!, true, partyMembers), ct);
        var index = new Dictionary<Guid, int>(payers.Count);
        for (var i = 0; i < payers.Count; i++) index[payers[i].Id] = i;
        var paidMonths = new long[payers.Count];
        await foreach (var p in duesFacts.PaidMonthsAsync(from, to, ct))
        {
            if (index.TryGetValue(p.MemberId, out var i)) paidMonths[i] |= 1L << MonthsBetween(from, p.Month);
        }
        for (var i = 0; i < payers.Count; i++)
        {
            var payer = payers[i];
            if (!months.TryGetValue(payer.OrgUnitId, out var unitMonths)) continue;
            var k = 0;
            for (var m = from; m <= to; m = m.AddMonths(1), k++)
            {
                var bill = DuesBilling.Bill(m, payer.Dues, payer.Bases, (paidMonths[i] & (1L << k)) != 0 ? SomePayment : null, today, o);
                if (!DuesBillStatus.IsBilled(bill.Status)) continue;
                var a = At(unitMonths, MonthKey(m));
                a.DuesBilled++;
                if (DuesBillStatus.IsPaid(bill.Status)) a.DuesPaid++;
            }
        }
        // The money: where it was paid (collected), whoever paid it.
        var collected = await duesFacts.CollectedByPathAndMonthAsync(from, to, null, ct);
        foreach (var c in collected)
        {
            if (byPath.TryGetValue(c.OrgPath, out var unitId)) At(months[unitId], MonthKey(c.Month)).DuesPaidFen += c.Fen;
        }
    }

    private static StudyFigures Add(StudyFigures a, StudyFigures b) => new(a.Members + b.Members, a.StudySeconds + b.StudySeconds, a.AtTarget + b.AtTarget,
        a.BelowTarget + b.BelowTarget, a.FarBelow + b.FarBelow, a.RequiredAssigned + b.RequiredAssigned, a.RequiredCompleted + b.RequiredCompleted,
        a.ExamTakers + b.ExamTakers, a.ExamPassers + b.ExamPassers);

    private static int MonthsBetween(DateOnly from, DateOnly month) => (month.Year - from.Year) * 12 + month.Month - from.Month;

    private static Activity At(Dictionary<int, Activity> unitMonths, int month)
    {
        if (!unitMonths.TryGetValue(month, out var a)) unitMonths[month] = a = new Activity();
        return a;
    }

    private sealed class Snapshot
    {
        public int Branches, Groups, SmallBranches, People, Full, Probationary, Candidates, Activists, Applicants, Female, Under35, Mobile, OutOfContact;
        public int BranchesRed, BranchesYellow, BranchesGreen, TermsExpiring;

        public void Add(Snapshot o)
        {
            Branches += o.Branches; Groups += o.Groups; SmallBranches += o.SmallBranches; People += o.People; Full += o.Full;
            Probationary += o.Probationary; Candidates += o.Candidates; Activists += o.Activists; Applicants += o.Applicants; Female += o.Female;
            Under35 += o.Under35; Mobile += o.Mobile; OutOfContact += o.OutOfContact; BranchesRed += o.BranchesRed; BranchesYellow += o.BranchesYellow;
            BranchesGreen += o.BranchesGreen; TermsExpiring += o.TermsExpiring;
        }
    }

    private sealed class Activity
    {
        public int Meetings, ThemeDays, Expected, SignedIn, OnLeave, DuesBilled, DuesPaid;
        public long DuesPaidFen;

        public void Add(Activity o)
        {
            Meetings += o.Meetings; ThemeDays += o.ThemeDays; Expected += o.Expected; SignedIn += o.SignedIn; OnLeave += o.OnLeave;
            DuesBilled += o.DuesBilled; DuesPaid += o.DuesPaid; DuesPaidFen += o.DuesPaidFen;
        }
    }

    /// <summary>Milliseconds per phase of a rebuild, for the log.</summary>
    private sealed class PhaseTimer
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private readonly List<string> marks = [];
        private long last;

        public void Mark(string phase)
        {
            var now = watch.ElapsedMilliseconds;
            marks.Add($"{phase} {now - last} ms");
            last = now;
        }

        public override string ToString() => string.Join(", ", marks);
    }
}

using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Modules.Dues.Reports;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Meetings.Compliance;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dashboard;

public sealed record NaiveFigures(BranchFigures Branches, MemberFigures Members, FunnelFigures Funnel, PeriodFigures Period, int TermsExpiring);

/// <summary>
/// The dashboard's figures computed the slow way, straight from the raw tables of one subtree, per request. Kept as
/// the yardstick: tests prove the roll-ups give the same answers, and the benchmark reports both side by side.
/// </summary>
public sealed class NaiveDashboard(AppDbContext db, UnitCompliance compliance, DuesRoll duesRoll, TimeProvider clock, IOptionsSnapshot<DuesOptions> duesOptions,
    IOptions<OrgRulesOptions> orgOptions)
{
    public async Task<NaiveFigures> ComputeAsync(string path, DateOnly firstMonth, DateOnly lastMonth, CancellationToken ct)
    {
        var today = clock.Today();
        var units = await db.OrgUnits.AsNoTracking().InSubtree(path).Where(u => u.DissolvedAt == null).Select(u => new { u.Id, u.Path, u.Kind }).ToListAsync(ct);
        var unitIds = units.Select(u => u.Id).ToList();
        var members = db.Members.AsNoTracking().InSubtree(path).Where(m => m.Status == MembershipStatus.Normal && unitIds.Contains(m.OrgUnitId));
        var cutoff = today.AddYears(-35);
        var rows = await members.Select(m => new { m.OrgPath, m.Category, m.Gender, m.BirthDate, m.IsMobile, m.OutOfContactSince }).ToListAsync(ct);
        bool Party(MemberCategory c) => c is MemberCategory.Full or MemberCategory.Probationary;
        var memberFigures = new MemberFigures(rows.Count, rows.Count(r => Party(r.Category)), rows.Count(r => r.Category == MemberCategory.Full),
            rows.Count(r => r.Category == MemberCategory.Probationary), rows.Count(r => Party(r.Category) && r.Gender == Gender.Female),
            rows.Count(r => Party(r.Category) && r.BirthDate > cutoff), rows.Count(r => r.IsMobile), rows.Count(r => r.OutOfContactSince != null));
        var funnel = new FunnelFigures(rows.Count(r => r.Category == MemberCategory.Applicant), rows.Count(r => r.Category == MemberCategory.Activist),
            rows.Count(r => r.Category == MemberCategory.Candidate), rows.Count(r => r.Category == MemberCategory.Probationary));

        var branches = units.Where(u => u.Kind == OrgUnitKind.Branch).ToList();
        var small = branches.Count(b => rows.Count(r => r.Category == MemberCategory.Full && OrgPaths.IsWithin(r.OrgPath, b.Path)
            && units.Any(u => u.Path == r.OrgPath && (u.Id == b.Id || u.Kind == OrgUnitKind.Group))) < 3);
        var ids = branches.Select(b => b.Id).ToHashSet();
        var ranked = (await compliance.AllBranchesAsync(ct)).Where(b => ids.Contains(b.OrgUnitId)).ToList();
        var red = ranked.Count(b => b.Red > 0);
        var yellow = ranked.Count(b => b.Red == 0 && b.Yellow > 0 && b.Green == 0);
        var branchFigures = new BranchFigures(branches.Count, units.Count(u => u.Kind == OrgUnitKind.Group), small, red, yellow, ranked.Count - red - yellow);

        var horizon = today.AddMonths(orgOptions.Value.TermReminderMonths);
        var terms = (await db.CommitteeTerms.AsNoTracking().Where(t => unitIds.Contains(t.OrgUnitId)).Select(t => new { t.OrgUnitId, t.Number, t.EndOn }).ToListAsync(ct))
            .GroupBy(t => t.OrgUnitId).Count(g => g.OrderByDescending(t => t.Number).First().EndOn <= horizon);

        // The period, whole months in China time.
        var fromAt = new DateTimeOffset(firstMonth.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var toAt = new DateTimeOffset(lastMonth.AddMonths(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var now = clock.GetUtcNow();
        var upper = OrgPaths.UpperBound(path);
        var held = await db.Meetings.AsNoTracking().Where(m => string.Compare(m.OrgPath, path) >= 0 && string.Compare(m.OrgPath, upper) < 0
                && unitIds.Contains(m.OrgUnitId) && m.Status != MeetingStatus.Cancelled && m.StartsAt >= fromAt && m.StartsAt < toAt && m.StartsAt <= now)
            .Select(m => m.Type).ToListAsync(ct);
        var (a, b) = (RollupBuilder.MonthKey(firstMonth), RollupBuilder.MonthKey(lastMonth));
        var unitPaths = units.Select(u => u.Path).ToHashSet(StringComparer.Ordinal);
        var lines = (await db.MeetingAttendances.AsNoTracking().UnderPath(path).Where(x => x.Month >= a && x.Month <= b)
            .Select(x => new { x.OrgPath, x.Outcome }).ToListAsync(ct)).Where(x => unitPaths.Contains(x.OrgPath)).ToList();

        var o = duesOptions.Value;
        var party = db.Members.InSubtree(path).Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary)
            && m.Status == MembershipStatus.Normal && unitIds.Contains(m.OrgUnitId));
        var payers = await duesRoll.PayersAsync(new DuesRoll.Scope(null!, true, party), ct);
        var payerIds = party.Select(m => m.Id);
        var paid = (await db.DuesPayments.AsNoTracking().Where(p => payerIds.Contains(p.MemberId) && p.Month >= firstMonth && p.Month <= lastMonth)
                .Select(p => new { p.MemberId, p.Month, p.PaidOn, p.AmountFen, p.VoluntaryFen }).ToListAsync(ct))
            .ToDictionary(p => (p.MemberId, p.Month), p => new DuesPaid(p.PaidOn, p.AmountFen, p.VoluntaryFen));
        int billed = 0, settled = 0;
        foreach (var payer in payers)
        {
            for (var m = firstMonth; m <= lastMonth; m = m.AddMonths(1))
            {
                var bill = DuesBilling.Bill(m, payer.Dues, payer.Bases, paid.GetValueOrDefault((payer.Id, m)), today, o);
                if (!DuesBillStatus.IsBilled(bill.Status)) continue;
                billed++;
                if (DuesBillStatus.IsPaid(bill.Status)) settled++;
            }
        }
        var collected = (await db.DuesPayments.AsNoTracking().InSubtree(path).Where(p => p.Month >= firstMonth && p.Month <= lastMonth)
            .Select(p => new { p.OrgPath, p.AmountFen }).ToListAsync(ct)).Where(p => unitPaths.Contains(p.OrgPath)).Sum(p => p.AmountFen);

        var period = new PeriodFigures(held.Count, held.Count(t => t == MeetingType.ThemeDay), lines.Count,
            lines.Count(x => x.Outcome is AttendanceOutcome.Present or AttendanceOutcome.Late), lines.Count(x => x.Outcome == AttendanceOutcome.OnLeave),
            billed, settled, collected);
        return new NaiveFigures(branchFigures, memberFigures, funnel, period, terms);
    }
}

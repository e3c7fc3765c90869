using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Modules.Dues.Reports;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Dues.Contracts;
using Dangjian.Web.Modules.Meetings.Contracts;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Modules.Meetings.Compliance;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dashboard;

public sealed record NaiveFigures(BranchFigures Branches, MemberFigures Members, FunnelFigures Funnel, PeriodFigures Period, int TermsExpiring)
{
    /// <summary>The study of the current China year, summed straight from the subtree's members (Education's StudyStanding).</summary>
    public Education.Contracts.StudyFigures Study { get; init; } = Education.Contracts.StudyFigures.Zero;
}

/// <summary>
/// The dashboard's figures computed the slow way, straight from the raw tables of one subtree, per request. Kept as
/// the yardstick: tests prove the roll-ups give the same answers, and the benchmark reports both side by side.
/// </summary>
public sealed class NaiveDashboard(AppDbContext db, UnitCompliance compliance, DuesRoll duesRoll, MeetingFacts meetingFacts, DuesFacts duesFacts, Education.Contracts.StudyStanding study,
    TimeProvider clock, IOptionsSnapshot<DuesOptions> duesOptions,
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
        var terms = (await CommitteeRoster.LatestTermEndsAsync(db, unitIds, ct)).Count(t => t.Value <= horizon);

        // The period, whole months in China time.
        var fromAt = new DateTimeOffset(firstMonth.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var toAt = new DateTimeOffset(lastMonth.AddMonths(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var now = clock.GetUtcNow();
        var upper = OrgPaths.UpperBound(path);
        var unitSet = unitIds.ToHashSet();
        var held = (await meetingFacts.HeldAsync(fromAt, toAt < now.AddTicks(1) ? toAt : now.AddTicks(1), path, ct)).Where(m => unitSet.Contains(m.OrgUnitId)).ToList();
        var (a, b) = (RollupBuilder.MonthKey(firstMonth), RollupBuilder.MonthKey(lastMonth));
        var unitPaths = units.Select(u => u.Path).ToHashSet(StringComparer.Ordinal);
        var lines = (await meetingFacts.RollsByPathAndMonthAsync(a, b, path, ct)).Where(x => unitPaths.Contains(x.OrgPath)).ToList();

        var o = duesOptions.Value;
        var party = db.Members.InSubtree(path).Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary)
            && m.Status == MembershipStatus.Normal && unitIds.Contains(m.OrgUnitId));
        var payers = await duesRoll.PayersAsync(new DuesRoll.Scope(null!, true, party), ct);
        var payerIds = party.Select(m => m.Id);
        var paid = await duesFacts.PaymentsAsync(payerIds, firstMonth, lastMonth, ct);
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
        var collected = (await duesFacts.CollectedByPathAndMonthAsync(firstMonth, lastMonth, path, ct)).Where(p => unitPaths.Contains(p.OrgPath)).Sum(p => p.Fen);

        var period = new PeriodFigures(held.Count, held.Count(m => m.ThemeDay), lines.Sum(x => x.Expected), lines.Sum(x => x.SignedIn), lines.Sum(x => x.OnLeave),
            billed, settled, collected);
        var studied = Education.Contracts.StudyFigures.Of((await study.MembersAsync(path, today.Year, ct)).Where(m => unitSet.Contains(m.OrgUnitId)));
        return new NaiveFigures(branchFigures, memberFigures, funnel, period, terms) { Study = studied };
    }
}

using Dangjian.Web.Platform;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues.Payments;

/// <summary>
/// "党费交至 YYYY年MM月" of a transfer letter, from the dues records: the latest month M such that every month up to
/// M that has a bill is settled. Month by month, with the statuses of <see cref="DuesBilling.Bill"/>:
/// <list type="bullet">
/// <item>paid, backPaid, exempt: settled; M moves to this month;</item>
/// <item>unpaid: a gap; M stops before it (a month paid after the gap does not count);</item>
/// <item>notDue (not a party member yet) and noBase (before the dues records begin): no bill; passed over;</item>
/// <item>a month after the current one counts only when paid in advance; the first one not paid ends the count.</item>
/// </list>
/// Null when no month is settled (no payments, or the first billed month is unpaid). Pure: no I/O.
/// </summary>
public static class DuesPaidUntilRule
{
    public static DateOnly? Compute(DuesPayer payer, IReadOnlyList<(DateOnly EffectiveMonth, DuesCategory Category, long BaseFen)> bases,
        IReadOnlyDictionary<DateOnly, DuesPaid> payments, DateOnly today, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(payments);
        if (!payer.IsPartyMember) return null;
        var starts = bases.Select(b => DuesMonth.Of(b.EffectiveMonth)).Concat(payments.Keys.Select(DuesMonth.Of)).ToList();
        // Months settled with the former organisation (an incoming letter's 党费交至) count as paid.
        if (starts.Count == 0) return payer.SettledUntil is { } only ? DuesMonth.Of(only) : null;

        var current = DuesMonth.Of(today);
        DateOnly? settled = null;
        for (var m = starts.Min(); ; m = m.AddMonths(1))
        {
            var status = DuesBilling.Bill(m, payer, bases, payments.GetValueOrDefault(m), today, o).Status;
            if (status is DuesBillStatus.Paid or DuesBillStatus.BackPaid or DuesBillStatus.Exempt or DuesBillStatus.SettledElsewhere)
            {
                settled = m;
                continue;
            }
            if (status == DuesBillStatus.Unpaid || DuesMonth.Index(m) > DuesMonth.Index(current)) return settled;
        }
    }
}

/// <summary>Reads a member's bases and payments and applies <see cref="DuesPaidUntilRule"/>; the caller has checked access.</summary>
[ModuleContract]
public sealed class DuesPaidUntil(AppDbContext db, TimeProvider clock, IOptionsSnapshot<DuesOptions> options)
{
    public async Task<DateOnly?> ForAsync(Guid memberId, MemberCategory category, DateOnly? joinedOn, CancellationToken ct)
    {
        var settledUntil = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.DuesSettledUntil).FirstOrDefaultAsync(ct);
        var bases = await db.DuesBases.AsNoTracking().Where(b => b.MemberId == memberId).ToListAsync(ct);
        var payments = await db.DuesPayments.AsNoTracking().Where(p => p.MemberId == memberId).ToListAsync(ct);
        return DuesPaidUntilRule.Compute(DuesPayer.Of(category, joinedOn, settledUntil), DuesMapping.Facts(bases),
            payments.ToDictionary(p => DuesMonth.Of(p.Month), DuesMapping.Paid), clock.Today(), options.Value);
    }
}

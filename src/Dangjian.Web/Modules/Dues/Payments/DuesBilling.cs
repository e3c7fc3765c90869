using Dangjian.Web.Platform;
using Dangjian.Web.Modules.Members;

namespace Dangjian.Web.Modules.Dues.Payments;

/// <summary>The status of one month's bill, as the API spells it.</summary>
[ModuleContract]
public static class DuesBillStatus
{
    /// <summary>Paid by the end of the month (or in advance).</summary>
    public const string Paid = "paid";

    /// <summary>Paid after the month had ended (补交).</summary>
    public const string BackPaid = "backPaid";

    /// <summary>Due (the month has come, a base is in force, the amount is not 0) and not paid.</summary>
    public const string Unpaid = "unpaid";

    /// <summary>A base is in force but the month's amount is 0 (a zero base, e.g. dues waived under 第七条).</summary>
    public const string Exempt = "exempt";

    /// <summary>Not billed: a month after the current one, before the first bill month, or the person is not a party member.</summary>
    public const string NotDue = "notDue";

    /// <summary>The month is due but no base is in force for it, so the amount is unknown: the branch must set one.</summary>
    public const string NoBase = "noBase";

    /// <summary>Paid at the former organisation before the person transferred in (党费交至 on the 介绍信): not billed here.</summary>
    public const string SettledElsewhere = "settledElsewhere";

    /// <summary>A bill was issued for the month: it is due now, or it was paid (in advance).</summary>
    public static bool IsBilled(string status) => status is Paid or BackPaid or Unpaid;

    public static bool IsPaid(string status) => status is Paid or BackPaid;
}

/// <summary>
/// Who pays: only party members, from the month of the 支部大会 resolution (加入党组织日期, 第八条). Months up to
/// <see cref="SettledUntil"/> were paid at the organisation the person transferred in from.
/// </summary>
[ModuleContract]
public readonly record struct DuesPayer(bool IsPartyMember, DateOnly? FirstBillMonth, DateOnly? SettledUntil = null)
{
    public static DuesPayer Of(MemberCategory category, DateOnly? joinedOn, DateOnly? settledUntil = null) =>
        new(Member.IsPartyMember(category), joinedOn is { } j ? DuesMonth.Of(j) : null, settledUntil is { } s ? DuesMonth.Of(s) : null);

    /// <summary>A party member owes dues for the month (without a joining date on record, for every month).</summary>
    public bool IsBillable(DateOnly month) =>
        IsPartyMember && (FirstBillMonth is not { } first || DuesMonth.Index(month) >= DuesMonth.Index(first));

    /// <summary>The month was paid at the former organisation (党费交至 on the 介绍信 the person arrived with).</summary>
    public bool IsSettledElsewhere(DateOnly month) => SettledUntil is { } s && DuesMonth.Index(month) <= DuesMonth.Index(s);
}

/// <summary>A recorded payment, as far as the bill needs it.</summary>
[ModuleContract]
public sealed record DuesPaid(DateOnly PaidOn, long AmountFen, long VoluntaryFen);

/// <summary>One month's bill: the computed amount (0 when not billable or without a base) and its status.</summary>
[ModuleContract]
public sealed record DuesBill(DateOnly Month, long AmountFen, string Status);

/// <summary>
/// Bills and arrears from a member's bases and payments: pure functions over DuesRules, no I/O. Months compare by
/// year and month only.
/// </summary>
[ModuleContract]
public static class DuesBilling
{
    public static DuesBill Bill(DateOnly month, DuesPayer payer, IReadOnlyList<(DateOnly EffectiveMonth, DuesCategory Category, long BaseFen)> bases,
        DuesPaid? paid, DateOnly today, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(bases);
        month = DuesMonth.Of(month);
        var billable = payer.IsBillable(month);
        var hasBase = HasBase(month, bases);
        var settled = payer.IsSettledElsewhere(month);
        // A month paid at the former organisation has nothing to bill here, unless it was paid here all the same
        // (someone who transferred out and came back): then the bill shows what was due.
        var amount = billable && hasBase && (!settled || paid is not null) ? DuesRules.MonthlyAmountFor(month, bases, o) : 0;
        string status;
        if (paid is not null) status = paid.PaidOn <= DuesMonth.End(month) ? DuesBillStatus.Paid : DuesBillStatus.BackPaid;
        else if (billable && settled) status = DuesBillStatus.SettledElsewhere;
        else if (!billable || DuesMonth.Index(month) > DuesMonth.Index(today)) status = DuesBillStatus.NotDue;
        else if (!hasBase) status = DuesBillStatus.NoBase;
        else if (amount == 0) status = DuesBillStatus.Exempt;
        else status = DuesBillStatus.Unpaid;
        return new DuesBill(month, amount, status);
    }

    /// <summary>The base in force for the month: the latest that takes effect in it or before (as DuesRules.MonthlyAmountFor picks it).</summary>
    public static (DateOnly EffectiveMonth, DuesCategory Category, long BaseFen)? InForce(DateOnly month,
        IReadOnlyList<(DateOnly EffectiveMonth, DuesCategory Category, long BaseFen)> bases)
    {
        ArgumentNullException.ThrowIfNull(bases);
        var target = DuesMonth.Index(month);
        (DateOnly, DuesCategory, long)? inForce = null;
        var inForceIndex = int.MinValue;
        foreach (var b in bases)
        {
            var index = DuesMonth.Index(b.EffectiveMonth);
            if (index <= target && index >= inForceIndex)
            {
                inForce = b;
                inForceIndex = index;
            }
        }
        return inForce;
    }

    /// <summary>Whether a base is in force for the month (one takes effect in it or before).</summary>
    public static bool HasBase(DateOnly month, IReadOnlyList<(DateOnly EffectiveMonth, DuesCategory Category, long BaseFen)> bases)
    {
        var index = DuesMonth.Index(month);
        return bases.Any(b => DuesMonth.Index(b.EffectiveMonth) <= index);
    }

    /// <summary>
    /// Consecutive unpaid months ending with <paramref name="lastMonth"/> (第十三条 counts months that have passed, so the
    /// caller passes the month before the current one). The run stops at a paid month, and at a month that was never
    /// billed: before the first bill month, paid at the former organisation, without a base, or with an amount of 0.
    /// <paramref name="latestPaidMonth"/> is the latest month paid up to <paramref name="lastMonth"/>, if any.
    /// </summary>
    public static int UnpaidRun(DateOnly lastMonth, DuesPayer payer, IReadOnlyList<(DateOnly EffectiveMonth, DuesCategory Category, long BaseFen)> bases,
        DateOnly? latestPaidMonth, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(bases);
        var run = 0;
        var paidIndex = latestPaidMonth is { } p ? DuesMonth.Index(p) : int.MinValue;
        // Bounded: before the earliest base every month is "no base", which ends the run.
        for (var m = DuesMonth.Of(lastMonth); DuesMonth.Index(m) > paidIndex; m = m.AddMonths(-1))
        {
            if (!payer.IsBillable(m) || payer.IsSettledElsewhere(m) || !HasBase(m, bases) || DuesRules.MonthlyAmountFor(m, bases, o) == 0) break;
            run++;
        }
        return run;
    }
}

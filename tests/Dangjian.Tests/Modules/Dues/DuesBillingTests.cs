using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Members;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// Bills and arrears runs as pure functions: the status of a month from the payer, the bases and a payment, and the
/// run of unpaid months that 第十三条 counts. Today is 2026-11-22 throughout; every amount is worked out by hand.
/// </summary>
public sealed class DuesBillingTests
{
    private static readonly DuesOptions Defaults = new();
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DuesPayer Full2010 = DuesPayer.Of(MemberCategory.Full, new DateOnly(2010, 7, 1));

    // ¥4,000 from January (1% → ¥40), ¥6,000 from July (1.5% → ¥90).
    private static readonly List<(DateOnly, DuesCategory, long)> JanuaryThenJuly =
    [
        (new DateOnly(2026, 1, 1), DuesCategory.Serving, 400_000),
        (new DateOnly(2026, 7, 1), DuesCategory.Serving, 600_000),
    ];

    private static DateOnly M(int year, int month) => new(year, month, 1);

    [Theory]
    [InlineData(6, 4_000)]
    [InlineData(7, 9_000)]   // the new base applies from its month (第十条)
    [InlineData(11, 9_000)]
    public void Bill_BaseChangedInJuly_OldAmountBeforeNewFromJuly(int month, long amountFen)
    {
        var bill = DuesBilling.Bill(M(2026, month), Full2010, JanuaryThenJuly, null, Today, Defaults);
        bill.ShouldBe(new DuesBill(M(2026, month), amountFen, DuesBillStatus.Unpaid));
    }

    [Theory]
    [InlineData("2026-09-30", DuesBillStatus.Paid)]      // the last day of the month is in time
    [InlineData("2026-10-01", DuesBillStatus.BackPaid)]  // the day after is a back-payment
    [InlineData("2026-08-15", DuesBillStatus.Paid)]      // in advance
    public void Bill_PaidOnAroundMonthEnd_PaidOrBackPaid(string paidOn, string status)
    {
        var paid = new DuesPaid(DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture), 9_000, 0);
        DuesBilling.Bill(M(2026, 9), Full2010, JanuaryThenJuly, paid, Today, Defaults).Status.ShouldBe(status);
    }

    [Fact]
    public void Bill_CurrentMonthUnpaid_UnpaidNextMonthNotDue()
    {
        DuesBilling.Bill(M(2026, 11), Full2010, JanuaryThenJuly, null, Today, Defaults).Status.ShouldBe(DuesBillStatus.Unpaid);
        var december = DuesBilling.Bill(M(2026, 12), Full2010, JanuaryThenJuly, null, Today, Defaults);
        december.ShouldBe(new DuesBill(M(2026, 12), 9_000, DuesBillStatus.NotDue));  // the amount is shown for advance payment
    }

    [Fact]
    public void Bill_ProbationaryFromMarch15_FebruaryNotDueMarchBilled()
    {
        var payer = DuesPayer.Of(MemberCategory.Probationary, new DateOnly(2026, 3, 15));
        DuesBilling.Bill(M(2026, 2), payer, JanuaryThenJuly, null, Today, Defaults).ShouldBe(new DuesBill(M(2026, 2), 0, DuesBillStatus.NotDue));
        DuesBilling.Bill(M(2026, 3), payer, JanuaryThenJuly, null, Today, Defaults).ShouldBe(new DuesBill(M(2026, 3), 4_000, DuesBillStatus.Unpaid));
    }

    [Theory]
    [InlineData(MemberCategory.Masses)]
    [InlineData(MemberCategory.Applicant)]
    [InlineData(MemberCategory.Activist)]
    [InlineData(MemberCategory.Candidate)]
    public void Bill_NotPartyMember_NeverBilled(MemberCategory category)
    {
        var payer = DuesPayer.Of(category, null);
        DuesBilling.Bill(M(2026, 10), payer, JanuaryThenJuly, null, Today, Defaults).ShouldBe(new DuesBill(M(2026, 10), 0, DuesBillStatus.NotDue));
    }

    [Fact]
    public void Bill_DueMonthBeforeFirstBase_NoBase()
    {
        DuesBilling.Bill(M(2025, 12), Full2010, JanuaryThenJuly, null, Today, Defaults).ShouldBe(new DuesBill(M(2025, 12), 0, DuesBillStatus.NoBase));
    }

    [Fact]
    public void Bill_ZeroBase_Exempt()
    {
        List<(DateOnly, DuesCategory, long)> zero = [(M(2026, 1), DuesCategory.Serving, 0)];
        DuesBilling.Bill(M(2026, 5), Full2010, zero, null, Today, Defaults).ShouldBe(new DuesBill(M(2026, 5), 0, DuesBillStatus.Exempt));
    }

    [Theory]
    [InlineData(null, 10)]           // January to October: nothing ever paid
    [InlineData(7, 3)]               // August, September, October
    [InlineData(4, 6)]               // May to October
    [InlineData(10, 0)]              // last month paid
    public void UnpaidRun_LatestPaidMonth_MonthsAfterItUpToLastMonth(int? latestPaid, int expected)
    {
        var run = DuesBilling.UnpaidRun(M(2026, 10), Full2010, JanuaryThenJuly, latestPaid is { } m ? M(2026, m) : null, Defaults);
        run.ShouldBe(expected);
    }

    [Fact]
    public void UnpaidRun_ZeroBaseInBetween_RunEndsThere()
    {
        // Waived (base 0) in June and July, billed again from August: the run is August–October.
        List<(DateOnly, DuesCategory, long)> bases =
        [
            (M(2026, 1), DuesCategory.Serving, 400_000), (M(2026, 6), DuesCategory.Serving, 0), (M(2026, 8), DuesCategory.Serving, 400_000),
        ];
        DuesBilling.UnpaidRun(M(2026, 10), Full2010, bases, null, Defaults).ShouldBe(3);
    }

    [Fact]
    public void UnpaidRun_ProbationaryFromMarch_CountsFromMarchOnly()
    {
        var payer = DuesPayer.Of(MemberCategory.Probationary, new DateOnly(2026, 3, 31));
        DuesBilling.UnpaidRun(M(2026, 10), payer, JanuaryThenJuly, null, Defaults).ShouldBe(8);  // March–October
    }

    [Fact]
    public void UnpaidRun_NoBase_Zero()
    {
        DuesBilling.UnpaidRun(M(2026, 10), Full2010, [], null, Defaults).ShouldBe(0);
    }

    // Arrived with a letter saying 党费交至 2026-07: paid at the former organisation up to and including July.
    private static readonly DuesPayer SettledToJuly = DuesPayer.Of(MemberCategory.Full, new DateOnly(2010, 7, 1), new DateOnly(2026, 7, 15));

    [Theory]
    [InlineData(1, 0, DuesBillStatus.SettledElsewhere)]
    [InlineData(7, 0, DuesBillStatus.SettledElsewhere)]  // the month on the letter itself was paid there
    [InlineData(8, 9_000, DuesBillStatus.Unpaid)]        // the month after is due here
    public void Bill_SettledAtFormerOrganisationToJuly_NotBilledUpToJuly(int month, long amountFen, string status)
    {
        DuesBilling.Bill(M(2026, month), SettledToJuly, JanuaryThenJuly, null, Today, Defaults).ShouldBe(new DuesBill(M(2026, month), amountFen, status));
        DuesBillStatus.IsBilled(status).ShouldBe(status == DuesBillStatus.Unpaid);
    }

    [Theory]
    [InlineData(null, 2026, 1, false)]          // no letter: nothing settled elsewhere
    [InlineData("2026-07-01", 2026, 6, true)]
    [InlineData("2026-07-01", 2026, 7, true)]   // the month named on the letter is settled
    [InlineData("2026-07-01", 2026, 8, false)]  // the next month is billed here
    [InlineData("2026-07-31", 2026, 7, true)]   // only the month of the date counts, not its day
    [InlineData("2026-07-31", 2026, 8, false)]
    [InlineData("2025-12-01", 2025, 12, true)]  // across the year end
    [InlineData("2025-12-01", 2026, 1, false)]
    [InlineData("2025-12-01", 2024, 1, true)]   // every earlier month, however far back
    public void IsSettledElsewhere_MonthNamedOnLetter_SettledNextMonthNot(string? settledUntil, int year, int month, bool settled)
    {
        var payer = DuesPayer.Of(MemberCategory.Full, new DateOnly(2010, 7, 1),
            settledUntil is null ? null : DateOnly.Parse(settledUntil, System.Globalization.CultureInfo.InvariantCulture));
        payer.IsSettledElsewhere(M(year, month)).ShouldBe(settled);
        payer.IsBillable(M(year, month)).ShouldBeTrue();  // still a party member who owes dues: only not here
    }

    [Theory]
    [InlineData(2025, 12, 0, DuesBillStatus.SettledElsewhere)]
    [InlineData(2026, 1, 4_000, DuesBillStatus.Unpaid)]
    public void Bill_SettledToDecember_JanuaryOfNextYearBilled(int year, int month, long amountFen, string status)
    {
        List<(DateOnly, DuesCategory, long)> bases = [(M(2025, 1), DuesCategory.Serving, 400_000)];
        var payer = DuesPayer.Of(MemberCategory.Full, new DateOnly(2010, 7, 1), M(2025, 12));
        DuesBilling.Bill(M(year, month), payer, bases, null, Today, Defaults).ShouldBe(new DuesBill(M(year, month), amountFen, status));
    }

    [Theory]
    [InlineData(11, DuesBillStatus.SettledElsewhere)]  // this month: paid there, not due here
    [InlineData(12, DuesBillStatus.SettledElsewhere)]  // paid there in advance: neither due nor "not yet due"
    [InlineData(1, DuesBillStatus.NotDue)]             // January 2027: the first month owed here, in the future
    public void Bill_PaidThereInAdvanceToDecember_FutureMonthsSettledThenNotDue(int month, string status)
    {
        var payer = DuesPayer.Of(MemberCategory.Full, new DateOnly(2010, 7, 1), M(2026, 12));
        var at = M(month == 1 ? 2027 : 2026, month);
        var bill = DuesBilling.Bill(at, payer, JanuaryThenJuly, null, Today, Defaults);
        bill.Status.ShouldBe(status);
        bill.AmountFen.ShouldBe(status == DuesBillStatus.NotDue ? 9_000 : 0);
    }

    [Fact]
    public void Bill_PaidHereInSettledMonth_ShowsThePayment()
    {
        // A member who paid July here before transferring out and back: the payment recorded here wins.
        var paid = new DuesPaid(new DateOnly(2026, 7, 10), 9_000, 0);
        DuesBilling.Bill(M(2026, 7), SettledToJuly, JanuaryThenJuly, paid, Today, Defaults).ShouldBe(new DuesBill(M(2026, 7), 9_000, DuesBillStatus.Paid));
    }

    [Fact]
    public void Bill_SettledMonthBeforeFirstBillMonth_NotDue()
    {
        // Joined in September: earlier months were never owed, whatever the letter says.
        var payer = DuesPayer.Of(MemberCategory.Probationary, new DateOnly(2026, 9, 3), new DateOnly(2026, 10, 1));
        DuesBilling.Bill(M(2026, 8), payer, JanuaryThenJuly, null, Today, Defaults).Status.ShouldBe(DuesBillStatus.NotDue);
        DuesBilling.Bill(M(2026, 9), payer, JanuaryThenJuly, null, Today, Defaults).Status.ShouldBe(DuesBillStatus.SettledElsewhere);
    }

    [Theory]
    [InlineData(7, null, 3)]   // August–October
    [InlineData(10, null, 0)]  // paid there up to last month
    [InlineData(4, 8, 2)]      // paid here in August: September, October
    [InlineData(9, 5, 1)]      // the letter reaches later than the last payment here: October only
    public void UnpaidRun_SettledElsewhere_StopsAtTheLetterMonth(int settledMonth, int? latestPaid, int expected)
    {
        var payer = DuesPayer.Of(MemberCategory.Full, new DateOnly(2010, 7, 1), M(2026, settledMonth));
        DuesBilling.UnpaidRun(M(2026, 10), payer, JanuaryThenJuly, latestPaid is { } m ? M(2026, m) : null, Defaults).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-07", 2026, 7)]
    [InlineData("2026-07-01", 2026, 7)]
    [InlineData(" 2027-01 ", 2027, 1)]
    public void TryParse_MonthOrFirstDay_Accepted(string text, int year, int month)
    {
        DuesMonth.TryParse(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(new DateOnly(year, month, 1));
    }

    [Theory]
    [InlineData("2026-07-15")]  // a day other than the first
    [InlineData("2026-13")]
    [InlineData("2026/07")]
    [InlineData("七月")]
    [InlineData("")]
    public void TryParse_Other_Refused(string text)
    {
        DuesMonth.TryParse(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, "¥0.00")]
    [InlineData(20, "¥0.20")]
    [InlineData(123_456, "¥1,234.56")]
    [InlineData(100_000, "¥1,000.00")]
    public void Yuan_Fen_TwoDecimals(long fen, string expected)
    {
        DuesFormat.Yuan(fen).ShouldBe(expected);
    }
}

using Dangjian.Web.Modules.Dues;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// The dues rules of docs/rules/dues.md at their boundaries: the serving and retiree bands on the whole base, fixed amounts,
/// half-up rounding to the fen, a base change in July, the 6-month payment windows, arrears at 3 and 6 months, the
/// ¥1,000 voluntary threshold and the Centre's 5%. Every expected amount is worked out by hand in the table.
/// </summary>
public sealed class DuesRulesTests
{
    private const string Serving = "《关于中国共产党党费收缴、使用和管理的规定》第二条";
    private const string AnnualSalary = "《关于中国共产党党费收缴、使用和管理的规定》第三条";
    private const string NoMonthlyIncome = "《关于中国共产党党费收缴、使用和管理的规定》第四条";
    private const string Retired = "《关于中国共产党党费收缴、使用和管理的规定》第五条";
    private const string Fixed = "《关于中国共产党党费收缴、使用和管理的规定》第六条";

    private static readonly DuesOptions Defaults = new();

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0, 0, "0.5%")]
    [InlineData(299_999, 1_500, "0.5%")]     // 1499.995 → 1500
    [InlineData(300_000, 1_500, "0.5%")]     // ¥3,000 itself is in the 0.5% band
    [InlineData(300_001, 3_000, "1%")]       // 3000.01 → 3000: the whole base at 1%, not marginal
    [InlineData(400_000, 4_000, "1%")]
    [InlineData(500_000, 5_000, "1%")]       // ¥5,000 itself is in the 1% band
    [InlineData(500_001, 7_500, "1.5%")]     // 7500.015 → 7500
    [InlineData(1_000_000, 15_000, "1.5%")]  // ¥10,000 itself is in the 1.5% band
    [InlineData(1_000_001, 20_000, "2%")]    // 20000.02 → 20000
    [InlineData(1_234_567, 24_691, "2%")]    // 24691.34 → 24691
    public void Calculate_ServingAroundEachBandBoundary_WholeBaseAtItsBandRate(long baseFen, long amountFen, string rate)
    {
        DuesRules.Calculate(DuesCategory.Serving, baseFen, Defaults).ShouldBe(new DuesQuote(amountFen, rate, Serving));
    }

    [Theory]
    [InlineData(DuesCategory.AnnualSalary, 300_000, 1_500, "0.5%", AnnualSalary)]
    [InlineData(DuesCategory.AnnualSalary, 300_001, 3_000, "1%", AnnualSalary)]
    [InlineData(DuesCategory.AnnualSalary, 1_000_001, 20_000, "2%", AnnualSalary)]
    [InlineData(DuesCategory.NoMonthlyIncome, 500_000, 5_000, "1%", NoMonthlyIncome)]
    [InlineData(DuesCategory.NoMonthlyIncome, 500_001, 7_500, "1.5%", NoMonthlyIncome)]
    [InlineData(DuesCategory.NoMonthlyIncome, 1_000_000, 15_000, "1.5%", NoMonthlyIncome)]
    public void Calculate_AnnualSalaryAndNoMonthlyIncome_ServingBandsWithTheirOwnArticle(
        DuesCategory category, long baseFen, long amountFen, string rate, string rule)
    {
        DuesRules.Calculate(category, baseFen, Defaults).ShouldBe(new DuesQuote(amountFen, rate, rule));
    }

    [Theory]
    [InlineData(0, 0, "0.5%")]
    [InlineData(300_001, 1_500, "0.5%")]   // 1500.005 → 1500: the serving 1% band does not apply to pensions
    [InlineData(500_000, 2_500, "0.5%")]   // ¥5,000 itself is in the 0.5% band
    [InlineData(500_001, 5_000, "1%")]     // 5000.01 → 5000
    [InlineData(1_500_000, 15_000, "1%")]  // no 1.5% or 2% band for retirees
    public void Calculate_RetiredAroundFiveThousand_HalfPercentThenOnePercent(long baseFen, long amountFen, string rate)
    {
        DuesRules.Calculate(DuesCategory.Retired, baseFen, Defaults).ShouldBe(new DuesQuote(amountFen, rate, Retired));
    }

    [Theory]
    [InlineData(DuesCategory.Farmer, 0)]
    [InlineData(DuesCategory.Farmer, 2_000_000)]
    [InlineData(DuesCategory.Student, 0)]
    [InlineData(DuesCategory.Student, 800_000)]
    [InlineData(DuesCategory.Unemployed, 100)]
    [InlineData(DuesCategory.Relief, 300_001)]
    public void Calculate_FixedAmountCategory_TwentyFenWhateverTheBase(DuesCategory category, long baseFen)
    {
        DuesRules.Calculate(category, baseFen, Defaults).ShouldBe(new DuesQuote(20, "定额", Fixed));
    }

    [Fact]
    public void Calculate_ConfiguredFixedAmounts_FarmerAndOthersTakeTheirOwnSetting()
    {
        var o = new DuesOptions { FarmerMonthlyFen = 100, FixedMonthlyFen = 30 };
        DuesRules.Calculate(DuesCategory.Farmer, 500_000, o).AmountFen.ShouldBe(100);
        DuesRules.Calculate(DuesCategory.Student, 500_000, o).AmountFen.ShouldBe(30);
        DuesRules.Calculate(DuesCategory.Unemployed, 500_000, o).AmountFen.ShouldBe(30);
        DuesRules.Calculate(DuesCategory.Relief, 500_000, o).AmountFen.ShouldBe(30);
    }

    [Theory]
    [InlineData(DuesCategory.Serving, 99, 0)]        // 0.495 → 0
    [InlineData(DuesCategory.Serving, 100, 1)]       // 0.5 → 1 (half up, not to even)
    [InlineData(DuesCategory.Serving, 101, 1)]       // 0.505 → 1
    [InlineData(DuesCategory.Serving, 500, 3)]       // 2.5 → 3 (to even would give 2)
    [InlineData(DuesCategory.Serving, 300_050, 3_001)]   // 3000.5 → 3001
    [InlineData(DuesCategory.Serving, 500_100, 7_502)]   // 7501.5 → 7502
    [InlineData(DuesCategory.Serving, 1_000_025, 20_001)] // 20000.5 → 20001
    [InlineData(DuesCategory.Retired, 700, 4)]       // 3.5 → 4
    [InlineData(DuesCategory.Retired, 500_050, 5_001)]   // 5000.5 → 5001
    public void Calculate_HalfFen_RoundsHalfUp(DuesCategory category, long baseFen, long amountFen)
    {
        DuesRules.Calculate(category, baseFen, Defaults).AmountFen.ShouldBe(amountFen);
    }

    [Theory]
    [InlineData(100, 0)]  // 0.5 → 0
    [InlineData(300, 2)]  // 1.5 → 2
    [InlineData(500, 2)]  // 2.5 → 2
    public void Calculate_RoundingSetToEven_SettingHonoured(long baseFen, long amountFen)
    {
        var o = new DuesOptions { Rounding = MidpointRounding.ToEven };
        DuesRules.Calculate(DuesCategory.Serving, baseFen, o).AmountFen.ShouldBe(amountFen);
    }

    [Theory]
    [InlineData(DuesCategory.Serving)]
    [InlineData(DuesCategory.Retired)]
    [InlineData(DuesCategory.Farmer)]
    public void Calculate_NegativeBase_Throws(DuesCategory category)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DuesRules.Calculate(category, -1, Defaults));
    }

    [Fact]
    public void Calculate_UndefinedCategory_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DuesRules.Calculate((DuesCategory)99, 100_000, Defaults));
    }

    [Theory]
    [InlineData(DuesCategory.Serving, true)]
    [InlineData(DuesCategory.AnnualSalary, true)]
    [InlineData(DuesCategory.NoMonthlyIncome, true)]
    [InlineData(DuesCategory.Retired, true)]
    [InlineData(DuesCategory.Farmer, false)]
    [InlineData(DuesCategory.Student, false)]
    [InlineData(DuesCategory.Unemployed, false)]
    [InlineData(DuesCategory.Relief, false)]
    public void UsesBase_EachCategory_OnlyTheBandedOnes(DuesCategory category, bool expected)
    {
        DuesRules.UsesBase(category).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-11-22", "2026-11-01", true)]   // the current month
    [InlineData("2026-11-22", "2026-10-31", true)]   // 1 month back
    [InlineData("2026-11-22", "2026-05-01", true)]   // exactly 6 months back
    [InlineData("2026-11-22", "2026-05-31", true)]   // the day inside the month does not matter
    [InlineData("2026-11-22", "2026-04-30", false)]  // 7 months back
    [InlineData("2026-11-22", "2026-12-01", false)]  // a future month is advance payment, not back-payment
    [InlineData("2026-03-10", "2025-09-01", true)]   // 6 months back across the year end
    [InlineData("2026-03-10", "2025-08-01", false)]  // 7 months back across the year end
    [InlineData("2026-11-01", "2026-05-31", true)]   // first day of the month: still 6 months
    public void IsBackPaymentAllowed_AroundSixMonths_AllowedUpToSixRefusedFromSeven(string today, string billMonth, bool expected)
    {
        DuesRules.IsBackPaymentAllowed(D(billMonth), D(today), Defaults).ShouldBe(expected);
    }

    [Fact]
    public void IsBackPaymentAllowed_ConfiguredThreeMonths_FourRefused()
    {
        var o = new DuesOptions { BackPaymentMonths = 3 };
        var today = new DateOnly(2026, 11, 22);
        DuesRules.IsBackPaymentAllowed(new DateOnly(2026, 8, 1), today, o).ShouldBeTrue();
        DuesRules.IsBackPaymentAllowed(new DateOnly(2026, 7, 1), today, o).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-11-22", "2026-11-01", true)]   // the current month
    [InlineData("2026-11-22", "2027-05-01", true)]   // exactly 6 months ahead, across the year end
    [InlineData("2026-11-22", "2027-05-31", true)]
    [InlineData("2026-11-22", "2027-06-01", false)]  // 7 months ahead
    [InlineData("2026-11-22", "2026-10-01", false)]  // a past month is back-payment, not advance
    public void IsAdvanceAllowed_AroundSixMonths_AllowedUpToSixRefusedFromSeven(string today, string billMonth, bool expected)
    {
        DuesRules.IsAdvanceAllowed(D(billMonth), D(today), Defaults).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, ArrearsLevel.None)]
    [InlineData(2, ArrearsLevel.None)]
    [InlineData(3, ArrearsLevel.Warning)]
    [InlineData(5, ArrearsLevel.Warning)]
    [InlineData(6, ArrearsLevel.Flag)]
    [InlineData(24, ArrearsLevel.Flag)]
    public void Arrears_ConsecutiveUnpaidMonths_WarningFromThreeFlagFromSix(int months, ArrearsLevel expected)
    {
        DuesRules.Arrears(months, Defaults).ShouldBe(expected);
    }

    [Fact]
    public void Arrears_NegativeMonths_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DuesRules.Arrears(-1, Defaults));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(99_999, false)]   // ¥999.99
    [InlineData(100_000, true)]   // ¥1,000: "1000元以上" includes the figure
    [InlineData(100_001, true)]
    public void GoesToCentre_AroundOneThousandYuan_FromOneThousandInclusive(long voluntaryFen, bool expected)
    {
        DuesRules.GoesToCentre(voluntaryFen, Defaults).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(9, 0)]            // 0.45 → 0
    [InlineData(10, 1)]           // 0.5 → 1
    [InlineData(30, 2)]           // 1.5 → 2
    [InlineData(100, 5)]
    [InlineData(123_456, 6_173)]  // 6172.8 → 6173
    [InlineData(1_000_000, 50_000)]
    public void CentreShareFen_CollectedDues_FivePercentHalfUp(long collectedFen, long expected)
    {
        DuesRules.CentreShareFen(collectedFen, Defaults).ShouldBe(expected);
    }

    [Fact]
    public void CentreShareFen_NegativeCollected_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DuesRules.CentreShareFen(-1, Defaults));
    }

    [Theory]
    [InlineData("2026-07-15", "2026-07-01")]
    [InlineData("2026-07-01", "2026-07-01")]
    [InlineData("2026-12-31", "2026-12-01")]
    public void FirstBillMonth_ResolutionDate_ItsMonth(string resolutionOn, string expected)
    {
        DuesRules.FirstBillMonth(D(resolutionOn)).ShouldBe(D(expected));
    }

    [Fact]
    public void FirstBillMonth_NoResolution_Null() => DuesRules.FirstBillMonth(null).ShouldBeNull();

    /// <summary>¥4,000 from January (1% → ¥40), a raise to ¥6,000 received on 15 July (1.5% → ¥90), retired in October on ¥4,500 (0.5% → ¥22.50).</summary>
    private static readonly (DateOnly, DuesCategory, long)[] Career =
    [
        (new DateOnly(2026, 1, 1), DuesCategory.Serving, 400_000),
        (new DateOnly(2026, 7, 15), DuesCategory.Serving, 600_000),
        (new DateOnly(2026, 10, 1), DuesCategory.Retired, 450_000),
    ];

    [Theory]
    [InlineData("2025-12-01", 0)]      // no base in force yet
    [InlineData("2026-01-01", 4_000)]
    [InlineData("2026-06-30", 4_000)]
    [InlineData("2026-07-01", 9_000)]  // the raise counts from the month it is received, whatever the day
    [InlineData("2026-09-30", 9_000)]
    [InlineData("2026-10-01", 2_250)]
    [InlineData("2027-03-01", 2_250)]
    public void MonthlyAmountFor_BaseChangesInJuly_NewBaseFromThatMonth(string month, long expected)
    {
        DuesRules.MonthlyAmountFor(D(month), Career, Defaults).ShouldBe(expected);
        // The order the bases are listed in does not matter.
        DuesRules.MonthlyAmountFor(D(month), Enumerable.Reverse(Career).ToArray(), Defaults).ShouldBe(expected);
    }

    [Fact]
    public void MonthlyAmountFor_TwoBasesInOneMonth_LaterEntryWins()
    {
        (DateOnly, DuesCategory, long)[] corrected =
        [
            (new DateOnly(2026, 7, 1), DuesCategory.Serving, 600_000),
            (new DateOnly(2026, 7, 20), DuesCategory.Serving, 300_000),
        ];
        DuesRules.MonthlyAmountFor(new DateOnly(2026, 8, 1), corrected, Defaults).ShouldBe(1_500);
    }

    [Fact]
    public void MonthlyAmountFor_NoBases_Zero() =>
        DuesRules.MonthlyAmountFor(new DateOnly(2026, 8, 1), [], Defaults).ShouldBe(0);

    [Fact]
    public void DuesOptions_Defaults_MatchPartyRulesAndAreValid()
    {
        var o = new DuesOptions();
        (o.FarmerMonthlyFen, o.FixedMonthlyFen, o.BackPaymentMonths, o.AdvancePaymentMonths).ShouldBe((20L, 20L, 6, 6));
        (o.CentreVoluntaryThresholdFen, o.CentreShare, o.ArrearsWarningMonths, o.ArrearsFlagMonths).ShouldBe((100_000L, 5, 3, 6));
        o.Rounding.ShouldBe(MidpointRounding.AwayFromZero);
        new DuesOptionsValidator().Validate(null, o).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData(19, false)]
    [InlineData(20, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void DuesOptionsValidator_FarmerAmount_OnlyTwentyToOneHundredFen(long fen, bool valid)
    {
        new DuesOptionsValidator().Validate(null, new DuesOptions { FarmerMonthlyFen = fen }).Succeeded.ShouldBe(valid);
    }

    [Fact]
    public void DuesOptionsValidator_WarningAfterFlag_Refused()
    {
        new DuesOptionsValidator().Validate(null, new DuesOptions { ArrearsWarningMonths = 7 }).Succeeded.ShouldBeFalse();
    }
}

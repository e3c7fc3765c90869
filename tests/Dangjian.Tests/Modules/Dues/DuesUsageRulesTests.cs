using Dangjian.Web.Modules.Dues.Usage;
using Dangjian.Web.Modules.Dues;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// The usage rule and the year's balance at their boundaries: usage may take the balance to exactly the floor
/// (−UsageOverdraftFen, 0 by default) and not a fen below; the balance is collected + voluntary − the ¥1,000+ voluntary
/// (to the Centre whole, 第十一条) − 5% of the rest (第十五条, half up to the fen) − used. Figures worked out by hand.
/// </summary>
public sealed class DuesUsageRulesTests
{
    [Theory]
    // balance, amount, overdraft → allowed, balance after
    [InlineData(10_000, 1, 0, true, 9_999)]
    [InlineData(10_000, 9_999, 0, true, 1)]
    [InlineData(10_000, 10_000, 0, true, 0)]          // to exactly zero: allowed
    [InlineData(10_000, 10_001, 0, false, -1)]        // one fen below: refused
    [InlineData(0, 1, 0, false, -1)]                  // nothing collected yet
    [InlineData(-500, 1, 0, false, -501)]             // already below (collected less after a correction)
    [InlineData(10_000, 15_000, 5_000, true, -5_000)] // overdraft setting: down to −5,000 allowed
    [InlineData(10_000, 15_001, 5_000, false, -5_001)]
    [InlineData(-5_000, 1, 5_000, false, -5_001)]
    public void Check_AroundTheFloor_AllowedDownToItNotBelow(long balance, long amount, long overdraft, bool allowed, long after)
    {
        var o = new DuesOptions { UsageOverdraftFen = overdraft };
        DuesUsageRules.Check(balance, amount, o).ShouldBe(new DuesUsageDecision(allowed, after, -overdraft, allowed ? null : DuesArticles.CentreShare));
    }

    [Fact]
    public void Check_OneFenOverTheBalance_RefusedNamingTheRegulationAndArticle()
    {
        var exactly = DuesUsageRules.Check(19_000, 19_000, new DuesOptions());
        exactly.Allowed.ShouldBeTrue();
        exactly.Article.ShouldBeNull();

        var over = DuesUsageRules.Check(19_000, 19_001, new DuesOptions());
        over.Allowed.ShouldBeFalse();
        over.BalanceAfterFen.ShouldBe(-1);
        over.Article.ShouldBe("《关于中国共产党党费收缴、使用和管理的规定》第十五条");
    }

    [Fact]
    public void Check_BalanceOfTheYearFigures_SpendingAllThatIsLeftAllowedNotAFenMore()
    {
        // ¥2,000 collected, ¥50 of it voluntary (kept), ¥1,000 voluntary to the Centre whole; 5% of ¥2,050 = ¥102.50; ¥300 used.
        var b = DuesUsageRules.Balance(2026, 200_000, 105_000, 100_000, 30_000, new DuesOptions());
        b.BalanceFen.ShouldBe(205_000 - 10_250 - 30_000);
        DuesUsageRules.Check(b.BalanceFen, b.BalanceFen, new DuesOptions()).Allowed.ShouldBeTrue();
        DuesUsageRules.Check(b.BalanceFen, b.BalanceFen + 1, new DuesOptions()).Allowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Check_AmountNotPositive_Throws(long amount)
    {
        // Input is validated where it enters; a non-positive amount here is a caller's bug.
        Should.Throw<ArgumentOutOfRangeException>(() => DuesUsageRules.Check(10_000, amount, new DuesOptions()));
    }

    [Theory]
    // collected, voluntary, to Centre, used → year total, 5% share, balance
    [InlineData(0, 0, 0, 0, 0, 0, 0)]
    [InlineData(100_000, 0, 0, 0, 100_000, 5_000, 95_000)]
    [InlineData(100_000, 0, 0, 95_000, 100_000, 5_000, 0)]
    [InlineData(10, 0, 0, 0, 10, 1, 9)]                           // 0.5 fen → 1, half up
    [InlineData(9, 0, 0, 0, 9, 0, 9)]                             // 0.45 fen → 0
    [InlineData(100_000, 20_000, 0, 0, 120_000, 6_000, 114_000)]  // voluntary under ¥1,000 stays in the 5% base
    [InlineData(100_000, 120_000, 100_000, 0, 120_000, 6_000, 114_000)] // ¥1,000 to the Centre whole: outside base and balance
    [InlineData(100_000, 0, 0, 120_000, 100_000, 5_000, -25_000)]
    public void Balance_YearFigures_CollectedLessShareLessUsed(long collected, long voluntary, long toCentre, long used, long yearTotal, long share, long balance)
    {
        var b = DuesUsageRules.Balance(2026, collected, voluntary, toCentre, used, new DuesOptions());
        b.YearTotalFen.ShouldBe(yearTotal);
        b.CentreShareFen.ShouldBe(share);
        b.BalanceFen.ShouldBe(balance);
        b.HandUpFen.ShouldBe(share + toCentre);
        b.CentreSharePercent.ShouldBe(5);
    }
}

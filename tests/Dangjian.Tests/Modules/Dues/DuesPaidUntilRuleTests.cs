using Dangjian.Web.Modules.Dues.Payments;
using System.Globalization;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Members;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// "党费交至" of a transfer letter: the latest month up to which every month with a bill is paid, paid late or exempt.
/// Today is 2026-11-22; the base is ¥4,000 (¥40 a month) from January 2026 unless a case makes months exempt.
/// Months are written as numbers of 2026 ("1-10" is January to October, 13 is January 2027); "L" marks a month paid
/// after it ended (backPaid).
/// </summary>
public sealed class DuesPaidUntilRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("Full", "", "", null)]                          // no payments
    [InlineData("Full", "1-10", "", "2026-10")]                 // paid up to last month; the current one is still open
    [InlineData("Full", "1-11", "", "2026-11")]                 // the current month paid too
    [InlineData("Full", "1-12", "", "2026-12")]                 // December paid in advance
    [InlineData("Full", "1-11,13", "", "2026-11")]              // paid in advance for January 2027 but not December: stops at the gap
    [InlineData("Full", "1-3,5-10", "", "2026-03")]             // a gap in April
    [InlineData("Full", "1-3,10", "", "2026-03")]               // a month paid after a gap does not count
    [InlineData("Full", "2-10", "", null)]                      // the first month with a bill is unpaid
    [InlineData("Full", "1-9,10L", "", "2026-10")]              // October paid late (backPaid) counts
    [InlineData("Full", "1-4,9-10", "5-8", "2026-10")]          // exempt May to August count as settled
    [InlineData("Full", "1-4", "5-8", "2026-08")]               // exempt months end with August; September unpaid
    [InlineData("Full", "", "1-12", "2026-11")]                 // exempt all along: settled up to the current month
    [InlineData("Probationary", "3-10", "", "2026-10")]         // admitted 2026-03-15: January and February have no bill
    [InlineData("Probationary", "4-10", "", null)]              // … but March has one
    [InlineData("Activist", "1-10", "", null)]                  // not a party member: no dues, no month
    public void Compute_Table(string category, string paid, string exempt, string? expected)
    {
        var cat = Enum.Parse<MemberCategory>(category);
        var payer = DuesPayer.Of(cat, cat == MemberCategory.Probationary ? new DateOnly(2026, 3, 15) : new DateOnly(2010, 7, 1));
        var result = DuesPaidUntilRule.Compute(payer, Bases(exempt), Payments(paid), Today, new DuesOptions());
        (result is { } m ? DuesMonth.Format(m) : null).ShouldBe(expected);
    }

    [Theory]
    [InlineData("", "2026-06")]      // transferred in, dues settled with the former organisation up to June, nothing here yet
    [InlineData("7-10", "2026-10")]  // then July to October paid here
    [InlineData("8-10", "2026-06")]  // July unpaid: the letter says June
    public void Compute_MonthsSettledElsewhereCount(string paid, string expected)
    {
        var payer = DuesPayer.Of(MemberCategory.Full, new DateOnly(2010, 7, 1), new DateOnly(2026, 6, 1));
        var bases = paid.Length == 0 ? [] : new List<(DateOnly, DuesCategory, long)> { (Month(1), DuesCategory.Serving, 400_000) };
        DuesMonth.Format(DuesPaidUntilRule.Compute(payer, bases, Payments(paid), Today, new DuesOptions())!.Value).ShouldBe(expected);
    }

    [Fact]
    public void Compute_NoBasesNoPayments_Null() =>
        DuesPaidUntilRule.Compute(DuesPayer.Of(MemberCategory.Full, null), [], new Dictionary<DateOnly, DuesPaid>(), Today, new DuesOptions())
            .ShouldBeNull();

    private static DateOnly Month(int n) => new DateOnly(2026, 1, 1).AddMonths(n - 1);

    private static List<(DateOnly, DuesCategory, long)> Bases(string exempt)
    {
        if (exempt.Length == 0) return [(Month(1), DuesCategory.Serving, 400_000)];
        var (from, to) = Range(exempt);
        var bases = new List<(DateOnly, DuesCategory, long)> { (Month(from), DuesCategory.Serving, 0) };
        if (from > 1) bases.Add((Month(1), DuesCategory.Serving, 400_000));
        bases.Add((Month(to + 1), DuesCategory.Serving, 400_000));
        return bases;
    }

    private static Dictionary<DateOnly, DuesPaid> Payments(string spec)
    {
        var paid = new Dictionary<DateOnly, DuesPaid>();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var late = part.EndsWith('L');
            var (from, to) = Range(part.TrimEnd('L'));
            for (var n = from; n <= to; n++)
            {
                var month = Month(n);
                paid[month] = new DuesPaid(late ? month.AddMonths(1).AddDays(4) : month.AddDays(14), 4_000, 0);
            }
        }
        return paid;
    }

    private static (int From, int To) Range(string s)
    {
        var ends = s.Split('-').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return (ends[0], ends[^1]);
    }
}

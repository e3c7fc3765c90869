namespace Dangjian.Web.Modules.Dues.Usage;

/// <summary>
/// A unit's dues money for a year: what it collected (regular, voluntary, and of that the ¥1,000+ voluntary payments
/// that go whole to the Centre, 第十一条), the Centre's share of the rest (第十五条), what it used, and what is left.
/// </summary>
public sealed record DuesYearBalance(
    int Year, long CollectedFen, long VoluntaryFen, long ToCentreFen, long YearTotalFen, int CentreSharePercent, long CentreShareFen,
    long UsedFen, long BalanceFen)
{
    /// <summary>What the unit hands up: the share plus the voluntary payments that go whole to the Centre.</summary>
    public long HandUpFen => CentreShareFen + ToCentreFen;
}

/// <summary>
/// Whether a usage entry may be recorded, with the balance it would leave, the lowest balance allowed and, when refused,
/// the article the balance rests on.
/// </summary>
public readonly record struct DuesUsageDecision(bool Allowed, long BalanceAfterFen, long FloorFen, string? Article);

/// <summary>
/// The usage rule, pure: retained dues are what was collected less the Centre's share (第十五条), and a usage entry may
/// not take the year's balance below −UsageOverdraftFen (0 by default). docs/rules/dues.md#d-18: no article sets the limit
/// itself, so its size is a setting.
/// </summary>
public static class DuesUsageRules
{
    /// <summary>The year's figures. ¥1,000+ voluntary payments go to the Centre whole, so they are outside the 5% base and the balance.</summary>
    public static DuesYearBalance Balance(int year, long collectedFen, long voluntaryFen, long toCentreFen, long usedFen, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var yearTotal = collectedFen + voluntaryFen - toCentreFen;
        var share = DuesRules.CentreShareFen(yearTotal, o);
        return new DuesYearBalance(year, collectedFen, voluntaryFen, toCentreFen, yearTotal, o.CentreShare, share, usedFen, yearTotal - share - usedFen);
    }

    /// <summary>
    /// An entry of <paramref name="amountFen"/> (positive: input is validated where it enters) is allowed when the
    /// balance after it is not below −UsageOverdraftFen. A balance of exactly the floor is allowed.
    /// </summary>
    public static DuesUsageDecision Check(long balanceFen, long amountFen, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountFen);
        var after = balanceFen - amountFen;
        var floor = -o.UsageOverdraftFen;
        var allowed = after >= floor;
        return new DuesUsageDecision(allowed, after, floor, allowed ? null : DuesArticles.CentreShare);
    }
}

namespace Dangjian.Web.Modules.Dues;

/// <summary>A month's dues: the amount in fen, the rate applied ("1%" or "定额") and the article it rests on.</summary>
public sealed record DuesQuote(long AmountFen, string Rate, string Rule);

/// <summary>How long a member has gone without paying, as the branch should see it (第十三条).</summary>
public enum ArrearsLevel
{
    None,

    /// <summary>Unpaid long enough that the branch should talk to the member.</summary>
    Warning,

    /// <summary>Unpaid long enough for 自行脱党 to be considered. Only the 支部大会 decides; the platform never removes anyone.</summary>
    Flag,
}

/// <summary>Citations used by the dues rules, in one place.</summary>
[Platform.RegulationNames]
public static class DuesArticles
{
    private const string Regulation = "《关于中国共产党党费收缴、使用和管理的规定》";

    public const string Base = Regulation + "第一条";
    public const string Serving = Regulation + "第二条";
    public const string AnnualSalary = Regulation + "第三条";
    public const string NoMonthlyIncome = Regulation + "第四条";
    public const string Retired = Regulation + "第五条";
    public const string FixedAmounts = Regulation + "第六条";
    public const string Probationary = Regulation + "第八条";
    public const string WherePaid = Regulation + "第九条";
    public const string PayChange = Regulation + "第十条";
    public const string Voluntary = Regulation + "第十一条";
    public const string BackPayment = Regulation + "第十二条";
    public const string Arrears = Regulation + "第十三条";
    public const string NoProxyWithoutConsent = Regulation + "第十四条";
    public const string CentreShare = Regulation + "第十五条";
}

/// <summary>
/// The dues rules of docs/rules/dues.md as pure functions: the monthly amount per category, the payment windows,
/// arrears levels and the Centre's share. No I/O; amounts are fen, months are compared by year and month only.
/// </summary>
public static class DuesRules
{
    private static readonly System.Resources.ResourceManager Texts = new(typeof(DuesText));

    /// <summary>How a fixed amount's rate is shown ("定额"), in the reader's language (DuesText "Dues.Rate.Fixed").</summary>
    public static string FixedRate => Texts.GetString("Dues.Rate.Fixed", System.Globalization.CultureInfo.CurrentUICulture)!;

    /// <summary>An upper bound of a band (inclusive, fen), its rate and how the rate is shown.</summary>
    private readonly record struct Band(long UpToFen, decimal Rate, string Label);

    // The rate applies to the whole base, not marginally; each bound belongs to the lower band ("含3000元").
    private static readonly Band[] ServingBands =
    [
        new(300_000, 0.005m, "0.5%"),
        new(500_000, 0.01m, "1%"),
        new(1_000_000, 0.015m, "1.5%"),
        new(long.MaxValue, 0.02m, "2%"),
    ];

    private static readonly Band[] RetiredBands =
    [
        new(500_000, 0.005m, "0.5%"),
        new(long.MaxValue, 0.01m, "1%"),
    ];

    /// <summary>
    /// The monthly dues for a base. Fixed-amount categories ignore the base. A negative base is a caller's bug: input
    /// is validated where it enters (the endpoint), so here it throws.
    /// </summary>
    public static DuesQuote Calculate(DuesCategory category, long baseFen, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentOutOfRangeException.ThrowIfNegative(baseFen);
        return category switch
        {
            DuesCategory.Serving => Banded(baseFen, ServingBands, DuesArticles.Serving, o),
            DuesCategory.AnnualSalary => Banded(baseFen, ServingBands, DuesArticles.AnnualSalary, o),
            DuesCategory.NoMonthlyIncome => Banded(baseFen, ServingBands, DuesArticles.NoMonthlyIncome, o),
            DuesCategory.Retired => Banded(baseFen, RetiredBands, DuesArticles.Retired, o),
            DuesCategory.Farmer => new(o.FarmerMonthlyFen, FixedRate, DuesArticles.FixedAmounts),
            DuesCategory.Student or DuesCategory.Unemployed or DuesCategory.Relief => new(o.FixedMonthlyFen, FixedRate, DuesArticles.FixedAmounts),
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown dues category."),
        };
    }

    /// <summary>Whether the category's amount depends on a base (and so the caller must supply one).</summary>
    public static bool UsesBase(DuesCategory category) =>
        category is DuesCategory.Serving or DuesCategory.AnnualSalary or DuesCategory.NoMonthlyIncome or DuesCategory.Retired;

    /// <summary>
    /// 补交 of <paramref name="billMonth"/> is allowed when it lies at most BackPaymentMonths before the current month
    /// (第十二条). The current month itself is simply due, so it is allowed; a future month is advance payment, not this.
    /// </summary>
    public static bool IsBackPaymentAllowed(DateOnly billMonth, DateOnly today, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var monthsBefore = MonthIndex(today) - MonthIndex(billMonth);
        return monthsBefore >= 0 && monthsBefore <= o.BackPaymentMonths;
    }

    /// <summary>
    /// 预交 of <paramref name="billMonth"/> is allowed when it lies at most AdvancePaymentMonths after the current month
    /// (a local rule [S], mirroring 第十二条). The current month is allowed; a past month is back-payment, not this.
    /// </summary>
    public static bool IsAdvanceAllowed(DateOnly billMonth, DateOnly today, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var monthsAhead = MonthIndex(billMonth) - MonthIndex(today);
        return monthsAhead >= 0 && monthsAhead <= o.AdvancePaymentMonths;
    }

    /// <summary>
    /// Consecutive unpaid months → warning, then flag (第十三条). A flag only tells the branch that 自行脱党 may apply;
    /// deciding it is the 支部大会's business, so nothing here removes anyone.
    /// </summary>
    public static ArrearsLevel Arrears(int consecutiveUnpaidMonths, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentOutOfRangeException.ThrowIfNegative(consecutiveUnpaidMonths);
        if (consecutiveUnpaidMonths >= o.ArrearsFlagMonths) return ArrearsLevel.Flag;
        if (consecutiveUnpaidMonths >= o.ArrearsWarningMonths) return ArrearsLevel.Warning;
        return ArrearsLevel.None;
    }

    /// <summary>
    /// A single voluntary extra payment of ¥1,000 or more goes entirely to the Centre (第十一条: "1000元以上", which in
    /// Chinese regulations includes the figure itself). The amount is the voluntary part, not the regular dues.
    /// </summary>
    public static bool GoesToCentre(long voluntaryFen, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return voluntaryFen >= o.CentreVoluntaryThresholdFen;
    }

    /// <summary>The Centre's share of dues collected (第十五条: 5%), rounded as amounts are.</summary>
    public static long CentreShareFen(long collectedFen, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentOutOfRangeException.ThrowIfNegative(collectedFen);
        return (long)decimal.Round(collectedFen * (decimal)o.CentreShare / 100m, 0, o.Rounding);
    }

    /// <summary>
    /// Probationary members pay from the day the 支部大会 passes their admission (第八条), so from that month on; no
    /// resolution on record means no bills yet.
    /// </summary>
    public static DateOnly? FirstBillMonth(DateOnly? probationaryResolutionOn) =>
        probationaryResolutionOn is { } on ? new DateOnly(on.Year, on.Month, 1) : null;

    /// <summary>
    /// The dues for <paramref name="month"/> under the base in force then: the latest whose EffectiveMonth is not
    /// after it, because a new base applies from the month the new pay is received (第十条). Days are ignored, so pay
    /// received on 15 July counts for July. When two bases share a month, the later in the list wins (a correction).
    /// No base in force yet → 0.
    /// </summary>
    public static long MonthlyAmountFor(DateOnly month, IReadOnlyList<(DateOnly EffectiveMonth, DuesCategory Category, long BaseFen)> bases, DuesOptions o)
    {
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(o);
        var target = MonthIndex(month);
        (DuesCategory Category, long BaseFen)? inForce = null;
        var inForceMonth = int.MinValue;
        foreach (var b in bases)
        {
            var effective = MonthIndex(b.EffectiveMonth);
            if (effective <= target && effective >= inForceMonth)
            {
                inForce = (b.Category, b.BaseFen);
                inForceMonth = effective;
            }
        }
        return inForce is { } f ? Calculate(f.Category, f.BaseFen, o).AmountFen : 0;
    }

    private static DuesQuote Banded(long baseFen, Band[] bands, string rule, DuesOptions o)
    {
        var band = bands.First(b => baseFen <= b.UpToFen);
        // decimal, not double: 0.005 × 100 must be exactly 0.5 for half-up to mean anything.
        var amount = decimal.Round(baseFen * band.Rate, 0, o.Rounding);
        return new((long)amount, band.Label, rule);
    }

    private static int MonthIndex(DateOnly d) => d.Year * 12 + d.Month - 1;
}

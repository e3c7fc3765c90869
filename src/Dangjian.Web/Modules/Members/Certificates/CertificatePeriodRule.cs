namespace Dangjian.Web.Modules.Members.Certificates;

public enum CertificatePeriod
{
    Allowed,
    EndsBeforeStart,
    TooLong,
}

/// <summary>
/// A 党员证明信 covers an absence of six months or less; a longer one at a fairly fixed place needs a transfer of the
/// membership relation (《中国共产党党员教育管理工作条例》第二十五条). Both days count, and "six months" ends on the same
/// day of the sixth month after (1 January → 1 July; 31 August → 28/29 February, as months end).
/// </summary>
public static class CertificatePeriodRule
{
    public const int MaxMonths = 6;

    /// <summary>The last day a certificate starting on <paramref name="from"/> may run to.</summary>
    public static DateOnly LatestEnd(DateOnly from) => from.AddMonths(MaxMonths);

    public static CertificatePeriod Check(DateOnly from, DateOnly to) =>
        to < from ? CertificatePeriod.EndsBeforeStart
        : to > LatestEnd(from) ? CertificatePeriod.TooLong
        : CertificatePeriod.Allowed;
}

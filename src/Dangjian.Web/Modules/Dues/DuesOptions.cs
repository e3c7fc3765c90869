using Dangjian.Web.Platform;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues;

/// <summary>
/// Numbers of docs/rules/dues.md that practice varies on or that rest on secondary sources: settings with the
/// regulation's defaults. Money is in fen (分).
/// </summary>
[ModuleContract]
public sealed class DuesOptions
{
    public const string Section = "Rules:Dues";

    /// <summary>Farmers pay ¥0.2–1 a month (第六条): the tenant picks the amount inside that range.</summary>
    public long FarmerMonthlyFen { get; set; } = 20;

    /// <summary>Students, laid-off/unemployed, relief and 低保 recipients pay ¥0.2 a month (第六条).</summary>
    public long FixedMonthlyFen { get; set; } = 20;

    /// <summary>补交 generally not more than 6 months back (第十二条).</summary>
    public int BackPaymentMonths { get; set; } = 6;

    /// <summary>预交 not more than 6 months ahead: a local rule, not in the regulation [S].</summary>
    public int AdvancePaymentMonths { get; set; } = 6;

    /// <summary>A single voluntary extra payment of this much or more goes entirely to the Centre (第十一条).</summary>
    public long CentreVoluntaryThresholdFen { get; set; } = 100_000;

    /// <summary>Percentage of dues actually paid that goes to the Centre (第十五条).</summary>
    public int CentreShare { get; set; } = 5;

    /// <summary>Consecutive unpaid months at which the platform warns the branch.</summary>
    public int ArrearsWarningMonths { get; set; } = 3;

    /// <summary>Consecutive unpaid months at which 自行脱党 may apply (第十三条): flagged for the branch, never acted on.</summary>
    public int ArrearsFlagMonths { get; set; } = 6;

    /// <summary>How a computed amount is rounded to the fen; the regulation says nothing, so this is a setting.</summary>
    public MidpointRounding Rounding { get; set; } = MidpointRounding.AwayFromZero;

    /// <summary>
    /// Whether the employee's own 五险一金 is deducted from pay, like income tax, when a base is computed from payroll:
    /// 第一条 deducts only income tax and practice varies locally [S], so it is off unless the tenant turns it on.
    /// </summary>
    public bool DeductSocialInsurance { get; set; }

    /// <summary>
    /// How far (fen) a unit's dues balance for a year may go below zero through usage records. The regulation says
    /// nothing on a limit (docs/rules/dues.md#d-18), so this is a setting; 0 means usage may not exceed what is left
    /// of the year's dues after the Centre's share (第十五条).
    /// </summary>
    public long UsageOverdraftFen { get; set; }
}

/// <summary>Refuses settings that would contradict the regulation, at start-up rather than on the first bill.</summary>
internal sealed class DuesOptionsValidator : IValidateOptions<DuesOptions>
{
    /// <summary>第六条 bounds for farmers: ¥0.2 to ¥1.</summary>
    public const long FarmerMinFen = 20;
    public const long FarmerMaxFen = 100;

    public ValidateOptionsResult Validate(string? name, DuesOptions o)
    {
        var failures = new List<string>();
        if (o.FarmerMonthlyFen is < FarmerMinFen or > FarmerMaxFen)
            failures.Add($"{DuesOptions.Section}:{nameof(o.FarmerMonthlyFen)} must be {FarmerMinFen}..{FarmerMaxFen} fen ({DuesArticles.FixedAmounts}), was {o.FarmerMonthlyFen}.");
        if (o.FixedMonthlyFen < 0)
            failures.Add($"{DuesOptions.Section}:{nameof(o.FixedMonthlyFen)} must not be negative.");
        if (o.BackPaymentMonths < 0)
            failures.Add($"{DuesOptions.Section}:{nameof(o.BackPaymentMonths)} must not be negative.");
        if (o.AdvancePaymentMonths < 0)
            failures.Add($"{DuesOptions.Section}:{nameof(o.AdvancePaymentMonths)} must not be negative.");
        if (o.CentreVoluntaryThresholdFen <= 0)
            failures.Add($"{DuesOptions.Section}:{nameof(o.CentreVoluntaryThresholdFen)} must be positive.");
        if (o.CentreShare is < 0 or > 100)
            failures.Add($"{DuesOptions.Section}:{nameof(o.CentreShare)} is a percentage, 0..100.");
        if (o.ArrearsWarningMonths < 1 || o.ArrearsFlagMonths < o.ArrearsWarningMonths)
            failures.Add($"{DuesOptions.Section}: need 1 <= {nameof(o.ArrearsWarningMonths)} <= {nameof(o.ArrearsFlagMonths)}.");
        if (o.UsageOverdraftFen < 0)
            failures.Add($"{DuesOptions.Section}:{nameof(o.UsageOverdraftFen)} must not be negative.");
        if (!Enum.IsDefined(o.Rounding))
            failures.Add($"{DuesOptions.Section}:{nameof(o.Rounding)} is not a MidpointRounding value.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

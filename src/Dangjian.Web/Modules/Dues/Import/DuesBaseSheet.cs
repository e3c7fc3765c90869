using System.Resources;
using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Import;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Dues.Import;

/// <summary>One checked row of a payroll sheet: who (by ID number), from which month, how and on what base.</summary>
public sealed record DuesBaseLine(
    int Row, string Name, string IdNumber, DateOnly Month, DuesCategory Category, long BaseFen, long? GrossFen, long? IncomeTaxFen,
    long? SocialInsuranceFen, bool SocialInsuranceDeducted, string? Note);

/// <summary>
/// The columns of the dues-base sheet and the check of one row, with no I/O. The base is either given (月基数) or
/// computed from pay (第一条): 应发工资项 − 个人所得税, and − 五险一金个人部分 only when the tenant's setting deducts it.
/// Fixed-amount categories (第六条) take no base.
/// </summary>
public static class DuesBaseSheet
{
    internal static readonly ResourceManager Texts = new(typeof(DuesText));

    /// <summary>The columns (DuesText "DuesImport.Column.*"), read by their Chinese headers; English headers accepted.</summary>
    internal static readonly SheetColumns Columns = new(Texts, "DuesImport.Column.",
        "Name", "IdNumber", "StartMonth", "Method", "MonthlyBase", "GrossPay", "IncomeTax", "SocialInsurance", "Note");

    public static readonly string Name = Columns["Name"];
    public static readonly string IdNumber = Columns["IdNumber"];
    public static readonly string StartMonth = Columns["StartMonth"];
    public static readonly string Method = Columns["Method"];
    public static readonly string MonthlyBase = Columns["MonthlyBase"];
    public static readonly string GrossPay = Columns["GrossPay"];
    public static readonly string IncomeTax = Columns["IncomeTax"];
    public static readonly string SocialInsurance = Columns["SocialInsurance"];
    public static readonly string Note = Columns["Note"];

    public static readonly string[] Required = [Name, IdNumber, StartMonth, Method];

    /// <summary>The headers in Chinese, as payroll files have them.</summary>
    public static readonly string[] Headers = [.. Columns.Chinese];

    /// <summary>The words of the 计算方式 column (DuesText "DuesImport.Method.*", in Chinese or English); brackets may be full- or half-width.</summary>
    public static readonly IReadOnlyDictionary<string, DuesCategory> Methods = Texts.Reading(
        ("DuesImport.Method.Serving", DuesCategory.Serving), ("DuesImport.Method.Serving.Alias", DuesCategory.Serving),
        ("DuesImport.Method.AnnualSalary", DuesCategory.AnnualSalary),
        ("DuesImport.Method.NoMonthlyIncome", DuesCategory.NoMonthlyIncome), ("DuesImport.Method.NoMonthlyIncome.Alias", DuesCategory.NoMonthlyIncome),
        ("DuesImport.Method.Retired", DuesCategory.Retired), ("DuesImport.Method.Retired.Alias", DuesCategory.Retired),
        ("DuesImport.Method.Farmer", DuesCategory.Farmer), ("DuesImport.Method.Farmer.Alias", DuesCategory.Farmer),
        ("DuesImport.Method.Student", DuesCategory.Student), ("DuesImport.Method.Student.Alias", DuesCategory.Student),
        ("DuesImport.Method.Unemployed", DuesCategory.Unemployed), ("DuesImport.Method.Unemployed.Alias", DuesCategory.Unemployed),
        ("DuesImport.Method.Relief", DuesCategory.Relief), ("DuesImport.Method.Relief.Alias", DuesCategory.Relief),
        ("DuesImport.Method.Relief.Alias2", DuesCategory.Relief), ("DuesImport.Method.Relief.Alias3", DuesCategory.Relief));

    /// <summary>定额 without its kind, which the check refuses with a hint.</summary>
    private static readonly IReadOnlyDictionary<string, bool> FixedOnly = Texts.Reading(("DuesImport.Method.FixedOnly", true));

    /// <summary>Checks one row; every problem is added to <paramref name="errors"/> with its column, and then null is returned.</summary>
    public static DuesBaseLine? Parse(int row, string?[] cells, ImportSheet sheet, DateOnly today, DuesOptions o, IStringLocalizer<DuesText> T, List<ImportError> errors)
    {
        var before = errors.Count;
        void Fail(string column, string reason) => errors.Add(new ImportError(row, Columns.Label(column, T), reason));
        string? Get(string column) => sheet.Get(cells, column);

        var name = Get(Name);
        if (name is null) Fail(Name, T["DuesImport.NameRequired"]);

        var id = IdNumberRules.Check(Get(IdNumber), today);
        if (!id.IsValid) Fail(IdNumber, id.Problem!);

        DateOnly month = default;
        var monthText = Get(StartMonth);
        if (monthText is null) Fail(StartMonth, T["DuesImport.MonthRequired"]);
        else if (!ImportCells.TryMonth(monthText, out month)) Fail(StartMonth, T["DuesImport.MonthInvalid", monthText]);
        else if (month.Year < DuesMonth.MinYear || month.Year > today.Year + 1) Fail(StartMonth, T["DuesImport.MonthOutOfRange", DuesMonth.MinYear, today.Year + 1]);

        DuesCategory category = default;
        var methodText = Get(Method)?.Replace('(', '（').Replace(')', '）');
        if (methodText is null) Fail(Method, T["DuesImport.MethodRequired", T["DuesImport.MethodChoices"].Value]);
        else if (FixedOnly.ContainsKey(methodText)) Fail(Method, T["DuesImport.FixedNeedsKind"]);
        else if (!Methods.TryGetValue(methodText, out category)) Fail(Method, T["DuesImport.MethodInvalid", methodText, T["DuesImport.MethodChoices"].Value]);

        var monthly = Money(MonthlyBase);
        var gross = Money(GrossPay);
        var tax = Money(IncomeTax);
        var social = Money(SocialInsurance);

        var note = Get(Note);
        if (note?.Length > SetDuesBase.NoteMaxLength) Fail(Note, T["DuesImport.NoteTooLong", SetDuesBase.NoteMaxLength]);

        long baseFen = 0;
        var deducted = false;
        if (methodText is not null && Methods.ContainsKey(methodText) && DuesRules.UsesBase(category) && errors.Count == before)
        {
            if (monthly is not null && gross is not null) Fail(MonthlyBase, T["DuesImport.BaseAndPay"]);
            else if (monthly is not null && (tax is not null || social is not null)) Fail(MonthlyBase, T["DuesImport.BaseWithDeductions"]);
            else if (monthly is not null) baseFen = monthly.Value;
            else if (gross is null) Fail(MonthlyBase, T["DuesImport.BaseMissing"]);
            else
            {
                // 第一条: pay after individual income tax; the employee's 五险一金 only where the tenant deducts it.
                deducted = o.DeductSocialInsurance && social is not null;
                baseFen = gross.Value - (tax ?? 0) - (deducted ? social!.Value : 0);
                if (baseFen < 0) Fail(IncomeTax, T["DuesImport.BaseNegative"]);
            }
        }

        if (errors.Count > before) return null;
        return new DuesBaseLine(row, name!, id.Normalized!, month, category, baseFen, gross, tax, social, deducted, note);

        long? Money(string column)
        {
            if (Get(column) is not { } text) return null;
            if (!ImportCells.TryYuan(text, out var fen)) Fail(column, T["DuesImport.MoneyInvalid", Columns.Label(column, T), text]);
            else if (fen < 0) Fail(column, T["DuesImport.MoneyNegative", Columns.Label(column, T)]);
            else return fen;
            return null;
        }
    }
}

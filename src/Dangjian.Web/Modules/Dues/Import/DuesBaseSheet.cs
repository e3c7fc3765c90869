using Dangjian.Web.Modules.Dues.Payments;
using Dangjian.Web.Modules.Members;
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
    public const string Name = MemberColumns.Name;
    public const string IdNumber = MemberColumns.IdNumber;
    public const string StartMonth = "起始月份";
    public const string Method = "计算方式";
    public const string MonthlyBase = "月基数（元）";
    public const string GrossPay = "应发工资项（元）";
    public const string IncomeTax = "个人所得税（元）";
    public const string SocialInsurance = "五险一金个人部分（元）";
    public const string Note = "备注";

    public static readonly string[] Required = [Name, IdNumber, StartMonth, Method];
    public static readonly string[] Headers = [Name, IdNumber, StartMonth, Method, MonthlyBase, GrossPay, IncomeTax, SocialInsurance, Note];

    /// <summary>The words of the 计算方式 column; brackets may be full- or half-width.</summary>
    public static readonly IReadOnlyDictionary<string, DuesCategory> Methods = new Dictionary<string, DuesCategory>
    {
        ["在职"] = DuesCategory.Serving, ["在职党员"] = DuesCategory.Serving,
        ["年薪制"] = DuesCategory.AnnualSalary,
        ["无固定收入"] = DuesCategory.NoMonthlyIncome, ["不按月取得收入"] = DuesCategory.NoMonthlyIncome,
        ["离退休"] = DuesCategory.Retired, ["离退休党员"] = DuesCategory.Retired,
        ["定额（农民）"] = DuesCategory.Farmer, ["农民"] = DuesCategory.Farmer,
        ["定额（学生）"] = DuesCategory.Student, ["学生"] = DuesCategory.Student,
        ["定额（下岗失业）"] = DuesCategory.Unemployed, ["下岗失业"] = DuesCategory.Unemployed,
        ["定额（救济）"] = DuesCategory.Relief, ["定额（低保）"] = DuesCategory.Relief, ["救济"] = DuesCategory.Relief, ["低保"] = DuesCategory.Relief,
    };

    public const string MethodChoices = "在职、年薪制、无固定收入、离退休、定额（农民）、定额（学生）、定额（下岗失业）、定额（救济）";

    /// <summary>Checks one row; every problem is added to <paramref name="errors"/> with its column, and then null is returned.</summary>
    public static DuesBaseLine? Parse(int row, string?[] cells, ImportSheet sheet, DateOnly today, DuesOptions o, IStringLocalizer<DuesText> T, List<ImportError> errors)
    {
        var before = errors.Count;
        void Fail(string column, string reason) => errors.Add(new ImportError(row, column, reason));
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
        if (methodText is null) Fail(Method, T["DuesImport.MethodRequired", MethodChoices]);
        else if (methodText == "定额") Fail(Method, T["DuesImport.FixedNeedsKind"]);
        else if (!Methods.TryGetValue(methodText, out category)) Fail(Method, T["DuesImport.MethodInvalid", methodText, MethodChoices]);

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
            if (!ImportCells.TryYuan(text, out var fen)) Fail(column, T["DuesImport.MoneyInvalid", column, text]);
            else if (fen < 0) Fail(column, T["DuesImport.MoneyNegative", column]);
            else return fen;
            return null;
        }
    }
}

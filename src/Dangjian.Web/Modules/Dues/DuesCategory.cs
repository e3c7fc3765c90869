using Dangjian.Web.Platform;
namespace Dangjian.Web.Modules.Dues;

/// <summary>
/// Which article of the dues regulation sets a member's monthly amount (docs/rules/dues.md#d-2 to #d-6). The first five take a
/// base and a rate; the last four pay a fixed amount whatever their income.
/// </summary>
[ModuleContract]
public enum DuesCategory
{
    /// <summary>在职党员: monthly pay after tax, serving bands (第一条、第二条).</summary>
    Serving,

    /// <summary>年薪制: pay actually received that month, serving bands (第三条).</summary>
    AnnualSalary,

    /// <summary>不按月取得收入: average monthly net income of the previous quarter, serving bands (第四条).</summary>
    NoMonthlyIncome,

    /// <summary>离退休: pension received, retiree bands (第五条).</summary>
    Retired,

    /// <summary>农民党员: ¥0.2–1 a month (第六条).</summary>
    Farmer,

    /// <summary>学生党员: ¥0.2 a month (第六条).</summary>
    Student,

    /// <summary>下岗失业: ¥0.2 a month (第六条).</summary>
    Unemployed,

    /// <summary>依靠抚恤或救济生活、领取最低生活保障金: ¥0.2 a month (第六条).</summary>
    Relief,
}

using Dangjian.Web.Modules.Dues.Payments;
using System.Globalization;

namespace Dangjian.Web.Modules.Dues;

/// <summary>
/// Every Chinese text of the dues bills, payments and reports (API messages and pages) in one place, so that they
/// can move to SharedResource.resx as they are.
/// </summary>
public static class DuesTexts
{
    private static string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    // ---------------------------------------------------------------- validation (400, named fields)
    public static string MonthRequired(string field) => F("请填写月份（{0}），格式 YYYY-MM", field);
    public static string MonthInvalid(string field) => F("月份（{0}）格式应为 YYYY-MM 或 YYYY-MM-01", field);
    public static string MonthOutOfRange(string field, int from, int to) => F("月份（{0}）应在 {1} 年至 {2} 年之间", field, from, to);
    public static string YearInvalid(int from, int to) => F("年份（year）应为 {0} 至 {1} 之间的整数", from, to);
    public const string AmountRequired = "请填写本月交纳的党费金额（amountFen，单位：分）";
    public const string AmountNegative = "党费金额（amountFen）必须大于 0";
    public const string VoluntaryNegative = "自愿多交的金额（voluntaryFen）不能为负数";
    public const string PaidOnRequired = "请填写交纳日期（paidOn），格式 YYYY-MM-DD";
    public const string PaidOnInvalid = "交纳日期（paidOn）格式应为 YYYY-MM-DD";
    public const string PaidOnInFuture = "交纳日期（paidOn）不能晚于今天";
    public static string MethodInvalid => F("交纳方式（method）无效，可选：{0}", string.Join(" | ", Enum.GetNames<DuesPaymentMethod>()));
    public const string YuanInvalid = "金额格式不正确：请填写以元为单位、最多两位小数的数";
    public const string NoteTooLong = "备注（note）不能超过 200 字";
    public const string OrgUnitRequired = "请指定组织（orgUnitId）";

    // ---------------------------------------------------------------- rules (422), conflicts (409)
    public const string NotPartyMember = "只有党员（正式党员、预备党员）交纳党费";
    public static string BeforeFirstBill(string month, string first) =>
        F("{0} 早于开始交纳党费的月份 {1}：预备党员从支部大会通过其入党之日起交纳党费", month, first);
    public static string MonthAlreadyPaid(string month) => F("{0} 的党费已经登记交纳，同一月份不能重复登记", month);
    public static string BackPaymentTooOld(string month, int months) => F("{0} 的党费补交超过了 {1} 个月的期限", month, months);
    public static string AdvanceTooFar(string month, int months) => F("{0} 的党费预交超过了 {1} 个月的期限（本地规定，参照第十二条）", month, months);
    public static string NoBase(string month) => F("{0} 没有党费计算基数，请先设定基数再登记交纳", month);
    public static string AmountBelowDue(string month, long paidFen, long dueFen) =>
        F("{0} 应交党费 {1}，登记的金额 {2} 不足", month, Yuan(dueFen), Yuan(paidFen));
    public const string ProxyWithoutConsent = "未经党员本人同意，不得代交党费";
    public static string BaseConflict(string month) => F("{0} 的党费基数刚被他人修改，请刷新后重试", month);

    // ---------------------------------------------------------------- statuses and labels (pages)
    public static string Status(string status) => status switch
    {
        DuesBillStatus.Paid => "已交",
        DuesBillStatus.BackPaid => "补交",
        DuesBillStatus.Unpaid => "未交",
        DuesBillStatus.Exempt => "免交",
        DuesBillStatus.NotDue => "未到期",
        DuesBillStatus.NoBase => "未设基数",
        _ => status,
    };

    public static string Category(DuesCategory c) => c switch
    {
        DuesCategory.Serving => "在职党员",
        DuesCategory.AnnualSalary => "年薪制党员",
        DuesCategory.NoMonthlyIncome => "不按月取得收入的党员",
        DuesCategory.Retired => "离退休党员",
        DuesCategory.Farmer => "农民党员",
        DuesCategory.Student => "学生党员",
        DuesCategory.Unemployed => "下岗失业党员",
        DuesCategory.Relief => "依靠抚恤、救济或低保生活的党员",
        _ => c.ToString(),
    };

    public static string Method(DuesPaymentMethod m) => m switch
    {
        DuesPaymentMethod.Self => "本人交纳",
        DuesPaymentMethod.Proxy => "委托代交",
        DuesPaymentMethod.Quarterly => "按季度交纳",
        _ => m.ToString(),
    };

    public static string Level(ArrearsLevel level) => level switch
    {
        ArrearsLevel.Warning => "提醒",
        ArrearsLevel.Flag => "可视为自行脱党，由支部大会决定",
        _ => "",
    };

    public const string PageTitle = "党费";
    public const string MemberPageTitle = "党费交纳";
    public const string Year = "年度";
    public const string Show = "查看";
    public const string Month = "月份";
    public const string Amount = "应交";
    public const string Paid = "实交";
    public const string Voluntary = "自愿多交";
    public const string PaidOn = "交纳日期";
    public const string StatusHeader = "状态";
    public const string MethodHeader = "方式";
    public const string ToCentre = "全额上缴中央";
    public const string Bases = "党费计算基数";
    public const string EffectiveMonth = "生效月份";
    public const string CategoryHeader = "党员类别";
    public const string BaseFen = "计算基数（元）";
    public const string MonthlyAmount = "月交纳额";
    public const string Rate = "比例";
    public const string Note = "备注";
    public const string NoBases = "尚未设定党费计算基数。";
    public const string SetBase = "设定基数";
    public const string SetBaseHint = "新的基数从生效月份起适用（第十条）；定额类别无需填写基数。";
    public const string RecordPayment = "登记交纳";
    public const string AmountYuan = "党费金额（元）";
    public const string VoluntaryYuan = "自愿多交（元）";
    public const string ProxyConsent = "代交已征得党员本人同意";
    public const string Save = "保存";
    public const string Saved = "已保存。";
    public const string PaymentRecorded = "已登记交纳。";
    public const string NotPartyMemberNote = "该同志不是党员，不需交纳党费。";
    public static string FirstBillNote(string month) => F("从 {0} 起交纳党费（预备党员自支部大会通过之月起，第八条）。", month);
    public const string BackToMember = "返回党员信息";
    public const string Collection = "党费收缴情况";
    public const string DueCount = "应交人数";
    public const string PaidCount = "已交人数";
    public const string AmountDue = "应交金额";
    public const string Collected = "实收党费";
    public const string Total = "合计";
    public static string HandUp(long shareFen, int percent, long toCentreFen, long handUpFen, DateOnly by) =>
        F("按实收党费 {0}% 上缴中央 {1}，加全额上缴的自愿多交 {2}，合计上缴 {3}，于 {4} 前完成（第十五条、第十一条）。",
            percent, Yuan(shareFen), Yuan(toCentreFen), Yuan(handUpFen), by.ToString("yyyy年M月d日", CultureInfo.InvariantCulture));
    public const string Arrears = "连续未交党费";
    public static string ArrearsHint(int warn, int flag) =>
        F("截至上月连续 {0} 个月未交提醒，{1} 个月以上标记（第十三条）；平台不会自动处置任何党员。", warn, flag);
    public const string NoArrears = "没有连续未交党费达到提醒标准的党员。";
    public const string MemberName = "姓名";
    public const string Unit = "所在组织";
    public const string UnpaidMonths = "连续未交（月）";
    public const string Since = "起始月份";
    public const string LevelHeader = "处理";
    public const string NoUnit = "请先选择组织。";

    /// <summary>Fen as yuan with two decimals: 12345 → "¥123.45".</summary>
    public static string Yuan(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var abs = Math.Abs((decimal)fen) / 100m;
        return sign + "¥" + abs.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>Fen as a plain yuan number for an input field: 12345 → "123.45".</summary>
    public static string YuanInput(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}

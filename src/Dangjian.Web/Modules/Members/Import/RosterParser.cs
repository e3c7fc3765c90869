using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Import;

namespace Dangjian.Web.Modules.Members.Import;

/// <summary>One valid roster row, ready to create or update a record.</summary>
public sealed record RosterRow(
    int Row, string Name, string IdNumber, DateOnly BirthDate, Gender Gender, MemberCategory Category, OrgUnit Unit,
    string? Ethnicity, string? Education, DateOnly? JoinedOn, DateOnly? FullMemberOn, string? JobPost, string? Mobile,
    string? Telephone, MembershipStatus Status, bool IsMobile, string? MobileDestination);

/// <summary>
/// Reads a roster in the column names of the national system (docs/rules/registry.md#r-1) and checks every row: a row is
/// either wholly valid or reported with each failing column and the reason. Nothing is written here.
/// </summary>
public static class RosterParser
{
    public static readonly string[] Required = [MemberColumns.Name, MemberColumns.IdNumber, "人员类别"];

    private static readonly Dictionary<string, MemberCategory> Categories = new()
    {
        ["群众"] = MemberCategory.Masses, ["入党申请人"] = MemberCategory.Applicant, ["申请人"] = MemberCategory.Applicant,
        ["入党积极分子"] = MemberCategory.Activist, ["积极分子"] = MemberCategory.Activist, ["发展对象"] = MemberCategory.Candidate,
        ["预备党员"] = MemberCategory.Probationary, ["正式党员"] = MemberCategory.Full,
    };

    public static RosterRow? Parse(int rowNumber, string?[] cells, ImportSheet sheet, OrgUnit target,
        ILookup<string, OrgUnit> unitsByName, DateOnly today, List<ImportError> errors, IReadOnlyDictionary<string, OrgUnit>? unitsByPath = null,
        Platform.CodeTables.CodeSets? codes = null)
    {
        string? Get(string column) => sheet.Get(cells, column);
        var before = errors.Count;
        void Fail(string column, string reason) => errors.Add(new ImportError(rowNumber, column, reason));

        var name = Get("姓名");
        if (name is null) Fail("姓名", "姓名不能为空");
        else if (name.Length > 50) Fail("姓名", "姓名不能超过 50 个字");

        var id = IdNumberRules.Check(Get("公民身份号码"), today);
        if (!id.IsValid) Fail("公民身份号码", id.Problem!);

        MemberCategory category = default;
        var categoryText = Get("人员类别");
        if (categoryText is null) Fail("人员类别", "人员类别不能为空");
        else if (!Categories.TryGetValue(categoryText, out category)) Fail("人员类别", $"人员类别“{categoryText}”无法识别，应为：群众、入党申请人、入党积极分子、发展对象、预备党员、正式党员");

        if (Get("性别") is { } sex && id.IsValid)
        {
            if (sex is not ("男" or "女")) Fail("性别", "性别应为“男”或“女”");
            else if ((sex == "男") != (id.Gender == Gender.Male)) Fail("性别", "性别与公民身份号码不一致");
        }

        var unit = target;
        if (Get("所在党支部") is { } unitName && unitName != target.Name)
        {
            var matches = unitsByPath is not null && unitsByPath.TryGetValue(unitName, out var exact) ? [exact] : unitsByName[unitName].ToList();
            if (matches.Count == 0) Fail("所在党支部", $"在「{target.Name}」及其下级中找不到名为「{unitName}」的组织");
            else if (matches.Count > 1) Fail("所在党支部", $"「{unitName}」有 {matches.Count} 个同名组织，请写成“上级组织/{unitName}”");
            else unit = matches[0];
        }

        var joined = Date(Get("加入党组织日期"), "加入党组织日期", today, Fail);
        var full = Date(Get("转为正式党员日期"), "转为正式党员日期", today, Fail);
        if (Member.IsPartyMember(category) && categoryText is not null && joined is null && errors.Count == before)
            Fail("加入党组织日期", "预备党员和正式党员须填写加入党组织日期");
        if (joined is { } j && full is { } f && f < j) Fail("转为正式党员日期", "转为正式党员日期不能早于加入党组织日期");

        var mobile = Get("手机号码");
        if (mobile is not null && (mobile.Length != 11 || !mobile.All(char.IsAsciiDigit) || mobile[0] != '1'))
            Fail("手机号码", "手机号码应为 1 开头的 11 位数字");

        var status = MembershipStatus.Normal;
        if (Get("党籍状态") is { } st)
        {
            if (st == "停止党籍") status = MembershipStatus.Suspended;
            else if (st != "正常") Fail("党籍状态", "党籍状态应为“正常”或“停止党籍”");
        }
        var isMobile = YesNo(Get("是否流动党员"), "是否流动党员", Fail);

        foreach (var (column, max) in new[] { ("民族", 30), ("学历", 30), ("工作岗位", 60), ("固定电话", 30), ("外出流向", 200) })
        {
            if (Get(column) is { } v && v.Length > max) Fail(column, $"{column}不能超过 {max} 个字");
        }
        foreach (var (column, table) in new[] { ("民族", Platform.CodeTables.CodeTableCatalog.Ethnicity), ("学历", Platform.CodeTables.CodeTableCatalog.Education),
                     ("工作岗位", Platform.CodeTables.CodeTableCatalog.JobPost) })
        {
            if (codes is not null && Get(column) is { Length: <= 60 } v && !codes.Allows(table, v)) Fail(column, $"“{v}”不在代码表「{column}」中，请按代码表填写");
        }

        if (errors.Count > before) return null;
        return new RosterRow(rowNumber, name!, id.Normalized!, id.BirthDate!.Value, id.Gender!.Value, category, unit,
            Get("民族"), Get("学历"), joined, full, Get("工作岗位"), mobile, Get("固定电话"), status, isMobile, Get("外出流向"));
    }

    private static DateOnly? Date(string? text, string column, DateOnly today, Action<string, string> fail)
    {
        if (text is null) return null;
        if (!ImportCells.TryDate(text, out var date))
        {
            fail(column, $"“{text}”不是有效日期，请用 2024-07-01 这样的格式");
            return null;
        }
        if (date > today)
        {
            fail(column, "日期不能晚于今天");
            return null;
        }
        return date;
    }

    private static bool YesNo(string? text, string column, Action<string, string> fail)
    {
        if (text is null or "否") return false;
        if (text == "是") return true;
        fail(column, $"{column}应为“是”或“否”");
        return false;
    }
}

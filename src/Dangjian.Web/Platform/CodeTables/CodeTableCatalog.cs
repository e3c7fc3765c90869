namespace Dangjian.Web.Platform.CodeTables;

/// <summary>A code table: its key, the record field it fills, and the values a new tenant starts with.</summary>
public sealed record CodeTableDefinition(string Key, string Field, int MaxLength, IReadOnlyList<string> Defaults);

/// <summary>
/// The code tables of the registry (docs/rules/registry.md#r-3) and their starting values. These are only the defaults:
/// what a tenant uses is data an administrator edits.
/// </summary>
public static class CodeTableCatalog
{
    public const string Ethnicity = "ethnicity";
    public const string Education = "education";
    public const string JobPost = "jobPost";
    public const string UnitType = "unitType";
    public const string OutOfContactReason = "outOfContactReason";
    public const string HardshipType = "hardshipType";

    public static readonly IReadOnlyList<CodeTableDefinition> All =
    [
        new(Ethnicity, "ethnicity", 30,
        [
            "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
            "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
            "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
            "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
            "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "其他",
        ]),
        new(Education, "education", 30, ["研究生", "大学本科", "大学专科", "中专", "高中", "初中", "小学", "其他"]),
        new(JobPost, "jobPost", 60,
        [
            "公务员", "参照公务员法管理", "事业单位管理岗位", "事业单位专业技术岗位", "公有经济控制企业管理岗位", "公有经济控制企业专业技术岗位",
            "非公有经济控制企业管理岗位", "非公有经济控制企业专业技术岗位", "工勤技能人员", "农牧渔民", "学生", "离退休人员", "社区工作者", "其他",
        ]),
        new(UnitType, "hostUnitType", 40, ["乡镇", "建制村", "社区", "机关", "事业单位", "公有经济控制企业", "非公有经济控制企业", "社会组织", "其他"]),
        new(OutOfContactReason, "reasonCode", 40, ["外出务工经商", "改制破产", "毕业去向不明", "单位改变", "出国境", "居住地改变", "其他"]),
        new(HardshipType, "category", 40, ["生活困难", "患病", "残疾", "住房困难", "子女就学困难", "灾害", "其他"]),
    ];

    public static CodeTableDefinition? Find(string key) =>
        All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));
}

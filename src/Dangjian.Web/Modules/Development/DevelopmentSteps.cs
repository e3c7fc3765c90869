namespace Dangjian.Web.Modules.Development;

/// <summary>A step of docs/rules/development.md#the-steps: its number, stage (1–5) and name.</summary>
public sealed record StepDefinition(int Number, int Stage, string Name, bool Repeatable = false);

/// <summary>The 5 stages and 25 steps of 《中国共产党发展党员工作细则》 (2014).</summary>
public static class DevelopmentSteps
{
    public static readonly IReadOnlyList<string> Stages = ["入党申请", "入党积极分子的确定和培养教育", "发展对象的确定和考察", "预备党员的接收", "预备党员的教育考察和转正"];

    public static readonly IReadOnlyList<StepDefinition> All =
    [
        new(1, 1, "递交入党申请书"), new(2, 1, "党组织派人谈话"),
        new(3, 2, "推荐和确定入党积极分子"), new(4, 2, "上级党委备案"), new(5, 2, "指定培养联系人"), new(6, 2, "培养教育考察", Repeatable: true),
        new(7, 3, "确定发展对象"), new(8, 3, "报上级党委备案"), new(9, 3, "确定入党介绍人"), new(10, 3, "进行政治审查"), new(11, 3, "开展集中培训"),
        new(12, 4, "支部委员会审查"), new(13, 4, "上级党委预审"), new(14, 4, "填写入党志愿书"), new(15, 4, "支部大会讨论"),
        new(16, 4, "上级党委派人谈话"), new(17, 4, "上级党委审批"), new(18, 4, "再上一级党委组织部门备案"),
        new(19, 5, "编入党支部和党小组"), new(20, 5, "入党宣誓"), new(21, 5, "继续教育考察"), new(22, 5, "提出转正申请"),
        new(23, 5, "支部大会讨论（转正）"), new(24, 5, "上级党委审批（转正）"), new(25, 5, "材料归档"),
    ];

    public static StepDefinition Of(int number) => All[number - 1];

    public static string Label(int number) => $"第{number}步「{Of(number).Name}」";
}

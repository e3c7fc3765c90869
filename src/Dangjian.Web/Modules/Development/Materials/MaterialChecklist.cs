namespace Dangjian.Web.Modules.Development.Materials;

/// <summary>A material a step needs: required ones block the step until a file is on the case.</summary>
public sealed record MaterialDefinition(int Step, string Code, string Name, bool Required, string Template);

/// <summary>
/// The per-step checklist of 入党材料 (what goes into the dossier at step 25), with what each must contain. Materials of
/// the first steps are kept when there are any; from 确定发展对象 on, the ones marked required block the step.
/// </summary>
public static class MaterialChecklist
{
    public const string Article = "发展党员材料清单（入党材料须齐全，缺少必备材料的不得进入下一程序）";

    public static readonly IReadOnlyList<MaterialDefinition> All =
    [
        new(1, "application", "入党申请书", false, "本人手写；对党的认识、入党动机、个人经历和家庭情况，署名和日期"),
        new(2, "talk-record", "谈话记录", false, "谈话人、时间、主要内容和对申请人的印象"),
        new(3, "activist-recommendation", "推荐和支委会确定积极分子的记录", false, "党员推荐或群团推优的材料，支委会研究意见"),
        new(6, "thought-report", "思想汇报", false, "本人撰写，每季度至少一次"),
        new(6, "assessment", "培养考察登记", false, "培养联系人和支部每半年的考察意见"),
        new(7, "candidate-minutes", "支委会确定发展对象的会议记录", true, "听取党小组、培养联系人、党员和群众意见的情况，支委会讨论意见"),
        new(10, "vetting-report", "政治审查报告", true, "本人及直系亲属、主要社会关系的政治情况，审查结论和日期"),
        new(11, "training-certificate", "集中培训结业证明", true, "培训时间（不少于3天或24学时）、内容和考核结果"),
        new(12, "notice-record", "公示材料", false, "公示的内容、起止日期和结果"),
        new(14, "application-form", "入党志愿书", true, "本人填写，入党介绍人意见，支部大会决议"),
        new(15, "branch-meeting-minutes", "支部大会会议记录", true, "应到、实到有表决权人数，表决结果，逐个表决"),
        new(17, "approval", "上级党委审批意见", true, "党委集体讨论的意见和日期"),
        new(22, "full-membership-application", "转正申请书", true, "本人撰写，预备期表现和今后努力方向"),
        new(23, "full-membership-minutes", "支部大会讨论转正的会议记录", true, "表决结果和结论（按期转正、延长预备期或取消资格）"),
        new(24, "full-membership-approval", "上级党委审批转正意见", true, "党委审批意见和日期"),
    ];

    public static IReadOnlyList<MaterialDefinition> Of(int step) => All.Where(m => m.Step == step).ToList();

    public static MaterialDefinition? Find(int step, string? code) => All.FirstOrDefault(m => m.Step == step && m.Code == code);

    /// <summary>The required materials of <paramref name="step"/> not among <paramref name="present"/> (codes on the case).</summary>
    public static IReadOnlyList<MaterialDefinition> Missing(int step, IReadOnlyCollection<string> present) =>
        Of(step).Where(m => m.Required && !present.Contains(m.Code)).ToList();
}

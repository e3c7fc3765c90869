namespace Dangjian.Web.Modules.Development;

/// <summary>The numbers of docs/rules/development.md: settings, per installation.</summary>
public sealed class DevelopmentOptions
{
    public const string Section = "Rules:Development";
    public int MinimumAge { get; set; } = 18;
    public int TalkWithinMonths { get; set; } = 1;
    public int AssessmentIntervalMonths { get; set; } = 6;
    public int ActivistMonthsBeforeCandidate { get; set; } = 12;
    public int MaxMentors { get; set; } = 2;
    public int VettingValidMonths { get; set; } = 12;
    public int TrainingMinDays { get; set; } = 3;
    public int TrainingMinHours { get; set; } = 24;
    public int PublicNoticeWorkingDays { get; set; } = 5;
    public int PreReviewWithinMonths { get; set; } = 1;
    public int ApprovalWithinMonths { get; set; } = 3;
    public int ApprovalMaxMonths { get; set; } = 6;
    public int ProbationMonths { get; set; } = 12;
    public int ExtensionMinMonths { get; set; } = 6;
    public int ExtensionMaxMonths { get; set; } = 12;
    public int ApplyForFullMembershipDaysBefore { get; set; } = 30;
    public int ArchiveWithinDays { get; set; } = 7;

    /// <summary>Whether a step is refused while a required material of the checklist is missing.</summary>
    public bool EnforceMaterials { get; set; } = true;

    /// <summary>How many days before a step falls due its reminder goes out.</summary>
    public int RemindDaysBefore { get; set; } = 7;

    /// <summary>Steps that need the four-level joint review (四级联审) before the case goes on: 确定发展对象 and 上级党委预审.</summary>
    public int[] JointReviewSteps { get; set; } = [7, 13];
}

/// <summary>Where each rule is written. 《中国共产党发展党员工作细则》 (2014) unless marked.</summary>
[Platform.RegulationNames]
public static class DevelopmentArticles
{
    private const string Rules = "《中国共产党发展党员工作细则》";
    public const string Procedure = Rules + "第三条、第十八条（按程序逐步进行）";
    public const string Age = Rules + "第五条";
    public const string Talk = Rules + "第七条";
    public const string Activist = Rules + "第八条";
    public const string Mentors = Rules + "第九条";
    public const string Assessment = Rules + "第十一条";
    public const string Candidate = Rules + "第十三条";
    public const string Sponsors = Rules + "第十四条";
    public const string Vetting = Rules + "第十六条";
    public const string Training = Rules + "第十七条";
    public const string PreReview = Rules + "第十九条";
    public const string Quorum = Rules + "第二十条";
    public const string Vote = Rules + "第二十一条";
    public const string Approval = Rules + "第二十四条";
    public const string Probation = Rules + "第三十二条";
    public const string Extension = Rules + "第三十三条";
    public const string FullMembership = Rules + "第三十四条";
    public const string PublicNotice = "《发展党员公示制度》（地方规定；公示期不少于本单位设置的工作日数）";
    public const string Materials = "《发展党员材料清单》（入党材料须齐全，缺少必备材料的不得进入下一程序）";
    public const string JointReview = "《发展党员四级联审制度》（党支部、党总支、党委、组织部门逐级审核签字）";
    public const string Quota = "《年度发展党员计划》（上级党委下达的发展名额，超出须说明理由）";
}

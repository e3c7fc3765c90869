using Dangjian.Web.Platform;

namespace Dangjian.Web.Modules.Dashboard.WeakLinks;

/// <summary>The regulations each weak-link rule rests on, as the findings cite them (docs/rules/).</summary>
[RegulationNames]
internal static class WeakLinkArticles
{
    private const string Branch = "《中国共产党支部工作条例（试行）》";
    public const string BranchMeetings = Branch + "第五章";
    public const string SmallBranch = Branch + "第四条";
    public const string Attendance = "《中国共产党章程》第八条";
    public const string Absent = "《中国共产党章程》第九条";
    public const string Dues = "《关于中国共产党党费收缴、使用和管理的规定》";
    public const string Terms = "《中国共产党基层组织选举工作条例》第三条";
    public const string OutOfContact = "《中国共产党党员教育管理工作条例》第二十四条";
    public const string Development = "《中国共产党发展党员工作细则》";
    public const string Study = "《2019—2023年全国党员教育培训工作规划》";
    // The check-up and the branch assessment are local schemes with no regulation of their own: the platform's rules.
    public const string Warnings = "docs/rules/points-and-assessment.md#pa-12";
    public const string Assessment = "docs/rules/points-and-assessment.md#pa-14";
    public const string Points = "docs/rules/points-and-assessment.md#pa-9";
}

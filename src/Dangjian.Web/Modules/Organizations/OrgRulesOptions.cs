using Dangjian.Web.Platform;
using Dangjian.Web.Platform.CodeTables;
namespace Dangjian.Web.Modules.Organizations;

/// <summary>Numbers of docs/rules/organisation.md (O-1 to O-8) that practice varies on: settings with the regulation's defaults.</summary>
[ModuleContract]
public sealed class OrgRulesOptions
{
    public const string Section = "Rules:Organization";

    public int MinFullMembersForBranch { get; set; } = 3;
    public int MaxBranchMembers { get; set; } = 50;
    public int CommitteeThreshold { get; set; } = 7;
    public int MaxCommitteeSize { get; set; } = 7;
    public int TermYearsPartyCommittee { get; set; } = 5;
    public int TermYearsBranch { get; set; } = 3;
    public int TermYearsVillageOrCommunity { get; set; } = 5;
    public int TermReminderMonths { get; set; } = 6;

    /// <summary>单位类型 codes whose organisations serve 5-year terms (village and community: the table's 建制村 and 社区).</summary>
    public string[] FiveYearHostUnitTypes { get; set; } =
        [CodeTableDefaults.Value(CodeTableCatalog.UnitType, 2), CodeTableDefaults.Value(CodeTableCatalog.UnitType, 3)];
}

/// <summary>Citations used by the organisation rules, in one place.</summary>
[Platform.RegulationNames]
public static class OrgArticles
{
    public const string BranchSetup = "《中国共产党支部工作条例（试行）》第四条";
    public const string BranchCommittee = "《中国共产党支部工作条例（试行）》第六章";
    public const string Terms = "《关于党的基层组织任期的意见》（2018）";
    public const string TermReminder = "《中国共产党支部工作条例（试行）》第六章（届满前6个月提醒）";
    public const string ElectionPostpone = "《中国共产党基层组织选举工作条例》第三条";
    public const string Hierarchy = "《中国共产党章程》第五章、《中国共产党支部工作条例（试行）》第二章";
    public const string Transfer = "《中国共产党党员教育管理工作条例》第二十五条";
    public const string ElectionQuorum = "《中国共产党支部工作条例（试行）》第十一条";
}

namespace Dangjian.Web.Modules.Organizations;

/// <summary>单位类型 of party-rules.md §5, offered when a unit is created. The member registry makes this an editable code table.</summary>
public static class HostUnitTypes
{
    public static readonly string[] All =
        ["乡镇", "建制村", "社区", "机关", "事业单位", "公有经济控制企业", "非公有经济控制企业", "社会组织", "其他"];
}

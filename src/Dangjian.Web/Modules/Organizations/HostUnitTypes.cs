using Dangjian.Web.Platform.CodeTables;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>单位类型 of docs/rules/registry.md#r-3: the built-in values of the 单位类型 code table, which a tenant can edit.</summary>
public static class HostUnitTypes
{
    public static IReadOnlyList<string> Defaults => CodeTableCatalog.Find(CodeTableCatalog.UnitType)!.Defaults;
}

namespace Dangjian.Web.Modules.Dashboard;

/// <summary>Marker for the Dashboard module's strings: DashboardText.resx (zh-CN, neutral) and DashboardText.en.resx (English).</summary>
public sealed class DashboardText;

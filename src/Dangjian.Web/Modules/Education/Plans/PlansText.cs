namespace Dangjian.Web.Modules.Education.Plans;

/// <summary>Marker for the Plans feature's strings: PlansText.resx (zh-CN, neutral) and PlansText.en.resx (English).</summary>
public sealed class PlansText;

namespace Dangjian.Web.Modules.Development;

/// <summary>Marker for the Development module's strings: DevelopmentText.resx (zh-CN, neutral) and DevelopmentText.en.resx (English).</summary>
public sealed class DevelopmentText;

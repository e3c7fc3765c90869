namespace Dangjian.Web.Modules.Dues;

/// <summary>Marker for the Dues module's strings: DuesText.resx (zh-CN, neutral) and DuesText.en.resx (English).</summary>
public sealed class DuesText;

namespace Dangjian.Web.Modules.Assessment.CheckUps;

/// <summary>Marker for the CheckUps feature's strings: CheckUpsText.resx (zh-CN, neutral) and CheckUpsText.en.resx (English).</summary>
public sealed class CheckUpsText;

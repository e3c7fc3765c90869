namespace Dangjian.Web.Modules.Assessment.Points;

/// <summary>Marker for the Points feature's strings: PointsText.resx (zh-CN, neutral) and PointsText.en.resx (English).</summary>
public sealed class PointsText;

namespace Dangjian.Web.Modules.Education;

/// <summary>Marker for the Education module's shared strings: EducationText.resx (zh-CN, neutral) and EducationText.en.resx (English).</summary>
public sealed class EducationText;

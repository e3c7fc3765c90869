namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>Marker for the Exams feature's strings: ExamsText.resx (zh-CN, neutral) and ExamsText.en.resx (English).</summary>
public sealed class ExamsText;

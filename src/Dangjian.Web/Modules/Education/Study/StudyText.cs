namespace Dangjian.Web.Modules.Education.Study;

/// <summary>Marker for the Study feature's strings: StudyText.resx (zh-CN, neutral) and StudyText.en.resx (English).</summary>
public sealed class StudyText;

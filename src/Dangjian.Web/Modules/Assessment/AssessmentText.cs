namespace Dangjian.Web.Modules.Assessment;

/// <summary>Marker for the Assessment module's shared strings: AssessmentText.resx (zh-CN, neutral) and AssessmentText.en.resx (English).</summary>
public sealed class AssessmentText;

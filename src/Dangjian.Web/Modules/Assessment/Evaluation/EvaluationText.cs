namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>Marker for the branch assessment's strings: EvaluationText.resx (zh-CN, neutral) and EvaluationText.en.resx (English).</summary>
public sealed class EvaluationText;

namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>Exam settings (Rules:Education:Exams): the grace after an attempt's deadline (docs/rules/education.md#ex-1).</summary>
public sealed class ExamsOptions
{
    public const string Section = "Rules:Education:Exams";

    /// <summary>Seconds after the deadline an answer is still taken: the time a page's last save takes to arrive.</summary>
    public int GraceSeconds { get; set; } = 30;
}

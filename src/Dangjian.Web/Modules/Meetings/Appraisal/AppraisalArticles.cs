namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>Where the appraisal's procedure and the handling of a member appraised 不合格 are written, cited as written (docs/rules/organisation.md#o-15, #o-22).</summary>
[Platform.RegulationNames]
public static class AppraisalArticles
{
    public const string Handling = "《中国共产党章程》第九条";

    /// <summary>The procedure of the appraisal itself, as the page cites it.</summary>
    public const string Procedure = "《中国共产党支部工作条例（试行）》第五章";
}

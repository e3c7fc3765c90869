namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>Where the handling of a member appraised 不合格 is written, cited as written (docs/rules/organisation.md#o-22).</summary>
[Platform.RegulationNames]
public static class AppraisalArticles
{
    public const string Handling = "《中国共产党章程》第九条（限期改正、劝其退党、除名）";
}

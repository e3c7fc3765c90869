namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>
/// The grade proposed from the votes (the branch confirms it): 不合格 needs more than half of the voters, then 优秀 more
/// than half, then 基本合格 when 基本合格 and 不合格 together are more than half; otherwise 合格. The thresholds are the
/// platform's default reading of "generally by vote" (docs/rules/organisation.md#o-15; the grades have no written source).
/// </summary>
public static class AppraisalRules
{
    public const string Article = MeetingArticles.Appraisal;

    public static AppraisalGrade Proposed(int voters, int excellent, int qualified, int basic, int unqualified)
    {
        if (voters <= 0) return AppraisalGrade.Qualified;
        if (unqualified * 2 > voters) return AppraisalGrade.Unqualified;
        if (excellent * 2 > voters) return AppraisalGrade.Excellent;
        if ((basic + unqualified) * 2 > voters) return AppraisalGrade.BasicallyQualified;
        return AppraisalGrade.Qualified;
    }
}

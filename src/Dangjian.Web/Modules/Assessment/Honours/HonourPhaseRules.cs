namespace Dangjian.Web.Modules.Assessment.Honours;

/// <summary>
/// Which phase may follow which, and when (docs/rules/points-and-assessment.md#pa-17); the award's conditions
/// (docs/rules/points-and-assessment.md#pa-19); the notice's length in working days (docs/rules/points-and-assessment.md#pa-18).
/// No I/O: the handler gathers the counts and today's date.
/// </summary>
public static class HonourPhaseRules
{
    public const string Article = "docs/rules/points-and-assessment.md#pa-17";
    public const string NoticeArticle = "docs/rules/points-and-assessment.md#pa-18";
    public const string AwardArticle = "docs/rules/points-and-assessment.md#pa-19";

    /// <summary>What a campaign holds when a move is asked for.</summary>
    public sealed record Facts(int Nominated, int Approved, int PendingObjections, DateOnly Today, DateOnly NoticeEndsOn);

    public enum Refusal
    {
        None,
        NotNext,
        NoNominees,
        NoApproved,
        NoticeRunning,
        ObjectionsPending,
    }

    public static Refusal Check(HonourCampaignStatus from, HonourCampaignStatus to, Facts f)
    {
        if (from == HonourCampaignStatus.Awarded || (int)to != (int)from + 1) return Refusal.NotNext;
        return to switch
        {
            HonourCampaignStatus.Vote when f.Nominated == 0 => Refusal.NoNominees,
            HonourCampaignStatus.Notice when f.Approved == 0 => Refusal.NoApproved,
            HonourCampaignStatus.Awarded when f.Today <= f.NoticeEndsOn => Refusal.NoticeRunning,
            HonourCampaignStatus.Awarded when f.PendingObjections > 0 => Refusal.ObjectionsPending,
            _ => Refusal.None,
        };
    }

    /// <summary>The article a refusal rests on.</summary>
    public static string ArticleOf(Refusal r) => r is Refusal.NoticeRunning or Refusal.ObjectionsPending ? AwardArticle : Article;

    /// <summary>The planned dates follow the phases' order.</summary>
    public static bool InOrder(DateOnly nominationOpens, DateOnly nominationCloses, DateOnly voteCloses, DateOnly noticeStarts, DateOnly noticeEnds, DateOnly award) =>
        nominationOpens <= nominationCloses && nominationCloses <= voteCloses && voteCloses <= noticeStarts && noticeStarts <= noticeEnds && noticeEnds < award;

    /// <summary>Monday to Friday from <paramref name="from"/> to <paramref name="to"/>, both included (public holidays are not known here).</summary>
    public static int WorkingDays(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) n++;
        }
        return n;
    }

    /// <summary>
    /// The last day of a notice that starts on <paramref name="start"/>: the planned end, or later when that would leave
    /// fewer than <paramref name="workingDays"/> working days (a notice published late still runs its full length).
    /// </summary>
    public static DateOnly NoticeEnd(DateOnly start, DateOnly plannedEnd, int workingDays)
    {
        var end = start;
        var counted = end.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        while (counted < workingDays)
        {
            end = end.AddDays(1);
            if (end.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) counted++;
        }
        return plannedEnd > end ? plannedEnd : end;
    }

    /// <summary>In which phase each action of the campaign is taken.</summary>
    public static HonourCampaignStatus PhaseOf(HonourAction action) => action switch
    {
        HonourAction.Nominate => HonourCampaignStatus.Nomination,
        HonourAction.SetQuota => HonourCampaignStatus.Nomination,
        HonourAction.Vote => HonourCampaignStatus.Vote,
        HonourAction.Approve => HonourCampaignStatus.Approval,
        _ => HonourCampaignStatus.Notice,
    };
}

/// <summary>The writes a campaign takes in one phase only.</summary>
public enum HonourAction
{
    SetQuota,
    Nominate,
    Vote,
    Approve,
    Object,
    AnswerObjection,
}

using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Records;

/// <summary>
/// The vote of a meeting (docs/rules/organisation.md#o-12, #o-13): more than half of those with voting rights present (支委会: of the
/// committee, 第十二条); a resolution passes when the yes votes are more than half of those who should attend (第十一条).
/// </summary>
public static class MeetingVoteRules
{
    public static Error? Check(MeetingType type, int entitled, int present, int yes, int no, int abstain, IStringLocalizer<MeetingsText> T)
    {
        var article = type == MeetingType.CommitteeMeeting ? MeetingArticles.CommitteeMeeting : MeetingArticles.GeneralMeeting;
        if (entitled < 1 || present < 0 || yes < 0 || no < 0 || abstain < 0)
            return Error.Rule("VOTE_COUNTS", T["Vote.CountsInvalid"], article);
        if (present > entitled || yes + no + abstain > present)
            return Error.Rule("VOTE_COUNTS", T["Vote.CountsExceed", entitled, present, yes, no, abstain], article);
        if (present * 2 <= entitled)
            return Error.Rule("VOTE_QUORUM", T["Vote.NoQuorum", entitled, present], article);
        return null;
    }

    /// <summary>Passes when yes votes are more than half of those entitled (not of those present).</summary>
    public static bool Passes(int entitled, int yes) => yes * 2 > entitled;
}

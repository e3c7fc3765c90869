using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Modules.Meetings.Records;

/// <summary>
/// The vote of a meeting (docs/rules/organisation.md#o-12, #o-13): more than half of those with voting rights present (支委会: of the
/// committee, 第十二条); a resolution passes when the yes votes are more than half of those who should attend (第十一条).
/// </summary>
public static class MeetingVoteRules
{
    private const string Rules = "《中国共产党支部工作条例（试行）》";

    public static Error? Check(MeetingType type, int entitled, int present, int yes, int no, int abstain)
    {
        var article = Rules + (type == MeetingType.CommitteeMeeting ? "第十二条" : "第十一条");
        if (entitled < 1 || present < 0 || yes < 0 || no < 0 || abstain < 0)
            return Error.Rule("VOTE_COUNTS", "应到、实到人数和票数须为非负整数，应到人数至少为1", article);
        if (present > entitled || yes + no + abstain > present)
            return Error.Rule("VOTE_COUNTS", $"实到人数不能多于应到人数，票数之和不能多于实到人数（应到{entitled}，实到{present}，赞成{yes}、反对{no}、弃权{abstain}）", article);
        if (present * 2 <= entitled)
            return Error.Rule("VOTE_QUORUM", $"到会有表决权的人数须超过应到人数的半数才能进行表决（应到{entitled}，实到{present}）", article);
        return null;
    }

    /// <summary>Passes when yes votes are more than half of those entitled (not of those present).</summary>
    public static bool Passes(int entitled, int yes) => yes * 2 > entitled;
}

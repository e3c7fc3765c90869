using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Errors;

namespace Dangjian.Web.Modules.Development;

/// <summary>What a step records besides its date; each step reads the fields it needs.</summary>
public record StepData
{
    public string? Talker { get; init; }
    public string? Method { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<Guid>? MentorIds { get; init; }
    public IReadOnlyList<Guid>? SponsorIds { get; init; }
    public bool? VettingPassed { get; init; }
    public int? TrainingDays { get; init; }
    public int? TrainingHours { get; init; }
    public DateOnly? NoticeFrom { get; init; }
    public DateOnly? NoticeTo { get; init; }
    public bool? LeavingWithinThreeMonths { get; init; }
    public int? VotersEntitled { get; init; }
    public int? VotersPresent { get; init; }
    public int? VotesYes { get; init; }
    public int? CandidatesInVote { get; init; }
    public Guid? ApproverUnitId { get; init; }
    public string? DelayReason { get; init; }
    public string? QuotaReason { get; init; }
    public string? Outcome { get; init; }
    public int? ExtendMonths { get; init; }
}

public enum ProbationOutcome
{
    OnTime,
    Extend,
    Cancel,
}

/// <summary>A person named in a step (mentor, sponsor) as the registry knows them on the step's date.</summary>
public sealed record PersonFacts(Guid Id, string Name, bool IsFullMember, bool OnRoll, bool UnderProbationPunishment);

public sealed record DoneStep(int Step, DateOnly Date, StepData Data);

/// <summary>The case as far as it has gone.</summary>
/// <param name="ReviewAwaiting">When the last step awaits the joint review: the level it waits for.</param>
public sealed record CaseFacts(DateOnly? BirthDate, DateOnly ApplicationDate, CaseStatus Status, IReadOnlyList<DoneStep> Done,
    DateOnly? ResolutionOn, DateOnly? ProbationEndsOn, int ExtendedMonths, string? ReviewAwaiting = null)
{
    public DoneStep? Last => Done.Count == 0 ? null : Done[^1];

    public DoneStep? LastOf(int step) => Done.LastOrDefault(d => d.Step == step);

    /// <summary>The step after the last one; after step 6 it may be 6 again (the next assessment).</summary>
    public IReadOnlyList<int> Allowed => Status == CaseStatus.Cancelled || Last is null ? [] : Last.Step switch
    {
        6 => [6, 7],
        25 => [],
        23 when Last.Data.Outcome == nameof(ProbationOutcome.Extend) => [22],
        23 when Last.Data.Outcome == nameof(ProbationOutcome.Cancel) => [],
        var n => [n + 1],
    };
}

/// <param name="ApproverKind">The kind of the unit named as approver (steps 17 and 24), if one was named.</param>
public sealed record StepContext(int Step, DateOnly Date, DateOnly Today, StepData Data, CaseFacts Case, IReadOnlyList<PersonFacts> People,
    OrgUnitKind? ApproverKind);

/// <summary>A refusal (with the rule and its article) or the warnings that stay on the record.</summary>
public sealed record StepVerdict(Error? Refusal, IReadOnlyList<string> Warnings)
{
    public static StepVerdict Refuse(string code, string message, string article) => new(Error.Rule(code, message, article), []);
}

/// <summary>
/// Every timing and eligibility rule of 发展党员 (docs/rules/development.md) in one place. Pure: the handler gathers the facts,
/// this decides. A refusal names the rule in Chinese and where it is written.
/// </summary>
public static class DevelopmentRules
{
    public static StepVerdict Check(StepContext c, DevelopmentOptions o)
    {
        var warnings = new List<string>();
        var f = c.Case;
        var d = c.Data;

        if (c.Step is < 1 or > 25) return StepVerdict.Refuse("DEV_STEP", "步骤应为 1 至 25", DevelopmentArticles.Procedure);
        if (c.Date > c.Today) return StepVerdict.Refuse("DEV_FUTURE", "步骤日期不能晚于今天", DevelopmentArticles.Procedure);
        if (c.Step != 1)
        {
            if (!f.Allowed.Contains(c.Step))
            {
                var next = f.Allowed.Count == 0 ? "本案已结束，不能再登记步骤" : $"下一步应为{string.Join("或", f.Allowed.Select(DevelopmentSteps.Label))}";
                return StepVerdict.Refuse("DEV_ORDER", $"不能登记{DevelopmentSteps.Label(c.Step)}：{next}", DevelopmentArticles.Procedure);
            }
            if (f.ReviewAwaiting is { } awaiting)
                return StepVerdict.Refuse("DEV_REVIEW_PENDING", $"{DevelopmentSteps.Label(f.Last!.Step)}须经四级联审，待{awaiting}签署后方可进行下一步",
                    Review.JointReviewRules.Article);
            if (f.Last is { } last && c.Date < last.Date)
                return StepVerdict.Refuse("DEV_DATE_ORDER", $"{DevelopmentSteps.Label(c.Step)}的日期不能早于上一步（{Format(last.Date)}）", DevelopmentArticles.Procedure);
        }

        switch (c.Step)
        {
            case 1:
                if (f.BirthDate is { } birth && MemberFacts.Age(birth, c.Date) < o.MinimumAge)
                    return StepVerdict.Refuse("DEV_AGE", $"递交入党申请时须年满{o.MinimumAge}周岁，申请人在{Format(c.Date)}为{MemberFacts.Age(birth, c.Date)}周岁",
                        DevelopmentArticles.Age);
                break;
            case 2:
                if (c.Date > f.ApplicationDate.AddMonths(o.TalkWithinMonths))
                    warnings.Add($"党组织应在收到入党申请书后{o.TalkWithinMonths}个月内派人谈话（应于{Format(f.ApplicationDate.AddMonths(o.TalkWithinMonths))}前），本次谈话已逾期（{DevelopmentArticles.Talk}）");
                if (string.IsNullOrWhiteSpace(d.Talker)) return Missing("talker", "谈话人", DevelopmentArticles.Talk);
                break;
            case 3:
                if (d.Method is not ("党员推荐" or "群团推优"))
                    return StepVerdict.Refuse("DEV_ACTIVIST_METHOD", "确定入党积极分子应采取党员推荐或群团组织推优的方式产生人选（method 应为“党员推荐”或“群团推优”）",
                        DevelopmentArticles.Activist);
                break;
            case 5:
                var mentors = c.People.Where(p => d.MentorIds?.Contains(p.Id) == true).ToList();
                if (d.MentorIds is not { Count: > 0 } || d.MentorIds.Count > o.MaxMentors || mentors.Count != d.MentorIds.Count)
                    return StepVerdict.Refuse("DEV_MENTORS", $"应指定1至{o.MaxMentors}名正式党员作培养联系人", DevelopmentArticles.Mentors);
                if (mentors.FirstOrDefault(m => !m.IsFullMember || !m.OnRoll) is { } notFull)
                    return StepVerdict.Refuse("DEV_MENTORS", $"{notFull.Name}不是党籍正常的正式党员，不能作培养联系人", DevelopmentArticles.Mentors);
                break;
            case 6:
            case 7:
                var since = (f.LastOf(6) ?? f.LastOf(3))!.Date;
                if (c.Step == 6 && c.Date > since.AddMonths(o.AssessmentIntervalMonths))
                    warnings.Add($"入党积极分子应每半年考察一次，距上次（{Format(since)}）已超过{o.AssessmentIntervalMonths}个月（{DevelopmentArticles.Assessment}）");
                if (c.Step == 7)
                {
                    var activistOn = f.LastOf(3)!.Date;
                    var earliest = activistOn.AddMonths(o.ActivistMonthsBeforeCandidate);
                    if (c.Date < earliest)
                        return StepVerdict.Refuse("DEV_CANDIDATE_TOO_EARLY",
                            $"入党积极分子须经过一年以上培养教育和考察才能列为发展对象：{Format(activistOn)}确定为积极分子，最早{Format(earliest)}可确定为发展对象",
                            DevelopmentArticles.Candidate);
                }
                break;
            case 9:
                var sponsors = c.People.Where(p => d.SponsorIds?.Contains(p.Id) == true).ToList();
                if (d.SponsorIds is not { Count: 2 } || d.SponsorIds.Distinct().Count() != 2 || sponsors.Count != 2)
                    return StepVerdict.Refuse("DEV_SPONSORS", "发展对象应当有两名正式党员作入党介绍人", DevelopmentArticles.Sponsors);
                if (sponsors.FirstOrDefault(s => !s.IsFullMember || !s.OnRoll) is { } notSponsor)
                    return StepVerdict.Refuse("DEV_SPONSORS", $"{notSponsor.Name}不是党籍正常的正式党员，不能作入党介绍人", DevelopmentArticles.Sponsors);
                if (sponsors.FirstOrDefault(s => s.UnderProbationPunishment) is { } punished)
                    return StepVerdict.Refuse("DEV_SPONSOR_PUNISHED", $"{punished.Name}受留党察看处分、尚未恢复党员权利，不能作入党介绍人", DevelopmentArticles.Sponsors);
                break;
            case 10:
                if (d.VettingPassed is null) return Missing("vettingPassed", "政治审查结论", DevelopmentArticles.Vetting);
                if (d.VettingPassed == false) warnings.Add($"政治审查不合格，不能发展入党（{DevelopmentArticles.Vetting}）");
                break;
            case 11:
                if ((d.TrainingDays ?? 0) < o.TrainingMinDays && (d.TrainingHours ?? 0) < o.TrainingMinHours)
                    return StepVerdict.Refuse("DEV_TRAINING", $"集中培训时间不少于{o.TrainingMinDays}天或{o.TrainingMinHours}学时（本次{d.TrainingDays ?? 0}天、{d.TrainingHours ?? 0}学时）",
                        DevelopmentArticles.Training);
                break;
            case 12:
                if (NoticeRefusal(d, o) is { } notice12) return notice12;
                break;
            case 13:
                if (d.LeavingWithinThreeMonths == true)
                    return StepVerdict.Refuse("DEV_LEAVING", "发展对象未来三个月内将离开工作、学习单位的，一般不办理接收预备党员的手续", DevelopmentArticles.PreReview);
                var reviewDue = f.LastOf(12)!.Date.AddMonths(o.PreReviewWithinMonths);
                if (c.Date > reviewDue) warnings.Add($"上级党委预审一般应在{o.PreReviewWithinMonths}个月内完成（应于{Format(reviewDue)}前）");
                break;
            case 15:
            case 23:
                if (c.Step == 15)
                {
                    var vetting = f.LastOf(10);
                    if (vetting?.Data.VettingPassed != true)
                        return StepVerdict.Refuse("DEV_VETTING", "未经政治审查或政治审查不合格的，不能发展入党", DevelopmentArticles.Vetting);
                    if (c.Date > vetting.Date.AddMonths(o.VettingValidMonths))
                        return StepVerdict.Refuse("DEV_VETTING_EXPIRED", $"政治审查结论已超过{o.VettingValidMonths}个月有效期（{Format(vetting.Date)}作出），须重新审查",
                            DevelopmentArticles.Vetting);
                }
                else
                {
                    if (c.Date < f.ProbationEndsOn)
                        return StepVerdict.Refuse("DEV_PROBATION_NOT_OVER",
                            $"预备期从支部大会通过之日算起，到{Format(f.ProbationEndsOn!.Value)}期满，期满后方可讨论转正", DevelopmentArticles.Probation);
                    if (NoticeRefusal(d, o) is { } notice23) return notice23;
                }
                if (VoteRefusal(d) is { } vote) return vote;
                if (c.Step == 23)
                {
                    if (!Enum.TryParse<ProbationOutcome>(d.Outcome, out var outcome) || !Enum.IsDefined(outcome))
                        return Missing("outcome", "转正结论（OnTime 按期转正、Extend 延长预备期、Cancel 取消预备党员资格）", DevelopmentArticles.Extension);
                    if (outcome == ProbationOutcome.Extend)
                    {
                        if (f.ExtendedMonths > 0)
                            return StepVerdict.Refuse("DEV_EXTENDED_TWICE", "预备期只能延长一次", DevelopmentArticles.Extension);
                        if (d.ExtendMonths is not { } months || months < o.ExtensionMinMonths || months > o.ExtensionMaxMonths)
                            return StepVerdict.Refuse("DEV_EXTENSION_LENGTH", $"延长预备期的时间不能少于{o.ExtensionMinMonths}个月，不能超过{o.ExtensionMaxMonths}个月",
                                DevelopmentArticles.Extension);
                    }
                }
                break;
            case 17:
            case 24:
                if (c.ApproverKind is null) return Missing("approverUnitId", "审批党委", DevelopmentArticles.Approval);
                if (c.ApproverKind != OrgUnitKind.PartyCommittee)
                    return StepVerdict.Refuse("DEV_APPROVER", "审批须由具有审批权限的党委集体讨论决定，党总支和党支部没有审批权限", DevelopmentArticles.Approval);
                var from = c.Step == 17 ? f.ResolutionOn!.Value : f.LastOf(23)!.Date;
                var due = from.AddMonths(o.ApprovalWithinMonths);
                var max = from.AddMonths(o.ApprovalMaxMonths);
                if (c.Date > max)
                    return StepVerdict.Refuse("DEV_APPROVAL_LATE", $"上级党委应在支部大会决议后{o.ApprovalWithinMonths}个月内审批，特殊情况不超过{o.ApprovalMaxMonths}个月（最迟{Format(max)}）",
                        c.Step == 17 ? DevelopmentArticles.Approval : DevelopmentArticles.FullMembership);
                if (c.Date > due)
                {
                    if (string.IsNullOrWhiteSpace(d.DelayReason))
                        return StepVerdict.Refuse("DEV_APPROVAL_DELAY_REASON", $"超过{o.ApprovalWithinMonths}个月（{Format(due)}）审批属特殊情况，须写明延长审批的原因",
                            c.Step == 17 ? DevelopmentArticles.Approval : DevelopmentArticles.FullMembership);
                    warnings.Add($"审批超过{o.ApprovalWithinMonths}个月：{d.DelayReason!.Trim()}");
                }
                break;
            case 22:
                var earliestApply = f.ProbationEndsOn!.Value.AddDays(-o.ApplyForFullMembershipDaysBefore);
                if (c.Date < earliestApply) warnings.Add($"转正申请一般在预备期满前{o.ApplyForFullMembershipDaysBefore}天内提出（预备期{Format(f.ProbationEndsOn.Value)}期满）");
                break;
            case 25:
                var archiveDue = f.LastOf(24)!.Date.AddDays(o.ArchiveWithinDays);
                if (c.Date > archiveDue) warnings.Add($"材料应在转正后{o.ArchiveWithinDays}天内归档（应于{Format(archiveDue)}前）");
                break;
        }
        return new StepVerdict(null, warnings);
    }

    /// <summary>One year from the 支部大会 resolution, plus any extension: ends on the anniversary.</summary>
    public static DateOnly ProbationEnd(DateOnly resolution, int probationMonths, int extendedMonths) =>
        resolution.AddMonths(probationMonths + extendedMonths);

    /// <summary>Monday to Friday, both ends included (public holidays are not known here).</summary>
    public static int WorkingDays(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) n++;
        }
        return n;
    }

    /// <summary>When the next step is due (or, for 发展对象 and 转正, the earliest day it may be done), for reminders.</summary>
    public static (int Step, DateOnly Date, bool Earliest)? NextDue(CaseFacts f, DevelopmentOptions o)
    {
        if (f.Allowed.Count == 0 || f.Last is not { } last || f.ReviewAwaiting is not null) return null;
        return f.Allowed[^1] switch
        {
            2 => (2, f.ApplicationDate.AddMonths(o.TalkWithinMonths), false),
            7 => (7, f.LastOf(3)!.Date.AddMonths(o.ActivistMonthsBeforeCandidate), true),
            6 when last.Step == 5 => (6, f.LastOf(3)!.Date.AddMonths(o.AssessmentIntervalMonths), false),
            13 => (13, last.Date.AddMonths(o.PreReviewWithinMonths), false),
            17 => (17, f.ResolutionOn!.Value.AddMonths(o.ApprovalWithinMonths), false),
            22 => (22, f.ProbationEndsOn!.Value.AddDays(-o.ApplyForFullMembershipDaysBefore), true),
            23 => (23, f.ProbationEndsOn!.Value, true),
            24 => (24, last.Date.AddMonths(o.ApprovalWithinMonths), false),
            25 => (25, last.Date.AddDays(o.ArchiveWithinDays), false),
            _ => null,
        };
    }

    private static StepVerdict? NoticeRefusal(StepData d, DevelopmentOptions o)
    {
        if (d.NoticeFrom is not { } from || d.NoticeTo is not { } to || to < from)
            return StepVerdict.Refuse("DEV_NOTICE", "须登记公示的起止日期", DevelopmentArticles.PublicNotice);
        var days = WorkingDays(from, to);
        return days < o.PublicNoticeWorkingDays
            ? StepVerdict.Refuse("DEV_NOTICE", $"公示期不少于{o.PublicNoticeWorkingDays}个工作日（{Format(from)}至{Format(to)}只有{days}个工作日）", DevelopmentArticles.PublicNotice)
            : null;
    }

    /// <summary>The 支部大会 vote: quorum more than half of those entitled, yes more than half of those entitled, one candidate at a time.</summary>
    private static StepVerdict? VoteRefusal(StepData d)
    {
        if (d.VotersEntitled is not { } entitled || entitled < 1 || d.VotersPresent is not { } present || d.VotesYes is not { } yes)
            return StepVerdict.Refuse("DEV_VOTE_MISSING", "须登记应到会有表决权的正式党员人数、实到人数和赞成票数", DevelopmentArticles.Vote);
        if (present > entitled || yes > entitled || present < 0 || yes < 0)
            return StepVerdict.Refuse("DEV_VOTE_COUNTS", "实到人数和赞成票数不能多于应到会有表决权的人数", DevelopmentArticles.Vote);
        if (present * 2 <= entitled)
            return StepVerdict.Refuse("DEV_QUORUM", $"有表决权的到会人数必须超过应到会有表决权人数的半数（应到{entitled}人，实到{present}人）", DevelopmentArticles.Quorum);
        if (d.CandidatesInVote is > 1)
            return StepVerdict.Refuse("DEV_ONE_AT_A_TIME", "讨论两个以上的发展对象时，必须逐个讨论和表决", DevelopmentArticles.Vote);
        if (yes * 2 <= entitled)
            return StepVerdict.Refuse("DEV_VOTE_FAILED", $"赞成人数须超过应到会有表决权的正式党员的半数（应到{entitled}人，赞成{yes}人），未能通过决议", DevelopmentArticles.Vote);
        return null;
    }

    private static StepVerdict Missing(string field, string what, string article) =>
        new(new Error("DEV_MISSING", $"请填写{what}", StatusCodes.Status422UnprocessableEntity, article,
            new Dictionary<string, string[]> { [field] = [$"请填写{what}"] }), []);

    private static string Format(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}

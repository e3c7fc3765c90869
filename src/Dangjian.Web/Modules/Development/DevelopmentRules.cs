using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Development;

/// <summary>What a step records besides its date; each step reads the fields it needs.</summary>
public record StepData
{
    [MaxLength(100)] public string? Talker { get; init; }
    [MaxLength(100)] public string? Method { get; init; }
    [MultiLine, MaxLength(400)] public string? Note { get; init; }
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
    [MultiLine, MaxLength(400)] public string? DelayReason { get; init; }
    [MultiLine, MaxLength(400)] public string? QuotaReason { get; init; }
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
/// this decides. A refusal names the rule (its text from DevelopmentText.resx, through the localizer passed in, so the
/// rules stay free of services) and where it is written.
/// </summary>
public static class DevelopmentRules
{
    private static readonly System.Resources.ResourceManager Texts = new(typeof(DevelopmentText));

    /// <summary>The ways an activist is put forward (step 3's method), as stored: 党员推荐, 群团推优.</summary>
    public static readonly IReadOnlyList<string> ActivistMethods = [Texts.InChinese("Dev.Method.Value.Members"), Texts.InChinese("Dev.Method.Value.Mass")];

    public static StepVerdict Check(StepContext c, DevelopmentOptions o, IStringLocalizer<DevelopmentText> T)
    {
        var warnings = new List<string>();
        var f = c.Case;
        var d = c.Data;

        if (c.Step is < 1 or > 25) return StepVerdict.Refuse("DEV_STEP", T["Dev.Rule.Step"], DevelopmentArticles.Procedure);
        if (c.Date > c.Today) return StepVerdict.Refuse("DEV_FUTURE", T["Dev.Rule.Future"], DevelopmentArticles.Procedure);
        if (c.Step != 1)
        {
            if (!f.Allowed.Contains(c.Step))
            {
                var next = f.Allowed.Count == 0 ? T["Dev.Rule.Closed"].Value : T["Dev.Rule.NextIs", string.Join(T["Dev.Rule.Or"], f.Allowed.Select(n => Step(T, n)))].Value;
                return StepVerdict.Refuse("DEV_ORDER", T["Dev.Rule.Order", Step(T, c.Step), next], DevelopmentArticles.Procedure);
            }
            if (f.ReviewAwaiting is { } awaiting)
                return StepVerdict.Refuse("DEV_REVIEW_PENDING", T["Dev.Rule.ReviewPending", Step(T, f.Last!.Step), awaiting],
                    Review.JointReviewRules.Article);
            if (f.Last is { } last && c.Date < last.Date)
                return StepVerdict.Refuse("DEV_DATE_ORDER", T["Dev.Rule.DateOrder", Step(T, c.Step), Format(T, last.Date)], DevelopmentArticles.Procedure);
        }

        switch (c.Step)
        {
            case 1:
                if (f.BirthDate is { } birth && MemberFacts.Age(birth, c.Date) < o.MinimumAge)
                    return StepVerdict.Refuse("DEV_AGE", T["Dev.Rule.Age", o.MinimumAge, Format(T, c.Date), MemberFacts.Age(birth, c.Date) ?? 0],
                        DevelopmentArticles.Age);
                break;
            case 2:
                if (c.Date > f.ApplicationDate.AddMonths(o.TalkWithinMonths))
                    warnings.Add(T["Dev.Rule.TalkLate", o.TalkWithinMonths, Format(T, f.ApplicationDate.AddMonths(o.TalkWithinMonths)), DevelopmentArticles.Talk]);
                if (string.IsNullOrWhiteSpace(d.Talker)) return Missing(T, "talker", "Dev.Rule.What.Talker", DevelopmentArticles.Talk);
                break;
            case 3:
                if (d.Method is null || !ActivistMethods.Contains(d.Method))
                    return StepVerdict.Refuse("DEV_ACTIVIST_METHOD", T["Dev.Rule.ActivistMethod"],
                        DevelopmentArticles.Activist);
                break;
            case 5:
                var mentors = c.People.Where(p => d.MentorIds?.Contains(p.Id) == true).ToList();
                if (d.MentorIds is not { Count: > 0 } || d.MentorIds.Count > o.MaxMentors || mentors.Count != d.MentorIds.Count)
                    return StepVerdict.Refuse("DEV_MENTORS", T["Dev.Rule.Mentors", o.MaxMentors], DevelopmentArticles.Mentors);
                if (mentors.FirstOrDefault(m => !m.IsFullMember || !m.OnRoll) is { } notFull)
                    return StepVerdict.Refuse("DEV_MENTORS", T["Dev.Rule.MentorNotFull", notFull.Name], DevelopmentArticles.Mentors);
                break;
            case 6:
            case 7:
                var since = (f.LastOf(6) ?? f.LastOf(3))!.Date;
                if (c.Step == 6 && c.Date > since.AddMonths(o.AssessmentIntervalMonths))
                    warnings.Add(T["Dev.Rule.AssessmentLate", Format(T, since), o.AssessmentIntervalMonths, DevelopmentArticles.Assessment]);
                if (c.Step == 7)
                {
                    var activistOn = f.LastOf(3)!.Date;
                    var earliest = activistOn.AddMonths(o.ActivistMonthsBeforeCandidate);
                    if (c.Date < earliest)
                        return StepVerdict.Refuse("DEV_CANDIDATE_TOO_EARLY",
                            T["Dev.Rule.CandidateTooEarly", Format(T, activistOn), Format(T, earliest)],
                            DevelopmentArticles.Candidate);
                }
                break;
            case 9:
                var sponsors = c.People.Where(p => d.SponsorIds?.Contains(p.Id) == true).ToList();
                if (d.SponsorIds is not { Count: 2 } || d.SponsorIds.Distinct().Count() != 2 || sponsors.Count != 2)
                    return StepVerdict.Refuse("DEV_SPONSORS", T["Dev.Rule.Sponsors"], DevelopmentArticles.Sponsors);
                if (sponsors.FirstOrDefault(s => !s.IsFullMember || !s.OnRoll) is { } notSponsor)
                    return StepVerdict.Refuse("DEV_SPONSORS", T["Dev.Rule.SponsorNotFull", notSponsor.Name], DevelopmentArticles.Sponsors);
                if (sponsors.FirstOrDefault(s => s.UnderProbationPunishment) is { } punished)
                    return StepVerdict.Refuse("DEV_SPONSOR_PUNISHED", T["Dev.Rule.SponsorPunished", punished.Name], DevelopmentArticles.Sponsors);
                break;
            case 10:
                if (d.VettingPassed is null) return Missing(T, "vettingPassed", "Dev.Rule.What.Vetting", DevelopmentArticles.Vetting);
                if (d.VettingPassed == false) warnings.Add(T["Dev.Rule.VettingFailedWarning", DevelopmentArticles.Vetting]);
                break;
            case 11:
                if ((d.TrainingDays ?? 0) < o.TrainingMinDays && (d.TrainingHours ?? 0) < o.TrainingMinHours)
                    return StepVerdict.Refuse("DEV_TRAINING", T["Dev.Rule.Training", o.TrainingMinDays, o.TrainingMinHours, d.TrainingDays ?? 0, d.TrainingHours ?? 0],
                        DevelopmentArticles.Training);
                break;
            case 12:
                if (NoticeRefusal(d, o, T) is { } notice12) return notice12;
                break;
            case 13:
                if (d.LeavingWithinThreeMonths == true)
                    return StepVerdict.Refuse("DEV_LEAVING", T["Dev.Rule.Leaving"], DevelopmentArticles.PreReview);
                var reviewDue = f.LastOf(12)!.Date.AddMonths(o.PreReviewWithinMonths);
                if (c.Date > reviewDue) warnings.Add(T["Dev.Rule.PreReviewLate", o.PreReviewWithinMonths, Format(T, reviewDue)]);
                break;
            case 15:
            case 23:
                if (c.Step == 15)
                {
                    var vetting = f.LastOf(10);
                    if (vetting?.Data.VettingPassed != true)
                        return StepVerdict.Refuse("DEV_VETTING", T["Dev.Rule.Vetting"], DevelopmentArticles.Vetting);
                    if (c.Date > vetting.Date.AddMonths(o.VettingValidMonths))
                        return StepVerdict.Refuse("DEV_VETTING_EXPIRED", T["Dev.Rule.VettingExpired", o.VettingValidMonths, Format(T, vetting.Date)],
                            DevelopmentArticles.Vetting);
                }
                else
                {
                    if (c.Date < f.ProbationEndsOn)
                        return StepVerdict.Refuse("DEV_PROBATION_NOT_OVER",
                            T["Dev.Rule.ProbationNotOver", Format(T, f.ProbationEndsOn!.Value)], DevelopmentArticles.Probation);
                    if (NoticeRefusal(d, o, T) is { } notice23) return notice23;
                }
                if (VoteRefusal(d, T) is { } vote) return vote;
                if (c.Step == 23)
                {
                    if (!Enum.TryParse<ProbationOutcome>(d.Outcome, out var outcome) || !Enum.IsDefined(outcome))
                        return Missing(T, "outcome", "Dev.Rule.What.Outcome", DevelopmentArticles.Extension);
                    if (outcome == ProbationOutcome.Extend)
                    {
                        if (f.ExtendedMonths > 0)
                            return StepVerdict.Refuse("DEV_EXTENDED_TWICE", T["Dev.Rule.ExtendedTwice"], DevelopmentArticles.Extension);
                        if (d.ExtendMonths is not { } months || months < o.ExtensionMinMonths || months > o.ExtensionMaxMonths)
                            return StepVerdict.Refuse("DEV_EXTENSION_LENGTH", T["Dev.Rule.ExtensionLength", o.ExtensionMinMonths, o.ExtensionMaxMonths],
                                DevelopmentArticles.Extension);
                    }
                }
                break;
            case 17:
            case 24:
                if (c.ApproverKind is null) return Missing(T, "approverUnitId", "Dev.Rule.What.Approver", DevelopmentArticles.Approval);
                if (c.ApproverKind != OrgUnitKind.PartyCommittee)
                    return StepVerdict.Refuse("DEV_APPROVER", T["Dev.Rule.Approver"], DevelopmentArticles.Approval);
                var from = c.Step == 17 ? f.ResolutionOn!.Value : f.LastOf(23)!.Date;
                var due = from.AddMonths(o.ApprovalWithinMonths);
                var max = from.AddMonths(o.ApprovalMaxMonths);
                if (c.Date > max)
                    return StepVerdict.Refuse("DEV_APPROVAL_LATE", T["Dev.Rule.ApprovalLate", o.ApprovalWithinMonths, o.ApprovalMaxMonths, Format(T, max)],
                        c.Step == 17 ? DevelopmentArticles.Approval : DevelopmentArticles.FullMembership);
                if (c.Date > due)
                {
                    if (string.IsNullOrWhiteSpace(d.DelayReason))
                        return StepVerdict.Refuse("DEV_APPROVAL_DELAY_REASON", T["Dev.Rule.ApprovalDelayReason", o.ApprovalWithinMonths, Format(T, due)],
                            c.Step == 17 ? DevelopmentArticles.Approval : DevelopmentArticles.FullMembership);
                    warnings.Add(T["Dev.Rule.ApprovalDelayed", o.ApprovalWithinMonths, d.DelayReason!.Trim()]);
                }
                break;
            case 22:
                var earliestApply = f.ProbationEndsOn!.Value.AddDays(-o.ApplyForFullMembershipDaysBefore);
                if (c.Date < earliestApply) warnings.Add(T["Dev.Rule.ApplyEarly", o.ApplyForFullMembershipDaysBefore, Format(T, f.ProbationEndsOn.Value)]);
                break;
            case 25:
                var archiveDue = f.LastOf(24)!.Date.AddDays(o.ArchiveWithinDays);
                if (c.Date > archiveDue) warnings.Add(T["Dev.Rule.ArchiveLate", o.ArchiveWithinDays, Format(T, archiveDue)]);
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

    private static StepVerdict? NoticeRefusal(StepData d, DevelopmentOptions o, IStringLocalizer<DevelopmentText> T)
    {
        if (d.NoticeFrom is not { } from || d.NoticeTo is not { } to || to < from)
            return StepVerdict.Refuse("DEV_NOTICE", T["Dev.Rule.NoticeDates"], DevelopmentArticles.PublicNotice);
        var days = WorkingDays(from, to);
        return days < o.PublicNoticeWorkingDays
            ? StepVerdict.Refuse("DEV_NOTICE", T["Dev.Rule.NoticeShort", o.PublicNoticeWorkingDays, Format(T, from), Format(T, to), days], DevelopmentArticles.PublicNotice)
            : null;
    }

    /// <summary>The 支部大会 vote: quorum more than half of those entitled, yes more than half of those entitled, one candidate at a time.</summary>
    private static StepVerdict? VoteRefusal(StepData d, IStringLocalizer<DevelopmentText> T)
    {
        if (d.VotersEntitled is not { } entitled || entitled < 1 || d.VotersPresent is not { } present || d.VotesYes is not { } yes)
            return StepVerdict.Refuse("DEV_VOTE_MISSING", T["Dev.Rule.VoteMissing"], DevelopmentArticles.Vote);
        if (present > entitled || yes > entitled || present < 0 || yes < 0)
            return StepVerdict.Refuse("DEV_VOTE_COUNTS", T["Dev.Rule.VoteCounts"], DevelopmentArticles.Vote);
        if (present * 2 <= entitled)
            return StepVerdict.Refuse("DEV_QUORUM", T["Dev.Rule.Quorum", entitled, present], DevelopmentArticles.Quorum);
        if (d.CandidatesInVote is > 1)
            return StepVerdict.Refuse("DEV_ONE_AT_A_TIME", T["Dev.Rule.OneAtATime"], DevelopmentArticles.Vote);
        if (yes * 2 <= entitled)
            return StepVerdict.Refuse("DEV_VOTE_FAILED", T["Dev.Rule.VoteFailed", entitled, yes], DevelopmentArticles.Vote);
        return null;
    }

    private static StepVerdict Missing(IStringLocalizer<DevelopmentText> T, string field, string whatKey, string article)
    {
        var message = T["Dev.Rule.Missing", T[whatKey]].Value;
        return new(new Error("DEV_MISSING", message, StatusCodes.Status422UnprocessableEntity, article,
            new Dictionary<string, string[]> { [field] = [message] }), []);
    }

    private static string Format(IStringLocalizer<DevelopmentText> T, DateOnly d) => T["Dev.Rule.Date", d];

    private static string Step(IStringLocalizer<DevelopmentText> T, int number) => T["Dev.Rule.StepLabel", number, T["DevStep." + number]];
}

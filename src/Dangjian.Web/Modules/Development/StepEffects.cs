using Dangjian.Web.Modules.Members;

namespace Dangjian.Web.Modules.Development;

/// <summary>
/// What a step changes on the case and the person's record (积极分子, 发展对象, 预备党员 with 入党日期 = the resolution,
/// 正式党员 with 转正日期 = the end of probation, an extension, a cancellation).
/// </summary>
public static class StepEffects
{
    public static void Apply(DevelopmentCase c, Member member, int step, DateOnly date, StepData data, DevelopmentOptions o, DateTimeOffset now)
    {
        switch (step)
        {
            case 3:
                member.Category = MemberCategory.Activist;
                member.ActivistOn = date;
                break;
            case 7:
                member.Category = MemberCategory.Candidate;
                member.CandidateOn = date;
                break;
            case 15:
                c.ResolutionOn = date;
                c.ProbationEndsOn = DevelopmentRules.ProbationEnd(date, o.ProbationMonths, 0);
                break;
            case 17:
                c.Status = CaseStatus.Probation;
                member.Category = MemberCategory.Probationary;
                member.JoinedOn = c.ResolutionOn;
                break;
            case 23 when data.Outcome == nameof(ProbationOutcome.Extend):
                c.ExtendedMonths = data.ExtendMonths!.Value;
                member.ProbationExtendedMonths = c.ExtendedMonths;
                c.ProbationEndsOn = DevelopmentRules.ProbationEnd(c.ResolutionOn!.Value, o.ProbationMonths, c.ExtendedMonths);
                break;
            case 23 when data.Outcome == nameof(ProbationOutcome.Cancel):
                c.Status = CaseStatus.Cancelled;
                member.Category = MemberCategory.Masses;
                member.JoinedOn = null;
                break;
            case 24:
                c.Status = CaseStatus.Full;
                member.Category = MemberCategory.Full;
                member.FullMemberOn = c.ProbationEndsOn;
                break;
        }
        member.UpdatedAt = now;
    }

}

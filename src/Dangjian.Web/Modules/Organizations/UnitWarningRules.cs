namespace Dangjian.Web.Modules.Organizations;

/// <summary>The facts about one unit that the set-up rules look at.</summary>
public sealed record UnitFacts(
    OrgUnitKind Kind,
    OrgSetup Setup,
    int FullMembers,
    int PartyMembers,
    int CommitteeSize,
    DateOnly? TermEndOn,
    DateOnly Today);

/// <summary>A rule that does not hold on a unit: code, the message's arguments, and the article it rests on.</summary>
public sealed record UnitWarning(string Code, string Article, object[] Args);

/// <summary>
/// The set-up rules of docs/rules/organisation.md (O-1, O-2, O-5, O-8) as warnings on a unit: committee needed, too large, too few full members,
/// committee too large, term expiring within the reminder window, term expired. Side-effect free.
/// </summary>
public static class UnitWarningRules
{
    public const string NeedsCommittee = "BRANCH_NEEDS_COMMITTEE";
    public const string TooManyMembers = "BRANCH_TOO_LARGE";
    public const string TooFewFullMembers = "BRANCH_TOO_FEW_FULL_MEMBERS";
    public const string CommitteeTooLarge = "COMMITTEE_TOO_LARGE";
    public const string TermExpiring = "TERM_EXPIRING";
    public const string TermExpired = "TERM_EXPIRED";

    public static IReadOnlyList<UnitWarning> Evaluate(UnitFacts f, OrgRulesOptions o)
    {
        var warnings = new List<UnitWarning>();
        if (f.Kind == OrgUnitKind.Branch)
        {
            if (f.FullMembers >= o.CommitteeThreshold && f.CommitteeSize == 0)
                warnings.Add(new(NeedsCommittee, OrgArticles.BranchCommittee, [f.FullMembers, o.CommitteeThreshold]));
            if (f.PartyMembers > o.MaxBranchMembers)
                warnings.Add(new(TooManyMembers, OrgArticles.BranchSetup, [f.PartyMembers, o.MaxBranchMembers]));
            if (f.FullMembers < o.MinFullMembersForBranch)
                warnings.Add(new(TooFewFullMembers, OrgArticles.BranchSetup, [f.FullMembers, o.MinFullMembersForBranch]));
            if (f.CommitteeSize > o.MaxCommitteeSize)
                warnings.Add(new(CommitteeTooLarge, OrgArticles.BranchCommittee, [f.CommitteeSize, o.MaxCommitteeSize]));
        }

        if (f.TermEndOn is { } end && f.Kind != OrgUnitKind.Group)
        {
            if (end < f.Today)
                warnings.Add(new(TermExpired, OrgArticles.Terms, [end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
            else if (end <= f.Today.AddMonths(o.TermReminderMonths))
                warnings.Add(new(TermExpiring, OrgArticles.TermReminder, [end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), end.DayNumber - f.Today.DayNumber]));
        }
        return warnings;
    }
}

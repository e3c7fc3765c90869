namespace Dangjian.Web.Modules.Meetings.Compliance;

public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>How often a kind of meeting is required, where that is written, and when a branch is exempt from it.</summary>
public sealed record Requirement(MeetingType Type, PeriodKind Period, int Required, string Article, bool NeedsCommittee = false, bool NeedsGroups = false);

/// <summary>One period of a requirement: how many were required and held, and the colour.</summary>
public sealed record PeriodStatus(string Period, DateOnly From, DateOnly To, int Required, int Held, string Status, bool DueSoon);

public sealed record RequirementCalendar(Requirement Requirement, IReadOnlyList<PeriodStatus> Periods);

/// <summary>
/// 三会一课 compliance calendar: the required frequencies of docs/rules/organisation.md#o-10 turned into periods (calendar months,
/// quarters, years in China time). A period is green when enough were held, red when it ended without, yellow while
/// it is open or ahead; a branch with no committee is exempt from 支委会, one without 党小组 from 党小组会.
/// </summary>
public static class ComplianceRules
{
    /// <summary>The defaults; `Rules:Meetings:Frequencies` changes a period (Month, Quarter, Year) or removes one (None).</summary>
    public static readonly IReadOnlyList<Requirement> Defaults =
    [
        new(MeetingType.BranchGeneralMeeting, PeriodKind.Quarter, 1, MeetingArticles.GeneralMeeting),
        new(MeetingType.CommitteeMeeting, PeriodKind.Month, 1, MeetingArticles.CommitteeMeeting, NeedsCommittee: true),
        new(MeetingType.GroupMeeting, PeriodKind.Month, 1, MeetingArticles.GroupMeeting, NeedsGroups: true),
        new(MeetingType.PartyLecture, PeriodKind.Quarter, 1, MeetingArticles.PartyLecture),
        new(MeetingType.ThemeDay, PeriodKind.Month, 1, MeetingArticles.ThemeDay),
        new(MeetingType.OrgLifeMeeting, PeriodKind.Year, 1, MeetingArticles.OrgLifeMeeting),
        new(MeetingType.DemocraticAppraisal, PeriodKind.Year, 1, MeetingArticles.DemocraticAppraisal),
        new(MeetingType.HeartTalk, PeriodKind.Year, 1, MeetingArticles.HeartTalk),
    ];

    public static IReadOnlyList<Requirement> WithSettings(IReadOnlyDictionary<string, string>? frequencies)
    {
        if (frequencies is null || frequencies.Count == 0) return Defaults;
        var list = new List<Requirement>();
        foreach (var r in Defaults)
        {
            if (!frequencies.TryGetValue(r.Type.ToString(), out var setting)) list.Add(r);
            else if (Enum.TryParse<PeriodKind>(setting, out var period)) list.Add(r with { Period = period });
            // "None" (or anything else): not required in this installation.
        }
        return list;
    }

    public static IReadOnlyList<(DateOnly From, DateOnly To, string Label)> Periods(PeriodKind kind, int year) => kind switch
    {
        PeriodKind.Month => Enumerable.Range(1, 12).Select(m => (new DateOnly(year, m, 1), new DateOnly(year, m, 1).AddMonths(1).AddDays(-1), $"{year}-{m:00}")).ToList(),
        PeriodKind.Quarter => Enumerable.Range(0, 4).Select(q => (new DateOnly(year, q * 3 + 1, 1), new DateOnly(year, q * 3 + 1, 1).AddMonths(3).AddDays(-1), $"{year}-Q{q + 1}"))
            .ToList(),
        _ => [(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"{year}")],
    };

    /// <param name="held">Meetings that count (not cancelled): their kind and the China calendar day they started.</param>
    public static IReadOnlyList<RequirementCalendar> Calendar(IReadOnlyList<Requirement> requirements, int year, DateOnly today, bool hasCommittee, bool hasGroups,
        IReadOnlyList<(MeetingType Type, DateOnly Day)> held, int dueSoonDays)
    {
        return requirements.Select(r =>
        {
            var exempt = (r.NeedsCommittee && !hasCommittee) || (r.NeedsGroups && !hasGroups);
            var periods = Periods(r.Period, year).Select(p =>
            {
                var count = held.Count(h => h.Type == r.Type && h.Day >= p.From && h.Day <= p.To);
                var status = exempt ? "exempt" : count >= r.Required ? "green" : today > p.To ? "red" : "yellow";
                var dueSoon = status == "yellow" && today >= p.From && p.To.DayNumber - today.DayNumber < dueSoonDays;
                return new PeriodStatus(p.Label, p.From, p.To, exempt ? 0 : r.Required, count, status, dueSoon);
            }).ToList();
            return new RequirementCalendar(r, periods);
        }).ToList();
    }
}

namespace Dangjian.Web.Modules.Organizations.Committees;

/// <summary>Term length and dates of docs/rules/organisation.md#o-7 (《关于党的基层组织任期的意见》).</summary>
public static class TermRules
{
    /// <summary>Years of a term, or null for units that elect no committee (党小组).</summary>
    public static int? TermYears(OrgUnitKind kind, string? hostUnitType, OrgRulesOptions o)
    {
        if (kind == OrgUnitKind.Group) return null;
        if (hostUnitType is not null && o.FiveYearHostUnitTypes.Contains(hostUnitType)) return o.TermYearsVillageOrCommunity;
        return kind == OrgUnitKind.PartyCommittee ? o.TermYearsPartyCommittee : o.TermYearsBranch;
    }

    /// <summary>The last day of a term that starts on <paramref name="start"/>.</summary>
    public static DateOnly EndOn(DateOnly start, int years) => start.AddYears(years).AddDays(-1);

    /// <summary>An election may be postponed or brought forward by at most one year, with approval.</summary>
    public static bool IsAllowedShift(DateOnly regularEnd, DateOnly actualEnd) =>
        actualEnd <= regularEnd.AddYears(1) && actualEnd >= regularEnd.AddYears(-1);
}

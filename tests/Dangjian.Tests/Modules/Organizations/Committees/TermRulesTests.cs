using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;

namespace Dangjian.Tests.Modules.Organizations.Committees;

/// <summary>
/// 《关于党的基层组织任期的意见》: 基层党委 5 years, 党总支 and 党支部 3 years, those of 建制村 and 社区 5 years; a 党小组 elects
/// no committee. An election may be brought forward or postponed by at most one year.
/// </summary>
public sealed class TermRulesTests
{
    private static readonly OrgRulesOptions Defaults = new();

    [Theory]
    [InlineData(OrgUnitKind.PartyCommittee, null, 5)]
    [InlineData(OrgUnitKind.PartyCommittee, "公有经济控制企业", 5)]
    [InlineData(OrgUnitKind.GeneralBranch, null, 3)]
    [InlineData(OrgUnitKind.GeneralBranch, "机关", 3)]
    [InlineData(OrgUnitKind.Branch, null, 3)]
    [InlineData(OrgUnitKind.Branch, "公有经济控制企业", 3)]
    [InlineData(OrgUnitKind.Branch, "建制村", 5)]
    [InlineData(OrgUnitKind.Branch, "社区", 5)]
    [InlineData(OrgUnitKind.GeneralBranch, "建制村", 5)]
    [InlineData(OrgUnitKind.GeneralBranch, "社区", 5)]
    [InlineData(OrgUnitKind.PartyCommittee, "社区", 5)]
    [InlineData(OrgUnitKind.Branch, "乡镇", 3)]
    public void TermYears_KindAndHostUnit_YearsOfRegulation(OrgUnitKind kind, string? host, int years) =>
        TermRules.TermYears(kind, host, Defaults).ShouldBe(years);

    [Theory]
    [InlineData(null)]
    [InlineData("建制村")]
    [InlineData("社区")]
    public void TermYears_Group_NoTerm(string? host) =>
        TermRules.TermYears(OrgUnitKind.Group, host, Defaults).ShouldBeNull();

    [Theory]
    [InlineData("2026-01-01", 3, "2028-12-31")]
    [InlineData("2021-07-01", 5, "2026-06-30")]
    [InlineData("2023-03-18", 3, "2026-03-17")]
    [InlineData("2024-03-01", 5, "2029-02-28")]
    public void EndOn_StartAndYears_DayBeforeAnniversary(string start, int years, string end) =>
        TermRules.EndOn(DateOnly.Parse(start), years).ShouldBe(DateOnly.Parse(end));

    [Theory]
    [InlineData("2026-06-30", "2026-06-30", true)]
    [InlineData("2026-06-30", "2027-06-30", true)]
    [InlineData("2026-06-30", "2027-07-01", false)]
    [InlineData("2026-06-30", "2025-06-30", true)]
    [InlineData("2026-06-30", "2025-06-29", false)]
    [InlineData("2026-06-30", "2028-06-30", false)]
    public void IsAllowedShift_AroundOneYear_AllowedUpToExactlyOneYear(string regular, string actual, bool allowed) =>
        TermRules.IsAllowedShift(DateOnly.Parse(regular), DateOnly.Parse(actual)).ShouldBe(allowed);
}

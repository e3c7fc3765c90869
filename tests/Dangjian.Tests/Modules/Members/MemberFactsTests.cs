using System.Globalization;
using Dangjian.Web.Modules.Members;

namespace Dangjian.Tests.Modules.Members;

/// <summary>Age (周岁), 党龄 from full membership with its correction in months, and 信息完整度, at their boundaries.</summary>
public sealed class MemberFactsTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1980-11-22", "2026-11-22", 46)] // birthday today: the new year counts
    [InlineData("1980-11-23", "2026-11-22", 45)] // birthday tomorrow: not yet
    [InlineData("1980-11-21", "2026-11-22", 46)]
    [InlineData("1980-12-31", "2026-11-22", 45)]
    [InlineData("1981-01-01", "2026-11-22", 45)]
    [InlineData("2026-11-22", "2026-11-22", 0)]  // born today
    [InlineData("2025-11-23", "2026-11-22", 0)]  // one day short of a year
    [InlineData("2025-11-22", "2026-11-22", 1)]
    public void Age_AroundTheBirthday_CompletedYears(string birth, string today, int age)
    {
        MemberFacts.Age(D(birth), D(today)).ShouldBe(age);
    }

    [Theory]
    [InlineData("2000-02-29", "2028-02-29", 28)] // leap year: the birthday itself
    [InlineData("2000-02-29", "2028-02-28", 27)] // leap year: the day before it
    [InlineData("2000-02-29", "2025-02-27", 24)] // common year, before the end of February
    [InlineData("2000-02-29", "2025-03-01", 25)] // common year, after February
    [InlineData("2000-02-29", "2026-11-22", 26)]
    public void Age_LeapDayBirthday_CountsOnUnambiguousDays(string birth, string today, int age)
    {
        MemberFacts.Age(D(birth), D(today)).ShouldBe(age);
    }

    [Fact]
    public void Age_LeapDayBirthdayInCommonYear_BirthdayFallsOn28February()
    {
        // No national rule fixes this day; the registry's convention (also .NET's AddYears) is 28 February.
        MemberFacts.Age(new DateOnly(2000, 2, 29), new DateOnly(2025, 2, 28)).ShouldBe(25);
    }

    [Fact]
    public void Age_NoBirthDate_Null()
    {
        MemberFacts.Age(null, Today).ShouldBeNull();
    }

    [Theory]
    [InlineData("2011-07-01", 0, 15)]
    [InlineData("2016-11-22", 0, 10)]   // anniversary of full membership today
    [InlineData("2016-11-23", 0, 9)]    // anniversary tomorrow
    [InlineData("2026-11-22", 0, 0)]    // became a full member today
    [InlineData("2016-11-23", 1, 10)]   // +1 month correction: counts from 2016-10-23
    [InlineData("2016-12-22", 1, 10)]   // +1 month: from 2016-11-22, the anniversary is today
    [InlineData("2016-12-23", 1, 9)]    // +1 month: from 2016-11-23, tomorrow
    [InlineData("2016-11-22", -1, 9)]   // −1 month: from 2016-12-22
    [InlineData("2016-11-22", 12, 11)]  // +12 months: from 2015-11-22
    [InlineData("2016-11-22", -12, 9)]  // −12 months: from 2017-11-22
    [InlineData("1990-05-01", 600, 86)] // the largest correction allowed: from 1940-05-01
    public void PartyAgeYears_FromFullMembershipWithCorrection(string fullMemberOn, int adjustmentMonths, int years)
    {
        MemberFacts.PartyAgeYears(D(fullMemberOn), adjustmentMonths, Today).ShouldBe(years);
    }

    [Fact]
    public void PartyAgeYears_NegativeCorrectionBeyondMembership_ZeroNotNegative()
    {
        // From 2026-01-01 minus 24 months → counts from 2028-01-01, in the future: 党龄 is 0, never negative.
        MemberFacts.PartyAgeYears(new DateOnly(2026, 1, 1), -24, Today).ShouldBe(0);
    }

    [Fact]
    public void PartyAgeYears_NotYetFullMember_Null()
    {
        MemberFacts.PartyAgeYears(null, 0, Today).ShouldBeNull();
        MemberFacts.PartyAgeYears(null, 24, Today).ShouldBeNull();
    }

    [Theory]
    [InlineData("2004-02-29", "2028-02-29", 24)]
    [InlineData("2004-02-29", "2028-02-28", 23)]
    [InlineData("2004-02-29", "2026-03-01", 22)]
    [InlineData("2004-02-29", "2026-02-27", 21)]
    public void PartyAgeYears_LeapDayMembership_CountsOnUnambiguousDays(string fullMemberOn, string today, int years)
    {
        MemberFacts.PartyAgeYears(D(fullMemberOn), 0, D(today)).ShouldBe(years);
    }

    [Fact]
    public void PartyAgeYears_CorrectionLandingOnMonthEnd_ClampsToLastDay()
    {
        // 2016-03-31 with a +1-month correction counts from 2016-02-29 (February has no 31st).
        MemberFacts.PartyAgeYears(new DateOnly(2016, 3, 31), 1, new DateOnly(2026, 3, 1)).ShouldBe(10);
        MemberFacts.PartyAgeYears(new DateOnly(2016, 3, 31), 1, new DateOnly(2026, 2, 27)).ShouldBe(9);
    }

    private static Member Blank(MemberCategory category) => new() { Name = "", OrgPath = "", Category = category };

    private static Member Complete(MemberCategory category) => new()
    {
        Name = "张三", OrgPath = "x", Category = category, IdNumberEncrypted = "v1:AAAA", BirthDate = new DateOnly(1980, 1, 1),
        Ethnicity = "汉族", Education = "大学本科", JobPost = "公务员", MobileEncrypted = "v1:BBBB", HomeAddressEncrypted = "v1:CCCC",
        JoinedOn = new DateOnly(2010, 7, 1), FullMemberOn = category == MemberCategory.Full ? new DateOnly(2011, 7, 1) : null,
    };

    [Fact]
    public void CompletenessPercent_EmptyFullMember_Zero()
    {
        MemberFacts.CompletenessPercent(Blank(MemberCategory.Full)).ShouldBe(0);
    }

    [Fact]
    public void CompletenessPercent_EmptyNonMember_OnlyTheTwoPartyDatesCountAsNotApplicable()
    {
        // 10 core items; for 群众 the join and full-membership dates do not apply and count as done: 2/10.
        MemberFacts.CompletenessPercent(Blank(MemberCategory.Masses)).ShouldBe(20);
        // For 预备党员 only the full-membership date does not apply: 1/10.
        MemberFacts.CompletenessPercent(Blank(MemberCategory.Probationary)).ShouldBe(10);
    }

    [Theory]
    [InlineData(MemberCategory.Full)]
    [InlineData(MemberCategory.Probationary)]
    [InlineData(MemberCategory.Activist)]
    public void CompletenessPercent_EveryCoreItemFilled_Hundred(MemberCategory category)
    {
        MemberFacts.CompletenessPercent(Complete(category)).ShouldBe(100);
    }

    [Fact]
    public void CompletenessPercent_FullMemberMissingMobileAndAddress_Eighty()
    {
        var m = Complete(MemberCategory.Full);
        m.MobileEncrypted = null;
        m.HomeAddressEncrypted = "";
        MemberFacts.CompletenessPercent(m).ShouldBe(80);
    }

    [Fact]
    public void CompletenessPercent_FullMemberWithoutFullMembershipDate_Ninety()
    {
        var m = Complete(MemberCategory.Full);
        m.FullMemberOn = null;
        MemberFacts.CompletenessPercent(m).ShouldBe(90);
    }
}

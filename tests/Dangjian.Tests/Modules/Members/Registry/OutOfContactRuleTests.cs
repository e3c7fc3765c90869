using System.Globalization;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Members.Contact;

namespace Dangjian.Tests.Modules.Members.Registry;

/// <summary>失联: ≥ 6 months since the last contact seen (or since the record was created), at the boundary.</summary>
public sealed class OutOfContactRuleTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? N(string? iso) => iso is null ? null : D(iso);

    [Theory]
    // last contact, record created, today → out-of-contact since (null = in contact)
    [InlineData("2026-05-22", "2020-01-01", "2026-11-22", "2026-05-22")] // exactly 6 months: out
    [InlineData("2026-05-23", "2020-01-01", "2026-11-22", null)]         // one day short
    [InlineData("2026-05-21", "2020-01-01", "2026-11-22", "2026-05-21")]
    [InlineData("2026-08-31", "2020-01-01", "2027-02-27", null)]         // month end: 6 months after 08-31 is 02-28
    [InlineData("2026-08-31", "2020-01-01", "2027-02-28", "2026-08-31")]
    [InlineData(null, "2026-05-22", "2026-11-22", "2026-05-22")]         // nothing seen: counted from the record's creation
    [InlineData(null, "2026-05-23", "2026-11-22", null)]
    [InlineData("2025-01-01", "2026-06-01", "2026-11-22", null)]         // imported recently: the old contact is before it
    [InlineData("2026-11-22", "2020-01-01", "2026-11-22", null)]         // contact today
    public void OutOfContactSince_Table(string? last, string created, string today, string? since)
    {
        OutOfContactRule.OutOfContactSince(N(last), D(created), D(today), 6).ShouldBe(N(since));
    }

    [Theory]
    [InlineData(3, "2026-08-22", "2026-11-22", true)]
    [InlineData(3, "2026-08-23", "2026-11-22", false)]
    [InlineData(12, "2025-11-22", "2026-11-22", true)]
    public void OutOfContactSince_ThresholdIsASetting(int months, string last, string today, bool outOfContact)
    {
        (OutOfContactRule.OutOfContactSince(D(last), D("2000-01-01"), D(today), months) is not null).ShouldBe(outOfContact);
    }

    [Theory]
    [InlineData(MemberCategory.Full, MembershipStatus.Normal, true)]
    [InlineData(MemberCategory.Probationary, MembershipStatus.Normal, true)]
    [InlineData(MemberCategory.Candidate, MembershipStatus.Normal, false)]
    [InlineData(MemberCategory.Masses, MembershipStatus.Normal, false)]
    [InlineData(MemberCategory.Full, MembershipStatus.Suspended, false)]
    [InlineData(MemberCategory.Full, MembershipStatus.TransferredOut, false)]
    [InlineData(MemberCategory.Full, MembershipStatus.Deceased, false)]
    public void Applies_OnlyToPartyMembersOnTheRoll(MemberCategory category, MembershipStatus status, bool applies)
    {
        OutOfContactRule.Applies(category, status).ShouldBe(applies);
    }
}

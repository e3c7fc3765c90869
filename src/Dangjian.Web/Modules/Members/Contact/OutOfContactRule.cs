namespace Dangjian.Web.Modules.Members.Contact;

/// <summary>Out-of-contact threshold (docs/rules/registry.md#r-7); a setting.</summary>
public sealed class ContactOptions
{
    public const string Section = "Rules:OutOfContact";
    public int Months { get; set; } = 6;
}

[Platform.RegulationNames]
public static class ContactArticles
{
    /// <summary>停止党籍 for members out of contact ≥ 6 months and untraceable — a decision, never automatic.</summary>
    public const string Suspension = "《中国共产党党员教育管理工作条例》第二十四条";
}

/// <summary>
/// 失联党员: a party member on the roll (status normal) with no contact the platform has seen for
/// <see cref="ContactOptions.Months"/> months or more. Contact is the latest of: a dues payment, organisational-life
/// attendance, a follow-up that reached the member, a mobile member's report. Before any contact is recorded, the
/// silence is counted from the day the record was created: the platform can only speak of what it has seen.
/// </summary>
public static class OutOfContactRule
{
    /// <returns>The date the silence began (last contact) when the member is out of contact on <paramref name="today"/>; otherwise null.</returns>
    public static DateOnly? OutOfContactSince(DateOnly? lastContact, DateOnly recordCreated, DateOnly today, int months)
    {
        var since = lastContact is { } c && c > recordCreated ? c : recordCreated;
        return today >= since.AddMonths(months) ? since : null;
    }

    public static bool Applies(MemberCategory category, MembershipStatus status) =>
        Member.IsPartyMember(category) && status == MembershipStatus.Normal;
}

using Dangjian.Web.Platform;
namespace Dangjian.Web.Modules.Members;

/// <summary>Values derived from a record: age, 党龄 (from full membership, with the correction value), completeness.</summary>
[ModuleContract]
public static class MemberFacts
{
    public static int? Age(DateOnly? birth, DateOnly today) => birth is { } b ? YearsBetween(b, today) : null;

    /// <summary>党龄 counts from the date of full membership (《中国共产党发展党员工作细则》第三十四条), plus the correction in months.</summary>
    public static int? PartyAgeYears(DateOnly? fullMemberOn, int adjustmentMonths, DateOnly today) =>
        fullMemberOn is { } f ? Math.Max(0, YearsBetween(f.AddMonths(-adjustmentMonths), today)) : null;

    public static int YearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        if (to < from.AddYears(years)) years--;
        return years;
    }

    /// <summary>信息完整度: the share of the national system's core fields that are filled in.</summary>
    public static int CompletenessPercent(Member m)
    {
        var core = new object?[]
        {
            m.Name, m.IdNumberEncrypted, m.BirthDate, m.Ethnicity, m.Education, m.JobPost, m.MobileEncrypted, m.HomeAddressEncrypted,
            m.Category is MemberCategory.Full or MemberCategory.Probationary ? m.JoinedOn : (object)true,
            m.Category == MemberCategory.Full ? m.FullMemberOn : (object)true,
        };
        return core.Count(v => v is string s ? s.Length > 0 : v is not null) * 100 / core.Length;
    }
}

using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Privacy;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

/// <summary>The editable fields of a person's record; null means "unchanged" when patching.</summary>
public record MemberFields
{
    public const int HomeAddressMaxLength = 120;

    [MaxLength(50)] public string? Name { get; init; }
    public string? Category { get; init; }
    public string? Status { get; init; }
    public DateOnly? JoinedOn { get; init; }
    public DateOnly? FullMemberOn { get; init; }
    [MaxLength(30)] public string? Ethnicity { get; init; }
    [MaxLength(30)] public string? Education { get; init; }
    [MaxLength(40)] public string? Degree { get; init; }
    [MaxLength(60)] public string? JobPost { get; init; }
    [MaxLength(30)] public string? Mobile { get; init; }
    [MaxLength(30)] public string? Telephone { get; init; }

    /// <summary>Stored encrypted in a 600-character column, which 120 characters of Chinese still fit once encrypted (TextLimitTests).</summary>
    [MaxLength(HomeAddressMaxLength)] public string? HomeAddress { get; init; }
    public bool? IsMobile { get; init; }
    [MaxLength(200)] public string? MobileDestination { get; init; }
    [MaxLength(40)] public string? ProfessionalTitle { get; init; }
    [MaxLength(200)] public string? NativePlace { get; init; }
    [MaxLength(200)] public string? Residence { get; init; }
    [MaxLength(200)] public string? HouseholdRegistration { get; init; }
    [MaxLength(40)] public string? MaritalStatus { get; init; }
    [MaxLength(200)] public string? WorkUnitAndPost { get; init; }
    public DateOnly? WorkStartedOn { get; init; }
    public DateOnly? AppliedOn { get; init; }
    public DateOnly? ActivistOn { get; init; }
    public DateOnly? CandidateOn { get; init; }
    [MaxLength(40)] public string? JoinType { get; init; }
    [MaxLength(200)] public string? DossierLocation { get; init; }
    public int? PartyAgeAdjustmentMonths { get; init; }
}

/// <summary>Validates and applies <see cref="MemberFields"/>; every failure names its field.</summary>
internal static class MemberInput
{
    public static void Validate(MemberFields f, FieldErrors errors, IStringLocalizer L, IStringLocalizer<MembersText> T, DateOnly today, Platform.CodeTables.CodeSets codes)
    {
        codes.Check(errors, Platform.CodeTables.CodeTableCatalog.Ethnicity, "ethnicity", f.Ethnicity, L);
        codes.Check(errors, Platform.CodeTables.CodeTableCatalog.Education, "education", f.Education, L);
        codes.Check(errors, Platform.CodeTables.CodeTableCatalog.JobPost, "jobPost", f.JobPost, L);
        if (f.Name is not null && (f.Name.Trim().Length == 0 || f.Name.Trim().Length > 50))
            errors.Add(Error.Validation("name", T["Member.NameInvalid"]));
        if (f.Category is not null) errors.Take(OrgInput.Enum<MemberCategory>(f.Category, "category", null, L));
        if (f.Status is not null) errors.Take(OrgInput.Enum<MembershipStatus>(f.Status, "status", null, L));
        if (f.Mobile is { Length: > 0 } mobile && !IsMobileNumber(mobile))
            errors.Add(Error.Validation("mobile", T["Member.MobileInvalid"]));
        foreach (var (field, date) in new[] { ("joinedOn", f.JoinedOn), ("fullMemberOn", f.FullMemberOn), ("appliedOn", f.AppliedOn),
                     ("activistOn", f.ActivistOn), ("candidateOn", f.CandidateOn), ("workStartedOn", f.WorkStartedOn) })
        {
            if (date > today) errors.Add(Error.Validation(field, T["Member.DateInFuture"]));
        }
        if (f.JoinedOn is { } joined && f.FullMemberOn is { } full && full < joined)
            errors.Add(Error.Validation("fullMemberOn", T["Member.FullBeforeJoined"]));
        foreach (var (field, value, max) in new[]
                 {
                     ("ethnicity", f.Ethnicity, 30), ("education", f.Education, 30), ("degree", f.Degree, 40), ("jobPost", f.JobPost, 60),
                     ("telephone", f.Telephone, 30), ("homeAddress", f.HomeAddress, MemberFields.HomeAddressMaxLength), ("mobileDestination", f.MobileDestination, 200),
                     ("professionalTitle", f.ProfessionalTitle, 40), ("nativePlace", f.NativePlace, 200), ("residence", f.Residence, 200),
                     ("householdRegistration", f.HouseholdRegistration, 200), ("maritalStatus", f.MaritalStatus, 40),
                     ("workUnitAndPost", f.WorkUnitAndPost, 200), ("joinType", f.JoinType, 40), ("dossierLocation", f.DossierLocation, 200),
                 })
        {
            if (value is not null && value.Trim().Length > max) errors.Add(Error.Validation(field, L["Validation.TooLong", field, max]));
        }
        if (f.PartyAgeAdjustmentMonths is < -600 or > 600) errors.Add(Error.Validation("partyAgeAdjustmentMonths", T["Member.AdjustmentRange"]));
    }

    public static void Apply(Member m, MemberFields f, PersonalDataProtector protector)
    {
        if (f.Name is not null) m.Name = f.Name.Trim();
        if (f.Category is not null) m.Category = Enum.Parse<MemberCategory>(f.Category, ignoreCase: true);
        if (f.Status is not null) m.Status = Enum.Parse<MembershipStatus>(f.Status, ignoreCase: true);
        if (f.JoinedOn is not null) m.JoinedOn = f.JoinedOn;
        if (f.FullMemberOn is not null) m.FullMemberOn = f.FullMemberOn;
        if (f.Ethnicity is not null) m.Ethnicity = Clean(f.Ethnicity);
        if (f.Education is not null) m.Education = Clean(f.Education);
        if (f.Degree is not null) m.Degree = Clean(f.Degree);
        if (f.JobPost is not null) m.JobPost = Clean(f.JobPost);
        if (f.Mobile is not null) m.MobileEncrypted = protector.Encrypt(Clean(f.Mobile));
        if (f.Telephone is not null) m.Telephone = Clean(f.Telephone);
        if (f.HomeAddress is not null) m.HomeAddressEncrypted = protector.Encrypt(Clean(f.HomeAddress));
        if (f.IsMobile is not null) m.IsMobile = f.IsMobile.Value;
        if (f.MobileDestination is not null) m.MobileDestination = Clean(f.MobileDestination);
        if (f.ProfessionalTitle is not null) m.ProfessionalTitle = Clean(f.ProfessionalTitle);
        if (f.NativePlace is not null) m.NativePlace = Clean(f.NativePlace);
        if (f.Residence is not null) m.Residence = Clean(f.Residence);
        if (f.HouseholdRegistration is not null) m.HouseholdRegistration = Clean(f.HouseholdRegistration);
        if (f.MaritalStatus is not null) m.MaritalStatus = Clean(f.MaritalStatus);
        if (f.WorkUnitAndPost is not null) m.WorkUnitAndPost = Clean(f.WorkUnitAndPost);
        if (f.WorkStartedOn is not null) m.WorkStartedOn = f.WorkStartedOn;
        if (f.AppliedOn is not null) m.AppliedOn = f.AppliedOn;
        if (f.ActivistOn is not null) m.ActivistOn = f.ActivistOn;
        if (f.CandidateOn is not null) m.CandidateOn = f.CandidateOn;
        if (f.JoinType is not null) m.JoinType = Clean(f.JoinType);
        if (f.DossierLocation is not null) m.DossierLocation = Clean(f.DossierLocation);
        if (f.PartyAgeAdjustmentMonths is not null) m.PartyAgeAdjustmentMonths = f.PartyAgeAdjustmentMonths.Value;
    }

    /// <summary>A mainland mobile number: 11 digits starting with 1.</summary>
    public static bool IsMobileNumber(string value)
    {
        var v = value.Trim();
        return v.Length == 11 && v.All(char.IsAsciiDigit) && v[0] == '1';
    }

    private static string? Clean(string value) => value.Trim().Length == 0 ? null : value.Trim();
}

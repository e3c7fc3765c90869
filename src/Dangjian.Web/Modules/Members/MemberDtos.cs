using Dangjian.Web.Platform;
namespace Dangjian.Web.Modules.Members;

/// <summary>A row of a member list: never the unmasked ID number.</summary>
public sealed record MemberListItem(
    Guid Id, string Name, Gender Gender, MemberCategory Category, MembershipStatus Status, string? IdNumberMasked,
    DateOnly? BirthDate, int? Age, DateOnly? JoinedOn, string? Education, string? JobPost, Guid OrgUnitId, string OrgUnitName,
    bool IsMobile, DateOnly? OutOfContactSince);

/// <summary>One person's record. Personal data is masked unless the caller asked to see it and may (logged).</summary>
[ModuleContract]
public sealed record MemberDetails(
    Guid Id, Guid OrgUnitId, string OrgUnitName, string Name, Gender Gender, MemberCategory Category, MembershipStatus Status,
    string? IdNumber, bool IdNumberRevealed, DateOnly? BirthDate, int? Age, string? Ethnicity, string? Education, string? Degree,
    string? JobPost, DateOnly? JoinedOn, DateOnly? FullMemberOn, int? PartyAgeYears, string? Mobile, string? Telephone,
    string? HomeAddress, bool IsMobile, string? MobileDestination, DateOnly? OutOfContactSince, string? OutOfContactReason,
    string? ProfessionalTitle, string? NativePlace, string? Residence, string? HouseholdRegistration, string? MaritalStatus,
    string? WorkUnitAndPost, DateOnly? WorkStartedOn, DateOnly? AppliedOn, DateOnly? ActivistOn, DateOnly? CandidateOn,
    string? JoinType, string? DossierLocation, int PartyAgeAdjustmentMonths, int CompletenessPercent, bool HasAccount,
    [property: System.Text.Json.Serialization.JsonIgnore] string OrgPath = "");

public sealed record MemberAccessLogDto(DateTimeOffset At, string UserName, string Action, string? Detail);

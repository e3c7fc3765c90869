using Dangjian.Web.Platform;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

/// <summary>
/// One record. ID number, mobile and address are masked unless <c>reveal</c> is asked by a role that may see
/// personal data (or the person themself); every revealed view is written to the person's access log.
/// </summary>
[ModuleContract]
public sealed class GetMember(AppDbContext db, MemberAccess access, CurrentUser user, PersonalDataProtector protector, TimeProvider clock,
    IStringLocalizer<MembersText> T)
{
    public async Task<Result<MemberDetails>> HandleAsync(Guid id, bool reveal, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, reveal ? Permission.ViewPersonalData : Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = loaded.Value!;
        var isSelf = m.UserId == user.UserId;
        if (reveal && !isSelf)
        {
            access.Log([m.Id], "view", T["Member.LogViewDetail"]);
            await db.SaveChangesAsync(ct);
        }

        var unitName = await db.OrgUnits.Where(u => u.Id == m.OrgUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var today = clock.Today();
        var mobile = protector.Decrypt(m.MobileEncrypted);
        return new MemberDetails(m.Id, m.OrgUnitId, unitName, m.Name, m.Gender, m.Category, m.Status,
            reveal ? protector.Decrypt(m.IdNumberEncrypted) : m.IdNumberMasked, reveal, m.BirthDate, MemberFacts.Age(m.BirthDate, today),
            m.Ethnicity, m.Education, m.Degree, m.JobPost, m.JoinedOn, m.FullMemberOn,
            MemberFacts.PartyAgeYears(m.FullMemberOn, m.PartyAgeAdjustmentMonths, today),
            reveal ? mobile : MaskPhone(mobile), m.Telephone, reveal ? protector.Decrypt(m.HomeAddressEncrypted) : (m.HomeAddressEncrypted is null ? null : "******"),
            m.IsMobile, m.MobileDestination, m.OutOfContactSince, m.OutOfContactReason, m.ProfessionalTitle, m.NativePlace, m.Residence,
            m.HouseholdRegistration, m.MaritalStatus, m.WorkUnitAndPost, m.WorkStartedOn, m.AppliedOn, m.ActivistOn, m.CandidateOn,
            m.JoinType, m.DossierLocation, m.PartyAgeAdjustmentMonths, MemberFacts.CompletenessPercent(m), m.UserId is not null, m.OrgPath);
    }

    private static string? MaskPhone(string? phone) => phone is { Length: 11 } ? phone[..3] + "****" + phone[^4..] : phone is null ? null : "****";
}

using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Members.Mobile;

public sealed record RegisterMobileRequest([MaxLength(200)] string? Destination, [MaxLength(200)] string? DestinationOrganisation, [MaxLength(30)] string? Contact,
    [MaxLength(40)] string? CertificateNumber, DateOnly? LeftOn, [MultiLine, MaxLength(400)] string? Note);

public sealed record MobileReportRequest(DateOnly? ReportedOn, string? Method, [MultiLine, MaxLength(1000)] string? Content);

public sealed record EndMobileRequest(DateOnly? ReturnedOn);

public sealed record MobileReportDto(Guid Id, DateOnly ReportedOn, ReportMethod Method, string Content);

public sealed record MobileRegistrationDto(Guid Id, Guid MemberId, string MemberName, Guid OrgUnitId, string Destination,
    string? DestinationOrganisation, string? Contact, string? CertificateNumber, DateOnly LeftOn, DateOnly? ReturnedOn, string? Note,
    DateOnly? LastReportOn, DateOnly? NextReportDue, bool ReportOverdue, IReadOnlyList<MobileReportDto>? Reports);

/// <summary>
/// 流动党员: registration (destination, organisation there, contact, 活动证 number), reports to the home organisation
/// and the end on return. While a registration is open the record shows 是否流动党员 = 是 and the 外出流向.
/// </summary>
public sealed class MobileMembers(AppDbContext db, MemberAccess access, OrgAccess orgAccess, PersonalDataProtector protector, TimeProvider clock,
    IOptions<MobileOptions> options, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T, InputCheck inputCheck)
{
    private int Interval => options.Value.ReportIntervalMonths;

    public async Task<Result<MobileRegistrationDto>> RegisterAsync(Guid memberId, RegisterMobileRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(memberId, Permission.ManageMembers, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var member = loaded.Value!;
        var today = clock.Today();
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(r.Destination)) errors.Add(Error.Validation("destination", T["Mobile.DestinationRequired"]));
        foreach (var (field, value, max) in new[] { ("destination", r.Destination, 200), ("destinationOrganisation", r.DestinationOrganisation, 200),
                     ("certificateNumber", r.CertificateNumber, 40), ("note", r.Note, 400), ("contact", r.Contact, 30) })
        {
            if (value is not null && value.Trim().Length > max) errors.Add(Error.Validation(field, L["Validation.TooLong", field, max]));
        }
        if (r.LeftOn is null) errors.Add(Error.Validation("leftOn", T["Mobile.LeftOnRequired"]));
        else if (r.LeftOn > today) errors.Add(Error.Validation("leftOn", T["Member.DateInFuture"]));
        if (errors.ToError() is { } invalid) return invalid;
        if (!Member.IsPartyMember(member.Category) || member.Status != MembershipStatus.Normal)
            return Error.Conflict("not_on_roll", T["Mobile.NotPartyMember"]);
        if (await db.MobileRegistrations.AnyAsync(x => x.MemberId == memberId && x.ReturnedOn == null, ct))
            return Error.Conflict("already_mobile", T["Mobile.AlreadyRegistered"]);

        var now = clock.GetUtcNow();
        var reg = new MobileRegistration
        {
            Id = Guid.CreateVersion7(now), MemberId = memberId, OrgUnitId = member.OrgUnitId, MemberName = member.Name,
            Destination = r.Destination!.Trim(), DestinationOrganisation = Clean(r.DestinationOrganisation),
            ContactEncrypted = Clean(r.Contact) is { } contact ? protector.Encrypt(contact) : null, CertificateNumber = Clean(r.CertificateNumber),
            LeftOn = r.LeftOn!.Value, Note = Clean(r.Note), CreatedAt = now,
        };
        db.MobileRegistrations.Add(reg);
        member.IsMobile = true;
        member.MobileDestination = reg.Destination;
        member.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(reg, true, ct);
    }

    public async Task<Result<MobileRegistrationDto>> ReportAsync(Guid registrationId, MobileReportRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var found = await LoadAsync(registrationId, Permission.ManageMembers, ct);
        if (!found.IsSuccess) return found.Error!;
        var reg = found.Value!;
        var errors = new FieldErrors();
        if (r.ReportedOn is null) errors.Add(Error.Validation("reportedOn", T["Mobile.ReportedOnRequired"]));
        else if (r.ReportedOn > clock.Today()) errors.Add(Error.Validation("reportedOn", T["Member.DateInFuture"]));
        else if (r.ReportedOn < reg.LeftOn) errors.Add(Error.Validation("reportedOn", T["Mobile.ReportBeforeLeaving"]));
        var method = r.Method is null ? null : errors.Take(OrgInput.Enum<ReportMethod>(r.Method, "method", null, L));
        if (r.Method is null) errors.Add(Error.Validation("method", T["Contact.MethodRequired"]));
        if (string.IsNullOrWhiteSpace(r.Content)) errors.Add(Error.Validation("content", T["Mobile.ContentRequired"]));
        else if (r.Content.Trim().Length > 1000) errors.Add(Error.Validation("content", L["Validation.TooLong", "content", 1000]));
        if (errors.ToError() is { } invalid) return invalid;
        if (reg.ReturnedOn is not null) return Error.Conflict("registration_ended", T["Mobile.Ended"]);

        db.MobileReports.Add(new MobileReport
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), RegistrationId = reg.Id, MemberId = reg.MemberId, OrgUnitId = reg.OrgUnitId,
            ReportedOn = r.ReportedOn!.Value, Method = method!.Value, Content = r.Content!.Trim(), CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(reg, true, ct);
    }

    public async Task<Result<MobileRegistrationDto>> EndAsync(Guid registrationId, EndMobileRequest r, CancellationToken ct)
    {
        var found = await LoadAsync(registrationId, Permission.ManageMembers, ct);
        if (!found.IsSuccess) return found.Error!;
        var reg = found.Value!;
        if (r.ReturnedOn is null) return Error.Validation("returnedOn", T["Mobile.ReturnedOnRequired"]);
        if (r.ReturnedOn > clock.Today()) return Error.Validation("returnedOn", T["Member.DateInFuture"]);
        if (r.ReturnedOn < reg.LeftOn) return Error.Validation("returnedOn", T["Mobile.ReturnBeforeLeaving"]);
        if (reg.ReturnedOn is not null) return Error.Conflict("registration_ended", T["Mobile.Ended"]);
        reg.ReturnedOn = r.ReturnedOn;
        var member = await db.Members.FirstAsync(m => m.Id == reg.MemberId, ct);
        member.IsMobile = false;
        member.MobileDestination = null;
        member.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(reg, true, ct);
    }

    public async Task<Result<IReadOnlyList<MobileRegistrationDto>>> ForMemberAsync(Guid memberId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(memberId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var regs = await db.MobileRegistrations.AsNoTracking().Where(x => x.MemberId == memberId).OrderByDescending(x => x.LeftOn).ToListAsync(ct);
        var list = new List<MobileRegistrationDto>();
        foreach (var reg in regs) list.Add(await ToDtoAsync(reg, true, ct));
        return list;
    }

    /// <summary>Open registrations of a subtree, the overdue reports first.</summary>
    public async Task<Result<Page<MobileRegistrationDto>>> ListAsync(Guid? orgUnitId, bool overdueOnly, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await orgAccess.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var rows = await db.MobileRegistrations.AsNoTracking().Where(x => x.ReturnedOn == null)
            .Join(db.Members.InSubtree(unit.Value!.Path), x => x.MemberId, m => m.Id, (x, m) => x)
            .Select(x => new { Reg = x, Last = db.Set<Dangjian.Web.Modules.Members.Mobile.MobileReport>().Where(r => r.RegistrationId == x.Id).Max(r => (DateOnly?)r.ReportedOn) })
            .ToListAsync(ct);
        var today = clock.Today();
        var all = rows.Select(x => Dto(x.Reg, x.Last, null, today))
            .Where(d => !overdueOnly || d.ReportOverdue)
            .OrderByDescending(d => d.ReportOverdue).ThenBy(d => d.NextReportDue).ThenBy(d => d.MemberName).ToList();
        return new Page<MobileRegistrationDto>(all.Skip(page.Skip).Take(page.PageSize).ToList(), page.Page, page.PageSize, all.Count);
    }

    private async Task<Result<MobileRegistration>> LoadAsync(Guid registrationId, Permission permission, CancellationToken ct)
    {
        var reg = await db.MobileRegistrations.FirstOrDefaultAsync(x => x.Id == registrationId, ct);
        if (reg is null) return Error.NotFound(T["Mobile.NotFound"]);
        var member = await access.LoadAsync(reg.MemberId, permission, ct);
        if (!member.IsSuccess) return member.Error!.Status == StatusCodes.Status404NotFound ? Error.NotFound(T["Mobile.NotFound"]) : member.Error!;
        return reg;
    }

    private async Task<MobileRegistrationDto> ToDtoAsync(MobileRegistration reg, bool withReports, CancellationToken ct)
    {
        var reports = await db.MobileReports.AsNoTracking().Where(r => r.RegistrationId == reg.Id).OrderByDescending(r => r.ReportedOn)
            .Select(r => new MobileReportDto(r.Id, r.ReportedOn, r.Method, r.Content)).ToListAsync(ct);
        return Dto(reg, reports.Count == 0 ? null : reports.Max(r => r.ReportedOn), withReports ? reports : null, clock.Today());
    }

    private MobileRegistrationDto Dto(MobileRegistration reg, DateOnly? last, IReadOnlyList<MobileReportDto>? reports, DateOnly today) =>
        new(reg.Id, reg.MemberId, reg.MemberName, reg.OrgUnitId, reg.Destination, reg.DestinationOrganisation, MaskContact(protector.Decrypt(reg.ContactEncrypted)),
            reg.CertificateNumber, reg.LeftOn, reg.ReturnedOn, reg.Note, last,
            reg.ReturnedOn is null ? MobileReportRule.NextDue(reg.LeftOn, last, Interval) : null,
            MobileReportRule.IsOverdue(reg.LeftOn, last, reg.ReturnedOn, today, Interval), reports);

    private static string? MaskContact(string? s) => s is null ? null : s.Length >= 7 ? s[..3] + new string('*', s.Length - 7) + s[^4..] : "****";

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

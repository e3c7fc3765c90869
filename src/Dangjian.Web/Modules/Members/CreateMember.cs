using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

public sealed record CreateMemberRequest : MemberFields
{
    public Guid? OrgUnitId { get; init; }
    public string? IdNumber { get; init; }
}

/// <summary>
/// Puts a person on a unit's roll. The 公民身份号码 is checked (GB 11643), gives the birth date and sex, is stored
/// encrypted and must be unique in the tenant.
/// </summary>
public sealed class CreateMember(AppDbContext db, OrgAccess access, PersonalDataProtector protector, Platform.CodeTables.CodeTableService codes,
    TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T, InputCheck inputCheck)
{
    public async Task<Result<Member>> HandleAsync(CreateMemberRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var today = clock.Today();
        // The unit first: a unit outside the caller's reach is refused before anything about the input is said.
        OrgUnit? unit = null;
        if (r.OrgUnitId is { } unitId)
        {
            var loaded = await access.LoadAsync(unitId, Permission.ManageMembers, ct);
            if (!loaded.IsSuccess) return loaded.Error!;
            unit = loaded.Value!;
        }

        var invalid = new FieldErrors();
        if (r.OrgUnitId is null) invalid.Add(Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]));
        if (string.IsNullOrWhiteSpace(r.Name)) invalid.Add(Error.Validation("name", L["Validation.Required", "name"]));
        if (r.Category is null) invalid.Add(Error.Validation("category", L["Validation.Required", "category"]));
        var id = IdNumberRules.Check(r.IdNumber, today);
        if (!id.IsValid) invalid.Add(Error.Validation("idNumber", id.Problem!));
        MemberInput.Validate(r, invalid, L, T, today, await codes.LoadActiveAsync(ct));
        if (r.Category is { } c && Enum.TryParse<MemberCategory>(c, true, out var category) && Member.IsPartyMember(category) && r.JoinedOn is null)
        {
            invalid.Add(Error.Validation("joinedOn", T["Member.JoinedOnRequired"]));
        }
        if (invalid.ToError() is { } validation) return validation;

        var hash = protector.Hash(id.Normalized!);
        if (await db.Members.AnyAsync(m => m.IdNumberHash == hash, ct))
        {
            return Error.Conflict("MEMBER_ID_EXISTS", T["Member.IdExists"]);
        }

        var now = clock.GetUtcNow();
        var member = new Member
        {
            Id = Guid.CreateVersion7(now),
            OrgUnitId = unit!.Id,
            OrgPath = unit.Path,
            Name = r.Name!.Trim(),
            Gender = id.Gender!.Value,
            BirthDate = id.BirthDate,
            IdNumberEncrypted = protector.Encrypt(id.Normalized),
            IdNumberHash = hash,
            IdNumberMasked = IdNumberRules.Mask(id.Normalized!),
            CreatedAt = now,
        };
        MemberInput.Apply(member, r, protector);
        db.Members.Add(member);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request may have registered the same number between our check and our insert.
            db.Entry(member).State = EntityState.Detached;
            if (!await db.Members.AsNoTracking().AnyAsync(m => m.IdNumberHash == hash, ct)) throw;
            return Error.Conflict("MEMBER_ID_EXISTS", T["Member.IdExists"]);
        }
        return member;
    }
}

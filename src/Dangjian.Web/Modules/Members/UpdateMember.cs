using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Privacy;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

/// <summary>Changes fields of a record. The unit changes only by an organisational-relation transfer.</summary>
public sealed class UpdateMember(AppDbContext db, MemberAccess access, PersonalDataProtector protector, Platform.CodeTables.CodeTableService codes, TimeProvider clock,
    IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T, InputCheck inputCheck)
{
    public async Task<Result<Member>> HandleAsync(Guid id, MemberFields r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(id, Permission.ManageMembers, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var invalid = new FieldErrors();
        MemberInput.Validate(r, invalid, L, T, clock.Today(), await codes.LoadActiveAsync(ct));
        if (invalid.ToError() is { } validation) return validation;
        var member = loaded.Value!;
        MemberInput.Apply(member, r, protector);
        if (Member.IsPartyMember(member.Category) && member.JoinedOn is null)
        {
            return Error.Validation("joinedOn", T["Member.JoinedOnRequired"]);
        }
        member.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return member;
    }
}

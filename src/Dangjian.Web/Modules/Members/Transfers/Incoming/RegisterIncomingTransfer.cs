using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using static Dangjian.Web.Modules.Members.Transfers.Incoming.IncomingTransferConfiguration;

namespace Dangjian.Web.Modules.Members.Transfers.Incoming;

/// <summary>POST /api/v1/incoming-transfers: the letter as received. <c>duesPaidUntil</c> is a month, "2026-10".</summary>
public sealed record RegisterIncomingRequest(
    Guid? OrgUnitId, [MaxLength(LetterNumberMax)] string? LetterNumber, [MaxLength(IssuedByMax)] string? IssuedBy, DateOnly? IssuedOn, DateOnly? ValidUntil,
    [MaxLength(NameMax)] string? Name, string? IdNumber, string? Category, DateOnly? JoinedOn, DateOnly? FullMemberOn, string? DuesPaidUntil,
    [MaxLength(30)] string? Mobile);

/// <summary>
/// The receiving branch registers a 介绍信 from outside the tenant. Nothing goes on the roll yet: the person is listed
/// only when the branch accepts (第二十五条). Every field is checked and named; the ID number is checked (GB 11643),
/// stored encrypted with its keyed hash, and shown masked.
/// </summary>
public sealed class RegisterIncomingTransfer(AppDbContext db, OrgAccess access, CurrentUser user, PersonalDataProtector protector,
    Platform.Ledger.Ledger ledger, TimeProvider clock, IOptions<TransferOptions> options, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T,
    InputCheck inputCheck)
{
    public async Task<Result<IncomingTransfer>> HandleAsync(RegisterIncomingRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        // The unit first: one outside the caller's reach is refused before anything about the input is said.
        OrgUnit? unit = null;
        if (r.OrgUnitId is { } unitId)
        {
            var loaded = await access.LoadAsync(unitId, Permission.ManageMembers, ct);
            if (!loaded.IsSuccess) return loaded.Error!;
            unit = loaded.Value!;
        }

        var today = clock.Today();
        var invalid = new FieldErrors();
        if (unit is null) invalid.Add(Required("orgUnitId", "Incoming.ToUnit"));
        Text(invalid, "letterNumber", "Transfer.Letter", r.LetterNumber, LetterNumberMax);
        Text(invalid, "issuedBy", "Incoming.IssuedBy", r.IssuedBy, IssuedByMax);
        Date(invalid, "issuedOn", "Incoming.IssuedOn", r.IssuedOn, today, required: true);
        if (r.ValidUntil is not { } validUntil) invalid.Add(Required("validUntil", "Transfer.ValidUntil"));
        else if (r.IssuedOn is { } issuedOn)
        {
            // At most three months (docs/rules/transfers.md#t-4, a setting).
            switch (IncomingLetterRules.CheckDates(issuedOn, validUntil, options.Value.MaxDays))
            {
                case LetterDateProblem.ValidBeforeIssued:
                    invalid.Add(Error.Validation("validUntil", T["Incoming.ValidBeforeIssued"]));
                    break;
                case LetterDateProblem.ValidTooLong:
                    invalid.Add(Error.Validation("validUntil", T["Incoming.ValidTooLong", options.Value.MaxDays]));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(r.Name)) invalid.Add(Required("name", "Member.Name"));
        else if (r.Name.Trim().Length > NameMax) invalid.Add(Error.Validation("name", T["Member.NameInvalid"]));
        var id = IdNumberRules.Check(r.IdNumber, today);
        if (!id.IsValid) invalid.Add(Error.Validation("idNumber", id.Problem!));
        var category = PartyCategory(invalid, r.Category);
        Date(invalid, "joinedOn", "Member.JoinedOn", r.JoinedOn, today, required: true);
        Date(invalid, "fullMemberOn", "Member.FullMemberOn", r.FullMemberOn, today, required: false);
        if (category == MemberCategory.Full && r.FullMemberOn is null) invalid.Add(Error.Validation("fullMemberOn", T["Incoming.FullMemberOnRequired"]));
        if (category == MemberCategory.Probationary && r.FullMemberOn is not null)
            invalid.Add(Error.Validation("fullMemberOn", T["Incoming.ProbationaryNoFullOn"]));
        if (r.JoinedOn is { } joined && r.FullMemberOn is { } full && full < joined)
            invalid.Add(Error.Validation("fullMemberOn", T["Member.FullBeforeJoined"]));
        DateOnly? duesPaidUntil = null;
        if (!string.IsNullOrWhiteSpace(r.DuesPaidUntil))
        {
            if (DuesMonth.TryParse(r.DuesPaidUntil, out var month)) duesPaidUntil = month;
            else invalid.Add(Error.Validation("duesPaidUntil", T["Transfer.DuesMonthFormat"]));
        }
        if (!string.IsNullOrWhiteSpace(r.Mobile) && !MemberInput.IsMobileNumber(r.Mobile))
            invalid.Add(Error.Validation("mobile", T["Member.MobileInvalid"]));
        if (invalid.ToError() is { } validation) return validation;

        if (unit!.Kind is not (OrgUnitKind.Branch or OrgUnitKind.Group))
        {
            return Error.Rule("TRANSFER_TO_BRANCH", T["Transfer.ToBranchOnly"], TransferArticles.Transfer);
        }
        var hash = protector.Hash(id.Normalized!);
        if (await db.IncomingTransfers.AnyAsync(t => t.IdNumberHash == hash && t.Status == TransferStatus.Pending, ct))
        {
            return Error.Conflict("INCOMING_PENDING", T["Incoming.AlreadyPending"], TransferArticles.Transfer);
        }
        // Someone who once transferred out may come back; anyone else with this number is on the roll already.
        if (await db.Members.AnyAsync(m => m.IdNumberHash == hash && m.Status != MembershipStatus.TransferredOut, ct))
        {
            return Error.Conflict("INCOMING_ALREADY_ON_ROLL", T["Incoming.AlreadyOnRoll"]);
        }

        var now = clock.GetUtcNow();
        var letter = new IncomingTransfer
        {
            Id = Guid.CreateVersion7(now), ToUnitId = unit.Id, ToPath = unit.Path, LetterNumber = r.LetterNumber!.Trim(), IssuedBy = r.IssuedBy!.Trim(),
            IssuedOn = r.IssuedOn!.Value, ValidUntil = r.ValidUntil!.Value, DuesPaidUntil = duesPaidUntil, Name = r.Name!.Trim(),
            IdNumberEncrypted = protector.Encrypt(id.Normalized)!, IdNumberHash = hash, IdNumberMasked = IdNumberRules.Mask(id.Normalized!),
            Category = category!.Value, JoinedOn = r.JoinedOn!.Value, FullMemberOn = r.FullMemberOn,
            MobileEncrypted = string.IsNullOrWhiteSpace(r.Mobile) ? null : protector.Encrypt(r.Mobile.Trim()),
            Status = TransferStatus.Pending, CreatedAt = now, CreatedByUserId = user.UserId,
        };
        db.IncomingTransfers.Add(letter);
        ledger.Append("member.transfer.incoming.registered", letter.Id.ToString(),
            new { letter.LetterNumber, letter.IssuedBy, letter.ToUnitId, ValidUntil = ChinaTime.Format(letter.ValidUntil) });
        await db.SaveChangesAsync(ct);
        return letter;
    }

    private Error Required(string field, string label) => Error.Validation(field, L["Validation.Required", T[label].Value]);

    private void Text(FieldErrors invalid, string field, string label, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) invalid.Add(Required(field, label));
        else if (value.Trim().Length > max) invalid.Add(Error.Validation(field, L["Validation.TooLong", T[label].Value, max]));
    }

    private void Date(FieldErrors invalid, string field, string label, DateOnly? value, DateOnly today, bool required)
    {
        if (value is null && required) invalid.Add(Required(field, label));
        else if (value > today) invalid.Add(Error.Validation(field, T["Incoming.DateInFuture", T[label].Value]));
    }

    /// <summary>Only party members transfer their organisational relation: 预备党员 or 正式党员, by name.</summary>
    private MemberCategory? PartyCategory(FieldErrors invalid, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            invalid.Add(Required("category", "Member.Category"));
            return null;
        }
        foreach (var c in new[] { MemberCategory.Probationary, MemberCategory.Full })
        {
            if (string.Equals(c.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase)) return c;
        }
        invalid.Add(Error.Validation("category", T["Incoming.CategoryMembers"]));
        return null;
    }
}

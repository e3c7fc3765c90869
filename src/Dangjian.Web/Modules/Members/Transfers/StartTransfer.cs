using System.Globalization;
using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Members.Transfers;

public sealed record StartTransferRequest(
    string? Kind, Guid? ToOrgUnitId, [MaxLength(200)] string? Destination, bool? WithinCity, int? ValidDays, string? DuesPaidUntil,
    [MultiLine, MaxLength(400)] string? Reason);

/// <summary>
/// The sending unit issues the transfer: a numbered letter (党组转〔年〕号) valid for 10 days within the city, 30
/// elsewhere, at most 3 months (settings). The person stays on the old roll until the other side accepts.
/// </summary>
public sealed class StartTransfer(AppDbContext db, MemberAccess members, CurrentUser user, Platform.Ledger.Ledger ledger,
    Dues.Payments.DuesPaidUntil duesPaidUntil, TimeProvider clock, IOptions<TransferOptions> options, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T,
    InputCheck inputCheck)
{
    public async Task<Result<MemberTransfer>> HandleAsync(Guid memberId, StartTransferRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await members.LoadAsync(memberId, Permission.ManageMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var member = loaded.Value!;
        var o = options.Value;
        var today = clock.Today();

        var invalid = new FieldErrors();
        var kind = invalid.Take(OrgInput.Enum<TransferKind>(r.Kind, "kind", TransferKind.Internal, L));
        if (kind == TransferKind.Internal && r.ToOrgUnitId is null) invalid.Add(Error.Validation("toOrgUnitId", L["Validation.Required", "toOrgUnitId"]));
        if (kind == TransferKind.Outgoing && string.IsNullOrWhiteSpace(r.Destination)) invalid.Add(Error.Validation("destination", T["Transfer.DestinationRequired"]));
        if (r.Destination is { Length: > 200 }) invalid.Add(Error.Validation("destination", L["Validation.TooLong", "destination", 200]));
        if (r.Reason is { Length: > 400 }) invalid.Add(Error.Validation("reason", L["Validation.TooLong", "reason", 400]));
        var days = r.ValidDays ?? (r.WithinCity == true ? o.WithinCityDays : o.ElsewhereDays);
        if (days < 1 || days > o.MaxDays) invalid.Add(Error.Validation("validDays", T["Transfer.ValidDaysRange", o.MaxDays]));
        DateOnly? duesUntil = null;
        if (!string.IsNullOrWhiteSpace(r.DuesPaidUntil))
        {
            if (DateOnly.TryParseExact(r.DuesPaidUntil.Trim(), ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                duesUntil = new DateOnly(d.Year, d.Month, 1);
            else invalid.Add(Error.Validation("duesPaidUntil", T["Transfer.DuesMonthFormat"]));
        }
        if (invalid.ToError() is { } validation) return validation;
        // Not entered: the month the dues records show as settled (DuesPaidUntilRule), shown on the form beforehand.
        if (string.IsNullOrWhiteSpace(r.DuesPaidUntil)) duesUntil = await duesPaidUntil.ForAsync(member.Id, member.Category, member.JoinedOn, ct);

        if (!Member.IsPartyMember(member.Category) || member.Status != MembershipStatus.Normal)
        {
            return Error.Rule("TRANSFER_NOT_MEMBER", T["Transfer.OnlyMembers"], TransferArticles.Transfer);
        }
        if (await db.MemberTransfers.AnyAsync(t => t.MemberId == memberId && t.Status == TransferStatus.Pending, ct))
        {
            return Error.Conflict("TRANSFER_PENDING", T["Transfer.AlreadyPending"], TransferArticles.Transfer);
        }

        OrgUnit? to = null;
        if (kind == TransferKind.Internal)
        {
            // Any unit of the tenant may receive; the receiving side does not have to be within the sender's reach.
            to = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == r.ToOrgUnitId, ct);
            if (to is null) return Error.Validation("toOrgUnitId", L["Org.NotFound"]);
            if (to.Id == member.OrgUnitId) return Error.Validation("toOrgUnitId", T["Transfer.SameUnit"]);
            if (to.Kind is not (OrgUnitKind.Branch or OrgUnitKind.Group)) return Error.Rule("TRANSFER_TO_BRANCH", T["Transfer.ToBranchOnly"], TransferArticles.Transfer);
        }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await DocumentNumbers.NextAsync(db, db.MemberTransfers.Select(t => t.LetterNumber), o.LetterPrefix, today.Year, ct);
        var transfer = new MemberTransfer
        {
            Id = Guid.CreateVersion7(now), MemberId = member.Id, MemberName = member.Name, FromUnitId = member.OrgUnitId, FromPath = member.OrgPath,
            ToUnitId = to?.Id, ToPath = to?.Path, Destination = kind == TransferKind.Outgoing ? r.Destination!.Trim() : to!.Name,
            Kind = kind!.Value, Status = TransferStatus.Pending, LetterNumber = number, IssuedOn = today,
            ValidUntil = today.AddDays(days), DuesPaidUntil = duesUntil, Reason = r.Reason?.Trim(), CreatedAt = now, CreatedByUserId = user.UserId,
        };
        db.MemberTransfers.Add(transfer);
        ledger.Append("member.transfer.issued", transfer.Id.ToString(),
            new { transfer.MemberId, transfer.LetterNumber, Kind = transfer.Kind.ToString(), transfer.FromUnitId, transfer.ToUnitId, transfer.Destination });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return transfer;
    }
}

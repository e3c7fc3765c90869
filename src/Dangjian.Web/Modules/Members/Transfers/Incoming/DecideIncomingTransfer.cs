using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Transfers.Incoming;

/// <summary>POST /api/v1/incoming-transfers/{id}/reject.</summary>
public sealed record IncomingRejectRequest([MultiLine, MaxLength(IncomingTransferConfiguration.NoteMax)] string? Reason);

/// <summary>
/// The receiving branch accepts the letter — the person goes on its roll, a new record or, for someone who once
/// transferred out of the tenant, the old record reactivated with its history — or refuses it with a reason
/// (第二十五条: neither side may refuse without one). A letter past its validity cannot be accepted: the sender must
/// issue a new one.
/// </summary>
public sealed class DecideIncomingTransfer(AppDbContext db, IncomingAccess access, CurrentUser user, PersonalDataProtector protector,
    Platform.Ledger.Ledger ledger, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T,
    InputCheck inputCheck)
{
    public async Task<Result<IncomingTransfer>> AcceptAsync(Guid id, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, Permission.ManageMembers, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var t = loaded.Value!;
        if (Pending(t) is { } decided) return decided;
        var today = clock.Today();
        if (IncomingLetterRules.CheckAcceptance(t.ValidUntil, today) == LetterDateProblem.Expired)
        {
            return Error.Rule("TRANSFER_LETTER_EXPIRED", T["Transfer.Expired", ChinaTime.Format(t.ValidUntil)], TransferArticles.Transfer);
        }
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == t.ToUnitId, ct);
        if (unit is null) return Error.Conflict("INCOMING_UNIT_DISSOLVED", T["Incoming.UnitDissolved"]);

        var existing = await db.Members.FirstOrDefaultAsync(m => m.IdNumberHash == t.IdNumberHash, ct);
        if (existing is not null && existing.Status != MembershipStatus.TransferredOut)
        {
            return Error.Conflict("INCOMING_ALREADY_ON_ROLL", T["Incoming.AlreadyOnRoll"]);
        }

        var now = clock.GetUtcNow();
        var member = existing ?? NewMember(t, today, now);
        if (existing is null) db.Members.Add(member);
        else member.UpdatedAt = now;
        // The letter is the current word on the person's party standing; the audit log keeps what the record said before.
        member.OrgUnitId = unit.Id;
        member.OrgPath = unit.Path;
        member.Status = MembershipStatus.Normal;
        member.Name = t.Name;
        member.Category = t.Category;
        member.JoinedOn = t.JoinedOn;
        if (t.FullMemberOn is not null) member.FullMemberOn = t.FullMemberOn;
        if (t.MobileEncrypted is not null) member.MobileEncrypted = t.MobileEncrypted;
        // 党费交至 only moves forward: an older letter never reopens months already settled (ADR 0008).
        if (t.DuesPaidUntil is { } paidUntil && (member.DuesSettledUntil is not { } prior || paidUntil > prior)) member.DuesSettledUntil = paidUntil;

        t.Status = TransferStatus.Accepted;
        t.DecidedOn = today;
        t.DecidedByUserId = user.UserId;
        t.MemberId = member.Id;
        t.Returning = existing is not null;
        ledger.Append("member.transfer.incoming.accepted", t.Id.ToString(),
            new { MemberId = member.Id, t.LetterNumber, t.IssuedBy, t.ToUnitId, t.Returning });
        // One SaveChanges, one transaction: the letter's status, the record and the audit and ledger entries commit together.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Accepted or refused by someone else at the same moment (the status is a concurrency token).
            return Error.Conflict("TRANSFER_DECIDED", T["Transfer.AlreadyDecided"]);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // The same number registered on the roll between our check and our insert.
            db.ChangeTracker.Clear();
            if (!await db.Members.AsNoTracking().AnyAsync(m => m.IdNumberHash == t.IdNumberHash, ct)) throw;
            return Error.Conflict("INCOMING_ALREADY_ON_ROLL", T["Incoming.AlreadyOnRoll"]);
        }
        return t;
    }

    public async Task<Result<IncomingTransfer>> RejectAsync(Guid id, IncomingRejectRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(id, Permission.ManageMembers, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var t = loaded.Value!;
        if (string.IsNullOrWhiteSpace(r.Reason)) return Error.Validation("reason", T["Transfer.ReasonRequired"]);
        var reason = r.Reason.Trim();
        if (reason.Length > IncomingTransferConfiguration.NoteMax)
        {
            return Error.Validation("reason", L["Validation.TooLong", T["Transfer.RejectReason"].Value, IncomingTransferConfiguration.NoteMax]);
        }
        if (Pending(t) is { } decided) return decided;
        t.Status = TransferStatus.Rejected;
        t.DecidedOn = clock.Today();
        t.DecidedByUserId = user.UserId;
        t.DecisionNote = reason;
        ledger.Append("member.transfer.incoming.rejected", t.Id.ToString(), new { t.LetterNumber, t.IssuedBy, Reason = reason });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("TRANSFER_DECIDED", T["Transfer.AlreadyDecided"]);
        }
        return t;
    }

    private Error? Pending(IncomingTransfer t) =>
        t.Status == TransferStatus.Pending ? null : Error.Conflict("TRANSFER_DECIDED", T["Transfer.AlreadyDecided"]);

    /// <summary>A new record from the letter: sex and birth date come from the ID number, as CreateMember takes them.</summary>
    private Member NewMember(IncomingTransfer t, DateOnly today, DateTimeOffset now)
    {
        var id = IdNumberRules.Check(protector.Decrypt(t.IdNumberEncrypted), today);
        if (!id.IsValid) throw new InvalidOperationException($"The ID number of incoming letter {t.Id} does not read back: {id.Problem}");
        return new Member
        {
            Id = Guid.CreateVersion7(now), OrgPath = "", Name = t.Name, Gender = id.Gender!.Value, BirthDate = id.BirthDate,
            IdNumberEncrypted = t.IdNumberEncrypted, IdNumberHash = t.IdNumberHash, IdNumberMasked = t.IdNumberMasked, CreatedAt = now,
        };
    }
}

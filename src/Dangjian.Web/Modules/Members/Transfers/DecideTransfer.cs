using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Transfers;

public sealed record TransferDecisionRequest([MultiLine, MaxLength(400)] string? Note);

/// <summary>
/// The steps after the letter: the receiving branch accepts (the person moves to its roll) or refuses with a reason;
/// the sending unit cancels, or records the return slip of a letter out of the tenant.
/// </summary>
public sealed class DecideTransfer(AppDbContext db, TransferAccess access, CurrentUser user, Platform.Ledger.Ledger ledger,
    TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T, InputCheck inputCheck)
{
    public async Task<Result<MemberTransfer>> AcceptAsync(Guid id, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, TransferAccess.Side.Receiving, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var t = loaded.Value!;
        if (Pending(t) is { } notPending) return notPending;
        if (t.ValidUntil < clock.Today())
        {
            return Error.Rule("TRANSFER_LETTER_EXPIRED", T["Transfer.Expired", ChinaTime.Format(t.ValidUntil)], TransferArticles.Transfer);
        }
        var to = await db.OrgUnits.FirstAsync(u => u.Id == t.ToUnitId, ct);
        var member = await db.Members.FirstAsync(m => m.Id == t.MemberId, ct);
        member.OrgUnitId = to.Id;
        member.OrgPath = to.Path;
        member.UpdatedAt = clock.GetUtcNow();
        Decide(t, TransferStatus.Accepted, null);
        ledger.Append("member.transfer.accepted", t.Id.ToString(), new { t.MemberId, t.LetterNumber, t.ToUnitId });
        await db.SaveChangesAsync(ct);
        return t;
    }

    public async Task<Result<MemberTransfer>> RejectAsync(Guid id, TransferDecisionRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadAsync(id, TransferAccess.Side.Receiving, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        // Neither side may refuse without a reason (第二十五条).
        if (string.IsNullOrWhiteSpace(r.Note)) return Error.Validation("note", T["Transfer.ReasonRequired"]);
        if (r.Note.Length > 400) return Error.Validation("note", L["Validation.TooLong", "note", 400]);
        if (Pending(loaded.Value!) is { } notPending) return notPending;
        Decide(loaded.Value!, TransferStatus.Rejected, r.Note.Trim());
        ledger.Append("member.transfer.rejected", id.ToString(), new { loaded.Value!.MemberId, Note = r.Note.Trim() });
        await db.SaveChangesAsync(ct);
        return loaded.Value!;
    }

    public async Task<Result<MemberTransfer>> CancelAsync(Guid id, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, TransferAccess.Side.Sending, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (Pending(loaded.Value!) is { } notPending) return notPending;
        Decide(loaded.Value!, TransferStatus.Cancelled, null);
        ledger.Append("member.transfer.cancelled", id.ToString(), new { loaded.Value!.MemberId });
        await db.SaveChangesAsync(ct);
        return loaded.Value!;
    }

    /// <summary>The return slip of a letter out of the tenant came back: the person leaves this roll (kept, never deleted).</summary>
    public async Task<Result<MemberTransfer>> ReturnSlipAsync(Guid id, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, TransferAccess.Side.Sending, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var t = loaded.Value!;
        if (t.Kind != TransferKind.Outgoing) return Error.Validation("kind", T["Transfer.ReturnSlipOutgoingOnly"]);
        if (Pending(t) is { } notPending) return notPending;
        var member = await db.Members.FirstAsync(m => m.Id == t.MemberId, ct);
        member.Status = MembershipStatus.TransferredOut;
        member.UpdatedAt = clock.GetUtcNow();
        Decide(t, TransferStatus.Accepted, null);
        ledger.Append("member.transfer.completed", t.Id.ToString(), new { t.MemberId, t.LetterNumber, t.Destination });
        await db.SaveChangesAsync(ct);
        return t;
    }

    private Error? Pending(MemberTransfer t) =>
        t.Status == TransferStatus.Pending ? null : Error.Conflict("TRANSFER_DECIDED", T["Transfer.AlreadyDecided"]);

    private void Decide(MemberTransfer t, TransferStatus status, string? note)
    {
        t.Status = status;
        t.DecidedOn = clock.Today();
        t.DecidedByUserId = user.UserId;
        t.DecisionNote = note;
    }
}

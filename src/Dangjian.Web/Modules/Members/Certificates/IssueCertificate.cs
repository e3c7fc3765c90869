using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members.Transfers;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Members.Certificates;

public sealed record IssueCertificateRequest([MaxLength(200)] string? Destination, [MultiLine, MaxLength(400)] string? Reason, DateOnly? FromDate,
    DateOnly? ToDate);

/// <summary>
/// The member's unit issues a numbered 党员证明信 for an absence of six months or less (CertificatePeriodRule); a
/// longer one is refused, naming 第二十五条: a transfer is needed. One certificate at a time: an issued one whose
/// period overlaps must be cancelled first.
/// </summary>
public sealed class IssueCertificate(AppDbContext db, MemberAccess members, CurrentUser user, Platform.Ledger.Ledger ledger,
    TimeProvider clock, IOptions<CertificateOptions> options, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T,
    InputCheck inputCheck)
{
    public async Task<Result<MemberCertificate>> HandleAsync(Guid memberId, IssueCertificateRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await members.LoadAsync(memberId, Permission.ManageMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var member = loaded.Value!;

        var invalid = new FieldErrors();
        if (string.IsNullOrWhiteSpace(r.Destination)) invalid.Add(Error.Validation("destination", T["Certificate.DestinationRequired"]));
        else if (r.Destination.Trim().Length > 200) invalid.Add(Error.Validation("destination", L["Validation.TooLong", T["Certificate.Destination"], 200]));
        if (r.Reason is { } reason && reason.Trim().Length > 400) invalid.Add(Error.Validation("reason", L["Validation.TooLong", T["Certificate.Reason"], 400]));
        if (r.FromDate is null) invalid.Add(Error.Validation("fromDate", L["Validation.Required", T["Certificate.FromDate"]]));
        if (r.ToDate is null) invalid.Add(Error.Validation("toDate", L["Validation.Required", T["Certificate.ToDate"]]));
        if (r.FromDate is { } f && r.ToDate is { } t && CertificatePeriodRule.Check(f, t) == CertificatePeriod.EndsBeforeStart)
            invalid.Add(Error.Validation("toDate", T["Certificate.EndsBeforeStart"]));
        if (invalid.ToError() is { } validation) return validation;
        var from = r.FromDate!.Value;
        var to = r.ToDate!.Value;

        if (CertificatePeriodRule.Check(from, to) == CertificatePeriod.TooLong)
        {
            return Error.Rule("CERTIFICATE_TOO_LONG",
                T["Certificate.TooLong", CertificatePeriodRule.MaxMonths, ChinaTime.Format(CertificatePeriodRule.LatestEnd(from))], TransferArticles.Transfer);
        }
        if (!Member.IsPartyMember(member.Category) || member.Status != MembershipStatus.Normal)
        {
            return Error.Rule("CERTIFICATE_NOT_MEMBER", T["Certificate.OnlyMembers"], TransferArticles.Transfer);
        }
        if (await db.MemberCertificates.AnyAsync(c => c.MemberId == member.Id && c.Status == CertificateStatus.Issued
                                                      && c.FromDate <= to && c.ToDate >= from, ct))
        {
            return Error.Conflict("CERTIFICATE_OVERLAP", T["Certificate.Overlap"]);
        }

        var now = clock.GetUtcNow();
        var today = clock.Today();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await DocumentNumbers.NextAsync(db, db.MemberCertificates.Select(c => c.Number), options.Value.NumberPrefix, today.Year, ct);
        var certificate = new MemberCertificate
        {
            Id = Guid.CreateVersion7(now), MemberId = member.Id, MemberName = member.Name, OrgUnitId = member.OrgUnitId, OrgPath = member.OrgPath,
            Number = number, Destination = r.Destination!.Trim(), Reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim(),
            FromDate = from, ToDate = to, IssuedOn = today, Status = CertificateStatus.Issued, CreatedAt = now, CreatedByUserId = user.UserId,
        };
        db.MemberCertificates.Add(certificate);
        ledger.Append("member.certificate.issued", certificate.Id.ToString(),
            new { certificate.MemberId, certificate.Number, certificate.Destination, certificate.FromDate, certificate.ToDate });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return certificate;
    }
}

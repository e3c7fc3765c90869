using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Certificates;

/// <summary>The issuing unit withdraws a certificate (issued in error, the trip called off); it stays on record.</summary>
public sealed class CancelCertificate(AppDbContext db, CertificateAccess access, CurrentUser user, Platform.Ledger.Ledger ledger,
    TimeProvider clock, IStringLocalizer<MembersText> T)
{
    public async Task<Result<MemberCertificate>> HandleAsync(Guid id, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, Permission.ManageMembers, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var c = loaded.Value!;
        if (c.Status != CertificateStatus.Issued) return Error.Conflict("CERTIFICATE_CANCELLED", T["Certificate.AlreadyCancelled"]);
        c.Status = CertificateStatus.Cancelled;
        c.CancelledOn = clock.Today();
        c.CancelledByUserId = user.UserId;
        ledger.Append("member.certificate.cancelled", c.Id.ToString(), new { c.MemberId, c.Number });
        await db.SaveChangesAsync(ct);
        return c;
    }
}

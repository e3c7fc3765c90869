using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Certificates;

/// <summary>
/// A certificate belongs to the unit that issued it: a caller who cannot see that unit's members gets "not found",
/// one who sees them but may not manage them gets "forbidden" (as MemberAccess does for the person).
/// </summary>
public sealed class CertificateAccess(AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T)
{
    public async Task<Result<MemberCertificate>> LoadAsync(Guid id, Permission permission, CancellationToken ct, bool track = false)
    {
        var query = track ? db.MemberCertificates : db.MemberCertificates.AsNoTracking();
        var c = await query.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CanSee(c)) return Error.NotFound(T["Certificate.NotFound"]);
        if (!user.Can(permission, c.OrgPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        return c;
    }

    public bool CanSee(MemberCertificate c) => user.Can(Permission.ViewMembers, c.OrgPath);

    /// <summary>The name of the issuing unit, dissolved or not.</summary>
    public Task<string> UnitNameAsync(MemberCertificate c, CancellationToken ct) =>
        db.OrgUnits.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter]).Where(u => u.Id == c.OrgUnitId).Select(u => u.Name).FirstAsync(ct);
}

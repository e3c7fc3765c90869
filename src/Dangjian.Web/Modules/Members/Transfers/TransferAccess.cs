using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Transfers;

/// <summary>Which side of a transfer the caller stands on: the sending unit, the receiving unit, or neither (not found).</summary>
public sealed class TransferAccess(AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T)
{
    public enum Side { Sending, Receiving }

    public async Task<Result<MemberTransfer>> LoadAsync(Guid id, Side side, CancellationToken ct, bool track = false)
    {
        var query = track ? db.MemberTransfers : db.MemberTransfers.AsNoTracking();
        var t = await query.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null || !CanSee(t)) return Error.NotFound(T["Transfer.NotFound"]);
        var path = side == Side.Sending ? t.FromPath : t.ToPath;
        if (path is null || !user.Can(Permission.ManageMembers, path)) return Error.Forbidden(L["Auth.Forbidden"]);
        return t;
    }

    /// <summary>A transfer the caller sees from either side (GET /api/v1/transfers/{id}, the letter and its PDF); otherwise not found.</summary>
    public async Task<Result<MemberTransfer>> SeeAsync(Guid id, CancellationToken ct)
    {
        var t = await db.MemberTransfers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return t is not null && CanSee(t) ? t : Error.NotFound(T["Transfer.NotFound"]);
    }

    /// <summary>The name of the unit the letter was issued by, dissolved or not.</summary>
    public Task<string> FromNameAsync(MemberTransfer t, CancellationToken ct) =>
        db.OrgUnits.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter]).Where(u => u.Id == t.FromUnitId).Select(u => u.Name).FirstAsync(ct);

    public bool CanSee(MemberTransfer t) =>
        user.Can(Permission.ViewMembers, t.FromPath) || (t.ToPath is not null && user.Can(Permission.ViewMembers, t.ToPath));
}

using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Transfers;

/// <summary>Which side of a transfer the caller stands on: the sending unit, the receiving unit, or neither (not found).</summary>
public sealed class TransferAccess(AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> L)
{
    public enum Side { Sending, Receiving }

    public async Task<Result<MemberTransfer>> LoadAsync(Guid id, Side side, CancellationToken ct, bool track = false)
    {
        var query = track ? db.MemberTransfers : db.MemberTransfers.AsNoTracking();
        var t = await query.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null || !CanSee(t)) return Error.NotFound(L["Transfer.NotFound"]);
        var path = side == Side.Sending ? t.FromPath : t.ToPath;
        if (path is null || !user.Can(Permission.ManageMembers, path)) return Error.Forbidden(L["Auth.Forbidden"]);
        return t;
    }

    public bool CanSee(MemberTransfer t) =>
        user.Can(Permission.ViewMembers, t.FromPath) || (t.ToPath is not null && user.Can(Permission.ViewMembers, t.ToPath));
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Transfers.Incoming;

/// <summary>
/// Loads an incoming letter if the caller's role holds on the receiving unit or an ancestor: outside the caller's view
/// it does not exist (404); seen but not to be decided by the caller, 403. The permission is the one transfers use.
/// </summary>
public sealed class IncomingAccess(AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> L, IStringLocalizer<MembersText> T)
{
    public async Task<Result<IncomingTransfer>> LoadAsync(Guid id, Permission permission, CancellationToken ct, bool track = false)
    {
        var query = track ? db.IncomingTransfers : db.IncomingTransfers.AsNoTracking();
        var t = await query.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null || !user.Can(Permission.ViewMembers, t.ToPath)) return Error.NotFound(T["Transfer.NotFound"]);
        if (!user.Can(permission, t.ToPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        return t;
    }
}

/// <summary>Incoming letters of a subtree: one index range on (TenantId, ToPath, Status).</summary>
public static class IncomingQueries
{
    public static IQueryable<IncomingTransfer> InSubtree(this IQueryable<IncomingTransfer> letters, string path)
    {
        var upper = OrgPaths.UpperBound(path);
        return letters.Where(t => string.Compare(t.ToPath, path) >= 0 && string.Compare(t.ToPath, upper) < 0);
    }
}

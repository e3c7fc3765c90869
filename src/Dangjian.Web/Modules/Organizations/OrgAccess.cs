using Dangjian.Web.Platform;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>
/// Loads a unit and checks the caller's role holds on it or an ancestor. A unit the caller cannot see is "not
/// found", whether it exists or not; one it can see but not change is "forbidden".
/// </summary>
[ModuleContract]
public sealed class OrgAccess(AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> L, IStringLocalizer<OrganizationsText> T)
{
    public async Task<Result<OrgUnit>> LoadAsync(Guid id, Permission permission, CancellationToken ct, bool track = false)
    {
        var query = track ? db.OrgUnits : db.OrgUnits.AsNoTracking();
        var unit = await query.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null || !user.Can(Permission.ViewOrg, unit.Path)) return Error.NotFound(T["Org.NotFound"]);
        if (!user.Can(permission, unit.Path)) return Error.Forbidden(L["Auth.Forbidden"]);
        return unit;
    }

    public bool Can(Permission permission, string path) => user.Can(permission, path);
}

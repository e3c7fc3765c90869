using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>Undoes a dissolution: the unit returns under its parent, if the parent is still there.</summary>
public sealed class RestoreOrgUnit(AppDbContext db, OrgAccess access, CurrentUser user, Platform.Ledger.Ledger ledger,
    IStringLocalizer<OrganizationsText> T)
{
    public async Task<Result<OrgUnit>> HandleAsync(Guid id, CancellationToken ct)
    {
        var unit = await db.OrgUnits.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter])
            .FirstOrDefaultAsync(u => u.Id == id && u.DissolvedAt != null, ct);
        if (unit is null || !user.Can(Permission.ViewOrg, unit.Path) || unit.ParentId is not { } parentId)
        {
            return Error.NotFound(T["Org.NotFound"]);
        }
        var parent = await access.LoadAsync(parentId, Permission.ManageOrg, ct);
        if (!parent.IsSuccess) return parent.Error!;
        if (await db.OrgUnits.AnyAsync(u => u.ParentId == parentId && u.Name == unit.Name, ct))
        {
            return Error.Conflict("ORG_DUPLICATE_NAME", T["Org.DuplicateName", unit.Name]);
        }
        unit.DissolvedAt = null;
        ledger.Append("org.restored", unit.Id.ToString(), new { unit.Name });
        await db.SaveChangesAsync(ct);
        return unit;
    }
}

using Dangjian.Web.Modules.Members;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>
/// Dissolves (撤销) a unit. Refused while anyone is still on the roll of the unit or below (their relations must be
/// transferred first) or while it has sub-units. The row is kept, marked dissolved, for the record.
/// </summary>
public sealed class DissolveOrgUnit(AppDbContext db, OrgAccess access, Platform.Ledger.Ledger ledger, TimeProvider clock,
    IStringLocalizer<SharedResource> L, IStringLocalizer<OrganizationsText> T)
{
    public async Task<Result<OrgUnit>> HandleAsync(Guid id, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(id, Permission.ViewOrg, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var unit = loaded.Value!;
        if (unit.ParentId is not { } parentId) return Error.Rule("ORG_ROOT_FIXED", T["Org.RootCannotDissolve"], OrgArticles.Hierarchy);
        var parent = await access.LoadAsync(parentId, Permission.ManageOrg, ct);
        if (!parent.IsSuccess) return Error.Forbidden(L["Auth.Forbidden"]);

        var people = await db.Members.InSubtree(unit.Path).CountAsync(ct);
        if (people > 0) return Error.Rule("ORG_HAS_MEMBERS", T["Org.DissolveHasMembers", people], OrgArticles.Transfer);
        var children = await db.OrgUnits.CountAsync(u => u.ParentId == unit.Id, ct);
        if (children > 0) return Error.Rule("ORG_HAS_CHILDREN", T["Org.DissolveHasChildren", children], OrgArticles.Hierarchy);

        unit.DissolvedAt = clock.GetUtcNow();
        ledger.Append("org.dissolved", unit.Id.ToString(), new { unit.Name });
        await db.SaveChangesAsync(ct);
        return unit;
    }
}

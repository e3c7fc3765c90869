using Dangjian.Web.Modules.Dashboard;
using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Organizations;

public sealed record MoveOrgUnitRequest(Guid? NewParentId);

/// <summary>
/// Moves a unit with its whole subtree under a new parent: the unit, every descendant path and every member's path
/// change in one transaction. The caller must manage both the old and the new parent.
/// </summary>
public sealed class MoveOrgUnit(AppDbContext db, OrgAccess access, Platform.Ledger.Ledger ledger, Platform.Auth.RoleCache roles,
    IStringLocalizer<SharedResource> L, IStringLocalizer<OrganizationsText> T)
{
    public async Task<Result<OrgUnit>> HandleAsync(Guid id, MoveOrgUnitRequest r, CancellationToken ct)
    {
        if (r.NewParentId is not { } newParentId) return Error.Validation("newParentId", L["Validation.Required", "newParentId"]);

        var loaded = await access.LoadAsync(id, Permission.ViewOrg, ct, track: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var unit = loaded.Value!;
        if (unit.ParentId is not { } oldParentId) return Error.Rule("ORG_ROOT_FIXED", T["Org.RootCannotMove"], OrgArticles.Hierarchy);

        var oldParent = await access.LoadAsync(oldParentId, Permission.ManageOrg, ct);
        if (!oldParent.IsSuccess) return Error.Forbidden(L["Auth.Forbidden"]);
        var newParentResult = await access.LoadAsync(newParentId, Permission.ManageOrg, ct);
        if (!newParentResult.IsSuccess) return newParentResult.Error!;
        var newParent = newParentResult.Value!;

        if (newParentId == oldParentId) return unit;
        if (OrgPaths.IsWithin(newParent.Path, unit.Path))
        {
            return Error.Rule("ORG_MOVE_INTO_SELF", T["Org.MoveIntoOwnSubtree"], OrgArticles.Hierarchy);
        }
        if (!OrgHierarchyRules.CanContain(newParent.Kind, unit.Kind))
        {
            return Error.Rule("ORG_HIERARCHY", T["Org.HierarchyRefused", T["Kind." + newParent.Kind], T["Kind." + unit.Kind]], OrgArticles.Hierarchy);
        }
        if (await db.OrgUnits.AnyAsync(u => u.ParentId == newParentId && u.Name == unit.Name, ct))
        {
            return Error.Conflict("ORG_DUPLICATE_NAME", T["Org.DuplicateName", unit.Name]);
        }

        var oldPath = unit.Path;
        var newPath = OrgPaths.Child(newParent.Path, unit.Key);
        var depthDelta = newParent.Depth + 1 - unit.Depth;
        var cut = oldPath.Length;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.OrgUnits.IgnoreQueryFilters([AppDbContext.SoftDeleteFilter]).InSubtree(oldPath).Where(u => u.Id != unit.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.Path, u => newPath + u.Path.Substring(cut))
                .SetProperty(u => u.Depth, u => u.Depth + depthDelta), ct);
        // Every copy of a path below the unit moves with it, in whichever module's table it is (scope checks and
        // subtree reads use these copies): the columns are found in the model, not listed here.
        await OrgPathCopies.RepathAllAsync(db, oldPath, newPath, ct);
        unit.ParentId = newParentId;
        unit.Path = newPath;
        unit.Depth = newParent.Depth + 1;
        ledger.Append("org.moved", unit.Id.ToString(), new { From = oldParentId, To = newParentId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        roles.TreeChanged();
        return unit;
    }
}

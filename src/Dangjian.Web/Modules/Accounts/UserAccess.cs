using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Accounts;

/// <summary>A user account may be read or changed by someone who manages users on every unit it holds a role on.</summary>
public sealed class UserAccess(AppDbContext db, CurrentUser caller, IStringLocalizer<AccountsText> T)
{
    public async Task<Result<AppUser>> LoadManagedAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.TenantId == caller.TenantId, ct);
        if (user is null) return Error.NotFound(T["Users.NotFound"]);
        var paths = await db.RoleAssignments.Where(r => r.UserId == userId)
            .Join(db.OrgUnits, r => r.OrgUnitId, u => u.Id, (r, u) => u.Path).ToListAsync(ct);
        if (paths.Count == 0 ? !caller.Roles.Any(r => r.Scope == DataScope.All && r.Role.Grants(Permission.ManageUsers))
                             : !paths.All(p => caller.Can(Permission.ManageUsers, p)))
        {
            return Error.NotFound(T["Users.NotFound"]);
        }
        return user;
    }
}

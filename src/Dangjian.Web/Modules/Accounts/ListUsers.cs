using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Accounts;

public sealed record UserRoleDto(AppRole Role, DataScope Scope, Guid OrgUnitId, string OrgUnitName);

public sealed record UserDto(Guid Id, string UserName, string DisplayName, bool LockedOut, DateTimeOffset CreatedAt, IReadOnlyList<UserRoleDto> Roles);

/// <summary>Accounts holding a role on a unit in the subtree of <c>orgUnitId</c>, which the caller manages users on.</summary>
public sealed class ListUsers(AppDbContext db, OrgAccess access, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<Result<Page<UserDto>>> HandleAsync(Guid? orgUnitId, string? search, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageUsers, ct);
        if (!unit.IsSuccess) return unit.Error!;

        var units = db.OrgUnits.InSubtree(unit.Value!.Path).Select(u => u.Id);
        var userIds = db.RoleAssignments.Where(r => units.Contains(r.OrgUnitId)).Select(r => r.UserId).Distinct();
        var query = db.Users.Where(u => userIds.Contains(u.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(u => u.UserName!.Contains(s) || u.DisplayName.Contains(s));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.UserName).Skip(page.Skip).Take(page.PageSize)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd, u.CreatedAt }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await db.RoleAssignments.Where(r => ids.Contains(r.UserId))
            .Join(db.OrgUnits, r => r.OrgUnitId, u => u.Id, (r, u) => new { r.UserId, r.Role, r.Scope, r.OrgUnitId, u.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = rows.Select(r => new UserDto(r.Id, r.UserName ?? "", r.DisplayName, r.LockoutEnd > now, r.CreatedAt,
            roles.Where(x => x.UserId == r.Id).Select(x => new UserRoleDto(x.Role, x.Scope, x.OrgUnitId, x.Name)).ToList())).ToList();
        return new Page<UserDto>(items, page.Page, page.PageSize, total);
    }
}

using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Accounts;

public sealed record RoleGrantInput(string? Role, Guid? OrgUnitId, string? Scope);

/// <summary>
/// Turns requested role grants into assignments, checking that the caller manages users on every unit named and
/// never grants a wider reach than it holds itself.
/// </summary>
public sealed class RoleInput(AppDbContext db, CurrentUser user, IStringLocalizer<SharedResource> L, IStringLocalizer<AccountsText> T)
{
    public async Task<Result<List<RoleAssignment>>> ResolveAsync(IReadOnlyList<RoleGrantInput>? grants, DateTimeOffset now, CancellationToken ct)
    {
        var result = new List<RoleAssignment>();
        for (var i = 0; i < (grants?.Count ?? 0); i++)
        {
            var g = grants![i];
            var role = OrgInput.Enum<AppRole>(g.Role, $"roles[{i}].role", null, L);
            if (!role.IsSuccess) return role.Error!;
            var scope = OrgInput.Enum<DataScope>(g.Scope, $"roles[{i}].scope", role.Value == AppRole.Member ? DataScope.Self : DataScope.OwnUnitAndBelow, L);
            if (!scope.IsSuccess) return scope.Error!;
            if (g.OrgUnitId is not { } unitId) return Error.Validation($"roles[{i}].orgUnitId", L["Validation.Required", "orgUnitId"]);

            var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Path }).FirstOrDefaultAsync(ct);
            if (unit is null || !user.Can(Permission.ViewOrg, unit.Path)) return Error.NotFound(L["Org.NotFound"]);
            if (!user.Can(Permission.ManageUsers, unit.Path)) return Error.Forbidden(L["Auth.Forbidden"]);
            if (scope.Value == DataScope.All && !user.Roles.Any(r => r.Scope == DataScope.All && r.Role.Grants(Permission.ManageUsers)))
            {
                return Error.Forbidden(T["Users.CannotGrantAll"]);
            }
            result.Add(new RoleAssignment
            {
                Id = Guid.CreateVersion7(now), OrgUnitId = unitId, Role = role.Value, Scope = scope.Value, GrantedAt = now,
            });
        }
        if (result.Count == 0) return Error.Validation("roles", T["Users.RoleRequired"]);
        return result;
    }
}

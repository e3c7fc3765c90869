using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Accounts;

public sealed record SetUserRolesRequest(IReadOnlyList<RoleGrantInput>? Roles);

/// <summary>Replaces a user's roles and signs the user out everywhere (new security stamp).</summary>
public sealed class SetUserRoles(AppDbContext db, UserManager<AppUser> users, RoleInput roles, UserAccess access, TimeProvider clock,
    InputCheck inputCheck)
{
    public async Task<Result<AppUser>> HandleAsync(Guid userId, SetUserRolesRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await access.LoadManagedAsync(userId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var user = loaded.Value!;
        var grants = await roles.ResolveAsync(r.Roles, clock.GetUtcNow(), ct);
        if (!grants.IsSuccess) return grants.Error!;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var old = await db.RoleAssignments.Where(a => a.UserId == userId).ToListAsync(ct);
        db.RoleAssignments.RemoveRange(old);
        foreach (var g in grants.Value!)
        {
            g.UserId = userId;
            db.RoleAssignments.Add(g);
        }
        await db.SaveChangesAsync(ct);
        await users.UpdateSecurityStampAsync(user);
        await tx.CommitAsync(ct);
        return user;
    }
}

using System.Security.Cryptography;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace Dangjian.Web.Seeding;

/// <summary>Creates a tenant's first administrator: system admin on the root unit.</summary>
public static class AdminAccount
{
    public static string GeneratePassword()
    {
        const string chars = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        // Upper case, lower case and digits always: the password policy asks for three classes (docs/security.md).
        var pw = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 1) + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz", 1)
                 + RandomNumberGenerator.GetString(chars, 12);
        return pw + RandomNumberGenerator.GetInt32(10, 99).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<AppUser> CreateAsync(IServiceProvider sp, Guid tenantId, Guid rootId, string userName, string displayName,
        string password, AppRole role = AppRole.SystemAdmin, DataScope scope = DataScope.OwnUnitAndBelow)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var db = sp.GetRequiredService<AppDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(now), UserName = userName, DisplayName = displayName, TenantId = tenantId, CreatedAt = now, PasswordChangedAt = now,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("无法创建管理员账号：" + string.Join("；", created.Errors.Select(e => e.Description)));
        }
        db.RoleAssignments.Add(new RoleAssignment
        {
            Id = Guid.CreateVersion7(now), TenantId = tenantId, UserId = user.Id, OrgUnitId = rootId, Role = role, Scope = scope, GrantedAt = now,
        });
        await db.SaveChangesAsync();
        return user;
    }
}

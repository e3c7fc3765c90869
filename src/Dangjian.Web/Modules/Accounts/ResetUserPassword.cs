using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Auth.Passwords;
using Dangjian.Web.Platform.Errors;
using Microsoft.AspNetCore.Identity;

namespace Dangjian.Web.Modules.Accounts;

/// <summary>The body of POST /api/v1/users/{id}/password: the temporary password the administrator gives the person.</summary>
public sealed record ResetPasswordRequest([property: MaxLength(PasswordPolicy.MaxLength)] string? NewPassword);

/// <summary>
/// An administrator sets a temporary password for an account they manage: the policy applies, every session of the
/// account ends, any hold on the name is cleared, and the person must choose their own at the next sign-in.
/// </summary>
public sealed class ResetUserPassword(UserAccess access, PasswordChanges changes, UserManager<AppUser> users, CurrentUser me)
{
    public async Task<Result<AppUser>> HandleAsync(Guid userId, ResetPasswordRequest r, CancellationToken ct)
    {
        var loaded = await access.LoadManagedAsync(userId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var by = await users.FindByIdAsync(me.UserId.ToString());
        return await changes.ResetAsync(loaded.Value!, r.NewPassword, by ?? loaded.Value!, ct);
    }
}

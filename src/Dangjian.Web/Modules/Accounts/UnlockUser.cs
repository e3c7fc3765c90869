using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Auth.Login;
using Dangjian.Web.Platform.Errors;
using Microsoft.AspNetCore.Identity;

namespace Dangjian.Web.Modules.Accounts;

/// <summary>An administrator ends every hold on an account they manage (failed sign-ins, a lock), and the event is audited.</summary>
public sealed class UnlockUser(UserAccess access, UserManager<AppUser> users, LoginThrottle throttle, SecurityEvents events, CurrentUser me)
{
    public async Task<Result<AppUser>> HandleAsync(Guid userId, CancellationToken ct)
    {
        var loaded = await access.LoadManagedAsync(userId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var user = loaded.Value!;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        throttle.Clear(user.UserName ?? "");
        await events.WriteAsync(user, user.UserName ?? "", "Unlocked", ct, await users.FindByIdAsync(me.UserId.ToString()));
        return user;
    }
}

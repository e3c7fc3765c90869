using Dangjian.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Auth.Passwords;

/// <summary>Identity's password validator for every password set (new account, change, reset): <see cref="PasswordPolicy"/> and the history.</summary>
internal sealed class PolicyPasswordValidator(PasswordPolicy policy, AppDbContext db, IStringLocalizer<SharedResource> L) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var errors = policy.Check(password, user.UserName)
            .Select(key => new IdentityError { Code = key, Description = L[key, policy.MinLength, policy.RequiredClasses] }).ToList();
        if (errors.Count == 0 && policy.History > 0 && user.Id != Guid.Empty)
        {
            var earlier = await db.Set<PasswordHistory>().Where(h => h.UserId == user.Id).OrderByDescending(h => h.ChangedAt)
                .Take(policy.History).Select(h => h.PasswordHash).ToListAsync();
            if (user.PasswordHash is { } current) earlier.Add(current);
            if (earlier.Any(hash => manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed))
            {
                errors.Add(new IdentityError { Code = "Password.Reused", Description = L["Password.Reused", policy.History] });
            }
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }
}

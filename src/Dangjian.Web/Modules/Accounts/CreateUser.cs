using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Accounts;

public sealed record CreateUserRequest(string? UserName, string? Password, [MaxLength(100)] string? DisplayName, IReadOnlyList<RoleGrantInput>? Roles,
    Guid? MemberId = null);

/// <summary>An administrator creates an account with its roles on units it manages.</summary>
public sealed class CreateUser(AppDbContext db, UserManager<AppUser> users, RoleInput roles, CurrentUser caller, Members.MemberAccess members, TimeProvider clock,
    IStringLocalizer<SharedResource> L, IStringLocalizer<AccountsText> T, InputCheck inputCheck)
{
    public async Task<Result<AppUser>> HandleAsync(CreateUserRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var invalid = new FieldErrors();
        var userName = r.UserName?.Trim() ?? "";
        if (userName.Length == 0) invalid.Add(Error.Validation("userName", L["Validation.Required", "userName"]));
        else if (userName.Length is < 3 or > 50 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
            invalid.Add(Error.Validation("userName", T["Users.UserNameFormat"]));
        if (string.IsNullOrWhiteSpace(r.DisplayName)) invalid.Add(Error.Validation("displayName", L["Validation.Required", "displayName"]));
        else if (r.DisplayName.Trim().Length > 100) invalid.Add(Error.Validation("displayName", L["Validation.TooLong", "displayName", 100]));
        if (string.IsNullOrEmpty(r.Password)) invalid.Add(Error.Validation("password", L["Validation.Required", "password"]));
        if (invalid.ToError() is { } validation) return validation;

        var now = clock.GetUtcNow();
        var grants = await roles.ResolveAsync(r.Roles, now, ct);
        if (!grants.IsSuccess) return grants.Error!;

        Members.Member? member = null;
        if (r.MemberId is { } memberId)
        {
            var loaded = await members.LoadAsync(memberId, Permission.ManageMembers, ct, track: true);
            if (!loaded.IsSuccess) return loaded.Error!;
            member = loaded.Value!;
            if (member.UserId is not null) return Error.Conflict("MEMBER_HAS_ACCOUNT", T["Users.MemberHasAccount"]);
        }

        if (await users.FindByNameAsync(userName) is not null) return Error.Conflict("USER_EXISTS", T["Users.Exists", userName]);

        var user = new AppUser
        {
            Id = Guid.CreateVersion7(now), UserName = userName, DisplayName = r.DisplayName!.Trim(), TenantId = caller.TenantId,
            CreatedAt = now, PasswordChangedAt = now, LockoutEnabled = true,
        };
        foreach (var pv in users.PasswordValidators)
        {
            var check = await pv.ValidateAsync(users, user, r.Password!);
            if (!check.Succeeded) return Error.Validation("password", T["Users.PasswordWeak"]);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, r.Password!);
        if (!created.Succeeded)
        {
            return Error.Validation("userName", string.Join("；", created.Errors.Select(e => e.Description)));
        }
        foreach (var g in grants.Value!)
        {
            g.UserId = user.Id;
            db.RoleAssignments.Add(g);
        }
        if (member is not null) member.UserId = user.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }
}

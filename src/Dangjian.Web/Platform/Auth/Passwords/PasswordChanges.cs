using Dangjian.Web.Data;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Auth.Login;
using Dangjian.Web.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Auth.Passwords;

/// <summary>
/// Setting a password: a person's own change (the current password first) and an administrator's reset (the person
/// must change it at the next sign-in). Either way the policy and the history are checked (<see cref="PolicyPasswordValidator"/>),
/// the old hash joins the history, the security stamp is renewed (every other session and token of the account ends),
/// and the event is audited.
/// </summary>
public sealed class PasswordChanges(AppDbContext db, UserManager<AppUser> users, PasswordHashGate gate, LoginThrottle throttle,
    SecurityEvents events, TimeProvider clock, IHttpContextAccessor http, IStringLocalizer<SharedResource> L)
{
    /// <summary>The start of time: a password reset by an administrator is due for a change at once.</summary>
    public static readonly DateTimeOffset MustChange = DateTimeOffset.UnixEpoch;

    public async Task<Result<AppUser>> ChangeOwnAsync(Guid userId, string? current, string? next, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(current)) return Error.Validation("currentPassword", L["Validation.Required", "currentPassword"]);
        if (string.IsNullOrEmpty(next)) return Error.Validation("newPassword", L["Validation.Required", "newPassword"]);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return Error.NotFound(L["Auth.Forbidden"]);
        var address = ClientAddress.Of(http.HttpContext);
        if (throttle.IsHeld(user.UserName ?? "", address)) return new Error("locked", L["Auth.LockedOut"], StatusCodes.Status423Locked);

        using var turn = await gate.EnterAsync(ct);
        if (!turn.IsAcquired) return new Error("busy", L["Auth.Busy"], StatusCodes.Status429TooManyRequests);
        if (!await users.CheckPasswordAsync(user, current))
        {
            throttle.Failed(user.UserName ?? "", address);
            await events.WriteAsync(user, user.UserName ?? "", "PasswordWrong", ct);
            return Error.Validation("currentPassword", L["Password.CurrentWrong"]);
        }
        return await SetAsync(user, next, clock.GetUtcNow(), "PasswordChanged", null, ct);
    }

    public async Task<Result<AppUser>> ResetAsync(AppUser user, string? next, AppUser by, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(next)) return Error.Validation("newPassword", L["Validation.Required", "newPassword"]);
        using var turn = await gate.EnterAsync(ct);
        if (!turn.IsAcquired) return new Error("busy", L["Auth.Busy"], StatusCodes.Status429TooManyRequests);
        var result = await SetAsync(user, next, MustChange, "PasswordReset", by, ct);
        if (result.IsSuccess) throttle.Clear(user.UserName ?? "");
        return result;
    }

    private async Task<Result<AppUser>> SetAsync(AppUser user, string next, DateTimeOffset changedAt, string action, AppUser? by, CancellationToken ct)
    {
        var validation = await ValidateAsync(user, next);
        if (validation is not null) return validation;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (user.PasswordHash is { } old)
        {
            db.Set<PasswordHistory>().Add(new PasswordHistory { Id = Guid.NewGuid(), UserId = user.Id, PasswordHash = old, ChangedAt = clock.GetUtcNow() });
        }
        user.PasswordHash = users.PasswordHasher.HashPassword(user, next);
        user.PasswordChangedAt = changedAt;
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded) return Error.Conflict("password_not_saved", string.Join(" ", updated.Errors.Select(e => e.Description)));
        await events.WriteAsync(user, user.UserName ?? "", action, ct, by);
        await tx.CommitAsync(ct);
        return user;
    }

    private async Task<Error?> ValidateAsync(AppUser user, string next)
    {
        var messages = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var r = await validator.ValidateAsync(users, user, next);
            if (!r.Succeeded) messages.AddRange(r.Errors.Select(e => e.Description));
        }
        return messages.Count == 0 ? null
            : new Error("validation", string.Join(" ", messages), StatusCodes.Status400BadRequest, null,
                new Dictionary<string, string[]> { ["newPassword"] = [.. messages] });
    }
}

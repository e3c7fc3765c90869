using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Auth.Passwords;
using Microsoft.AspNetCore.Identity;

namespace Dangjian.Web.Platform.Auth.Login;

/// <summary>
/// The one password check of the login page and the token endpoint. It answers the same way, after the same work,
/// whether the account exists or not (a made-up name costs a hash of a dummy password too), holds back repeated failures
/// per name and address (<see cref="LoginThrottle"/>), hashes at most a bounded number of passwords at once
/// (<see cref="PasswordHashGate"/>) and writes each outcome for a real account to the audit log (<see cref="SecurityEvents"/>).
/// </summary>
public sealed class PasswordCheck(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, LoginThrottle throttle, PasswordHashGate gate,
    SecurityEvents events, PasswordPolicy policy, TimeProvider clock, IHttpContextAccessor http)
{
    public enum Outcome { Ok, Wrong, LockedOut, Busy }

    public sealed record CheckResult(Outcome Status, AppUser? User, bool MustChangePassword = false);

    // A hash of a password nobody has, verified for names no account has, so that both cost the same.
    private static readonly AppUser Nobody = new() { UserName = "-" };
    private static string? dummyHash;

    public async Task<CheckResult> CheckAsync(string userName, string password, CancellationToken ct = default)
    {
        var name = userName.Trim();
        var address = ClientAddress.Of(http.HttpContext);
        if (throttle.IsHeld(name, address)) return new(Outcome.LockedOut, null);

        using var turn = await gate.EnterAsync(ct);
        if (!turn.IsAcquired) return new(Outcome.Busy, null);

        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        if (user is null || await users.IsLockedOutAsync(user) || user.PasswordHash is null)
        {
            dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(Nobody, dummyHash, password);
            var heldNow = throttle.Failed(name, address);
            await events.WriteAsync(user, name, heldNow ? "LockedOut" : "LoginFailed", ct);
            return new(user is not null && await users.IsLockedOutAsync(user) || heldNow ? Outcome.LockedOut : Outcome.Wrong, null);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var held = throttle.Failed(name, address);
            await events.WriteAsync(user, name, held ? "LockedOut" : "LoginFailed", ct);
            return new(held ? Outcome.LockedOut : Outcome.Wrong, null);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            await users.UpdateAsync(user);
        }
        throttle.Succeeded(name, address);
        await events.WriteAsync(user, name, "Login", ct);
        return new(Outcome.Ok, user, policy.HasExpired(user.PasswordChangedAt, clock.GetUtcNow()));
    }
}

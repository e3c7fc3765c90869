using System.Collections.Concurrent;

namespace Dangjian.Web.Platform.Auth.Login;

/// <summary>
/// Failed sign-ins counted per name and address, so that a stranger can neither guess passwords nor lock someone
/// out (<c>Auth:Lockout:*</c>, docs/security.md):
/// <list type="bullet">
/// <item>after <c>PerAddressAttempts</c> (5) failures of one name from one address, that address is held back for that
/// name for <c>Minutes</c> (15), doubled at each further hold (backoff, at most a day); the person's other devices
/// are not affected;</item>
/// <item>after <c>AccountAttempts</c> (30) failures of one name from any addresses within <c>Minutes</c>, the name is
/// held back everywhere for <c>Minutes</c>;</item>
/// <item>names are counted whether an account has them or not, so the answer (401, then 423) never tells which
/// accounts exist; an administrator's unlock clears a name.</item>
/// </list>
/// The counts live in this process: with several instances each counts its own (a bound, not a leak: at most N× the
/// attempts). Time comes from the injected clock.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, IConfiguration config)
{
    private sealed class Count
    {
        public int Failures;
        public int Holds;
        public DateTimeOffset WindowStart;
        public DateTimeOffset HeldUntil;
    }

    private readonly ConcurrentDictionary<string, Count> byAddress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Count> byName = new(StringComparer.Ordinal);

    private int PerAddressAttempts => Math.Max(1, config.GetValue("Auth:Lockout:PerAddressAttempts", 5));
    private int AccountAttempts => Math.Max(1, config.GetValue("Auth:Lockout:AccountAttempts", 30));
    private TimeSpan Hold => TimeSpan.FromMinutes(Math.Clamp(config.GetValue("Auth:Lockout:Minutes", 15), 1, 24 * 60));

    private static string NameKey(string userName) => userName.Trim().ToUpperInvariant();
    private static string AddressKey(string userName, string address) => NameKey(userName) + "\n" + address;

    /// <summary>Whether a sign-in of this name from this address is held back now.</summary>
    public bool IsHeld(string userName, string address)
    {
        var now = clock.GetUtcNow();
        return (byAddress.TryGetValue(AddressKey(userName, address), out var a) && a.HeldUntil > now)
               || (byName.TryGetValue(NameKey(userName), out var n) && n.HeldUntil > now);
    }

    /// <summary>Counts a failure; true when it starts a hold.</summary>
    public bool Failed(string userName, string address)
    {
        var now = clock.GetUtcNow();
        if (byAddress.Count > MaxTracked) Prune(now);
        var held = false;
        var a = byAddress.GetOrAdd(AddressKey(userName, address), _ => new Count { WindowStart = now });
        lock (a)
        {
            a.Failures++;
            if (a.Failures >= PerAddressAttempts)
            {
                // Backoff: 15, 30, 60 … minutes, at most a day.
                var minutes = Math.Min(Hold.TotalMinutes * Math.Pow(2, Math.Min(a.Holds, 10)), 24 * 60);
                a.HeldUntil = now.AddMinutes(minutes);
                a.Holds++;
                a.Failures = 0;
                held = true;
            }
        }
        var n = byName.GetOrAdd(NameKey(userName), _ => new Count { WindowStart = now });
        lock (n)
        {
            if (now - n.WindowStart > Hold)
            {
                n.WindowStart = now;
                n.Failures = 0;
            }
            n.Failures++;
            if (n.Failures >= AccountAttempts)
            {
                n.HeldUntil = now.Add(Hold);
                n.Failures = 0;
                held = true;
            }
        }
        return held;
    }

    /// <summary>Names an attacker makes up must not grow memory without bound: past this many, stale counts go.</summary>
    private const int MaxTracked = 100_000;

    private void Prune(DateTimeOffset now)
    {
        var stale = now.AddDays(-1);
        foreach (var (key, c) in byAddress)
        {
            if (c.HeldUntil < now && c.WindowStart < now - Hold) byAddress.TryRemove(key, out _);
        }
        foreach (var (key, c) in byName)
        {
            if (c.HeldUntil < now && c.WindowStart < stale) byName.TryRemove(key, out _);
        }
    }

    /// <summary>A right password from this address: its count starts again (the backoff is kept for a day).</summary>
    public void Succeeded(string userName, string address)
    {
        if (byAddress.TryGetValue(AddressKey(userName, address), out var a))
        {
            lock (a) a.Failures = 0;
        }
    }

    /// <summary>An administrator's unlock: every hold and count of the name ends.</summary>
    public void Clear(string userName)
    {
        var name = NameKey(userName);
        byName.TryRemove(name, out _);
        foreach (var key in byAddress.Keys.Where(k => k.StartsWith(name + "\n", StringComparison.Ordinal)))
        {
            byAddress.TryRemove(key, out _);
        }
    }
}

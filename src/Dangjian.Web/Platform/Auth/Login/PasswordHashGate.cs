using System.Threading.RateLimiting;

namespace Dangjian.Web.Platform.Auth.Login;

/// <summary>
/// Checking a password costs a PBKDF2 hash (tens of milliseconds of one core). Unbounded, a crowd logging in takes every
/// core and a cheap API call waits behind them (docs/benchmarks.md). At most <c>Auth:ConcurrentHashes</c> hashes run
/// at once (default: half the cores, at least one) and at most <c>Auth:HashQueue</c> (64) wait; beyond that a login
/// is answered 429 at once instead of queueing forever.
/// </summary>
public sealed class PasswordHashGate : IDisposable
{
    private readonly ConcurrencyLimiter limiter;

    public PasswordHashGate(IConfiguration config)
    {
        Permits = Math.Max(1, config.GetValue("Auth:ConcurrentHashes", Math.Max(1, Environment.ProcessorCount / 2)));
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Permits,
            QueueLimit = Math.Max(0, config.GetValue("Auth:HashQueue", 64)),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>What a refused login is told to wait (Retry-After): a queue of hashes drains in well under a second.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>How many hashes may run at once.</summary>
    public int Permits { get; }

    /// <summary>A turn to hash; <see cref="RateLimitLease.IsAcquired"/> is false when the queue is full.</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken ct) => limiter.AcquireAsync(1, ct);

    public void Dispose() => limiter.Dispose();
}

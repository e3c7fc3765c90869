namespace Dangjian.Tests.Infrastructure;

/// <summary>A clock that stands still until a test moves it; replaces the app's <see cref="TimeProvider"/>.</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    /// <summary>2026-11-22 10:00 China time: the "today" every test reasons from.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    private readonly Lock gate = new();
    private DateTimeOffset now = start;

    public FakeTimeProvider() : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        lock (gate) now += by;
    }

    public void Set(DateTimeOffset to)
    {
        lock (gate) now = to.ToUniversalTime();
    }
}

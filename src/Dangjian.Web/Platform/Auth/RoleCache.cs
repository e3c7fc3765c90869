using Microsoft.Extensions.Caching.Memory;

namespace Dangjian.Web.Platform.Auth;

/// <summary>
/// The roles of a signed-in user with their units' paths, kept per process so that a request costs one query (the
/// security stamp) instead of two. An entry holds for the user's security stamp (every change of roles renews it),
/// for the current version of the organisation tree in this process (a move of a unit clears every entry), and at most
/// <see cref="Lifetime"/>: another instance's move of a unit reaches this one within that time. A stale path can only
/// deny: a role scoped to a unit's old path covers no unit once the unit has moved.
/// </summary>
public sealed class RoleCache(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private long treeVersion;

    private sealed record Entry(string Stamp, long TreeVersion, DateTimeOffset Until, IReadOnlyList<ScopedRole> Roles);

    public IReadOnlyList<ScopedRole>? Find(Guid userId, string stamp) =>
        cache.TryGetValue(userId, out Entry? e) && e is not null && e.Stamp == stamp && e.TreeVersion == Interlocked.Read(ref treeVersion)
        && clock.GetUtcNow() < e.Until
            ? e.Roles
            : null;

    /// <summary>Keeps the roles read at <paramref name="version"/> (taken with <see cref="Version"/> before reading them).</summary>
    public void Keep(Guid userId, string stamp, long version, IReadOnlyList<ScopedRole> roles) =>
        cache.Set(userId, new Entry(stamp, version, clock.GetUtcNow() + Lifetime, roles), new MemoryCacheEntryOptions { Size = 1 });

    public long Version => Interlocked.Read(ref treeVersion);

    /// <summary>The tree changed (a unit moved): every cached path may be stale.</summary>
    public void TreeChanged() => Interlocked.Increment(ref treeVersion);

    public void Dispose() => cache.Dispose();
}

using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Platform.Auth;

/// <summary>A user's cached roles hold only for the same security stamp, the same tree version and within the lifetime.</summary>
public sealed class RoleCacheTests
{
    private static readonly Guid User = Guid.NewGuid();
    private static readonly IReadOnlyList<ScopedRole> Roles = [new(AppRole.BranchSecretary, DataScope.OwnUnitAndBelow, Guid.NewGuid(), "/0001/0002/")];

    public static TheoryData<string, string, bool, int, bool> Cases => new()
    {
        // what is asked, stamp kept / asked, the tree changed after keeping, seconds later, found
        { "same stamp at once", "s1", false, 0, true },
        { "a second before the lifetime ends", "s1", false, 59, true },
        { "at the end of the lifetime", "s1", false, 60, false },
        { "another stamp (roles changed)", "s2", false, 0, false },
        { "a unit moved", "s1", true, 0, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Find(string what, string askedStamp, bool treeChanged, int secondsLater, bool found)
    {
        var clock = new FakeTimeProvider();
        using var cache = new RoleCache(clock);
        cache.Keep(User, "s1", cache.Version, Roles);
        if (treeChanged) cache.TreeChanged();
        clock.Advance(TimeSpan.FromSeconds(secondsLater));

        var roles = cache.Find(User, askedStamp);

        (roles is not null).ShouldBe(found, what);
        if (found) roles.ShouldBe(Roles);
    }

    [Fact]
    public void RolesReadBeforeAMove_AreNotKeptAsCurrent()
    {
        using var cache = new RoleCache(new FakeTimeProvider());
        var version = cache.Version;
        cache.TreeChanged(); // the move commits while the roles are being read
        cache.Keep(User, "s1", version, Roles);

        cache.Find(User, "s1").ShouldBeNull();
    }
}

using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Modules.Organizations;

/// <summary>A subtree is the half-open range [path, UpperBound(path)) in ordinal (byte-wise) order.</summary>
public sealed class OrgPathsTests
{
    private static bool InRange(string candidate, string path) =>
        string.CompareOrdinal(candidate, path) >= 0 && string.CompareOrdinal(candidate, OrgPaths.UpperBound(path)) < 0;

    [Theory]
    [InlineData("/root/abc/")]
    [InlineData("/root/abc/kid/")]
    [InlineData("/root/abc/kid/grandkid/")]
    [InlineData("/root/abc/zzzzzzzzzz/")]
    [InlineData("/root/abc/2222222222/")]
    [InlineData("/root/abc/aaaaaaaaaa/9999999999/")]
    public void UpperBound_Descendant_InsideRange(string candidate) => InRange(candidate, "/root/abc/").ShouldBeTrue();

    [Theory]
    [InlineData("/root/")]
    [InlineData("/root/abcd/")]
    [InlineData("/root/abc2/")]
    [InlineData("/root/abca/kid/")]
    [InlineData("/root/ab/")]
    [InlineData("/root/abd/")]
    [InlineData("/root/abb/zzz/")]
    [InlineData("/other/abc/")]
    public void UpperBound_SiblingOrAncestor_OutsideRange(string candidate) => InRange(candidate, "/root/abc/").ShouldBeFalse();

    [Fact]
    public void UpperBound_RandomTrees_RangeEqualsPrefixWithSlash()
    {
        // Keys from the app's own generator, including siblings that share leading characters.
        var random = new Random(7);
        var paths = new List<string> { OrgPaths.Root(OrgPaths.NewKey()) };
        for (var i = 0; i < 400; i++)
        {
            var parent = paths[random.Next(paths.Count)];
            var key = OrgPaths.NewKey();
            paths.Add(OrgPaths.Child(parent, key));
            // A sibling whose key extends this one: the case a plain StartsWith without '/' would get wrong.
            if (i % 5 == 0) paths.Add(OrgPaths.Child(parent, key + "x"));
        }

        foreach (var path in paths.Take(60))
        {
            foreach (var candidate in paths)
            {
                InRange(candidate, path).ShouldBe(candidate.StartsWith(path, StringComparison.Ordinal), $"{candidate} under {path}");
            }
        }
    }

    [Fact]
    public void NewKey_Always_TenCharactersThatSortAboveZero()
    {
        for (var i = 0; i < 200; i++)
        {
            var key = OrgPaths.NewKey();
            key.Length.ShouldBe(OrgPaths.KeyLength);
            key.ShouldAllBe(c => c > '0' && c != '/');
        }
    }

    [Theory]
    [InlineData("/a/b/", "/a/", true)]
    [InlineData("/a/", "/a/", true)]
    [InlineData("/ab/", "/a/", false)]
    [InlineData("/a/", "/a/b/", false)]
    public void IsWithin_PathAndAncestor_RespectsSlashBoundary(string path, string ancestor, bool expected) =>
        OrgPaths.IsWithin(path, ancestor).ShouldBe(expected);
}

using Dangjian.Web.Modules.Dashboard.WeakLinks;

namespace Dangjian.Tests.Modules.Dashboard;

/// <summary>The weak-link rules: thresholds at their boundaries, size bands, and the peer check.</summary>
public sealed class WeakLinkRulesTests
{
    [Theory]
    [InlineData(59.9, 60, 10, 10, 20, 20)]     // just below the threshold: flagged, score 20 + 0
    [InlineData(60.0, 60, 10, 10, 20, null)]   // at the threshold: not flagged
    [InlineData(30.0, 60, 10, 10, 20, 50)]     // far below: the score grows with the gap
    [InlineData(30.0, 60, 9, 10, 20, null)]    // too few expected to mean anything
    public void RateScore_Threshold(double rate, double threshold, int expected, int minExpected, int weight, int? score) =>
        WeakLinkRules.RateScore((decimal)rate, (decimal)threshold, expected, minExpected, weight).ShouldBe(score);

    [Fact]
    public void RateScore_NoRate_NotFlagged() => WeakLinkRules.RateScore(null, 60m, 100, 10, 20).ShouldBeNull();

    [Theory]
    [InlineData(9, 0)]
    [InlineData(10, 1)]
    [InlineData(29, 1)]
    [InlineData(30, 2)]
    [InlineData(49, 2)]
    [InlineData(50, 3)]
    public void SizeBand_Boundaries(int party, int band) => WeakLinkRules.SizeBand(party).ShouldBe(band);

    [Fact]
    public void ZScore_MeanAndSpread()
    {
        WeakLinkRules.ZScore(50, [80, 90, 100]).ShouldNotBeNull();
        WeakLinkRules.ZScore(50, [80, 90, 100])!.Value.ShouldBe((50 - 90) / Math.Sqrt(200.0 / 3), 1e-9);
        WeakLinkRules.ZScore(50, [90, 90, 90]).ShouldBeNull(); // peers that do not vary: no comparison
        WeakLinkRules.ZScore(50, []).ShouldBeNull();
    }

    [Fact]
    public void BelowPeers_OnlyWithinTheSizeBand_AndWithEnoughPeers()
    {
        var small = Enumerable.Range(0, 6).Select(i => (Guid.CreateVersion7(), 20, 88.0 + i)).ToList();
        var weak = (Guid.CreateVersion7(), 20, 50.0);
        var big = (Guid.CreateVersion7(), 60, 50.0); // as low, but alone in its band
        var found = WeakLinkRules.BelowPeers([.. small, weak, big], 2.0, 5);
        found.Select(f => f.Branch).ShouldBe([weak.Item1]);
        found[0].Mean.ShouldBe(90.5, 1e-9);
        found[0].Z.ShouldBeLessThan(-2);
        WeakLinkRules.BelowPeers([.. small.Take(4), weak], 2.0, 5).ShouldBeEmpty(); // four peers are too few
    }
}

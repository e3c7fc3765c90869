using Dangjian.Web.Modules.Development;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Dangjian.Web.Modules.Development.Plans;

namespace Dangjian.Tests.Modules.Development;

/// <summary>The annual plan: splitting a quota down the tree, and admissions beyond it.</summary>
public sealed class QuotaRulesTests
{
    // The real resources (neutral = zh-CN), so the rule tables read the messages a user reads.
    private static readonly IStringLocalizer<DevelopmentText> Text = new StringLocalizer<DevelopmentText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Theory]
    [InlineData(4, 10, 6, 0, null)]          // the parent's 10 exactly used up
    [InlineData(5, 10, 6, 0, "DEV_QUOTA_SPLIT")] // one over
    [InlineData(3, null, 99, 0, null)]       // no quota above: nothing to stay within
    [InlineData(3, 10, 0, 3, null)]          // exactly what was already split below
    [InlineData(2, 10, 0, 3, "DEV_QUOTA_BELOW_SPLIT")]
    [InlineData(-1, 10, 0, 0, "validation")]
    public void CheckSplit(int quota, int? parent, int siblings, int children, string? code)
    {
        var error = QuotaRules.CheckSplit(quota, parent, siblings, children, Text);
        error?.Code.ShouldBe(code);
        if (code is null) error.ShouldBeNull();
        else if (code != "validation") error!.Article.ShouldBe(QuotaRules.Article);
    }

    [Theory]
    [InlineData(4, 5, null, null, false)]       // the fifth of five: within
    [InlineData(5, 5, null, "DEV_OVER_QUOTA", false)] // the sixth: refused without a reason
    [InlineData(5, 5, "重点培养的技术骨干", null, true)] // with a reason: allowed, the reason kept as a warning
    [InlineData(0, 0, null, "DEV_OVER_QUOTA", false)]
    public void CheckAdmission_BranchQuota(int admitted, int quota, string? reason, string? code, bool warned)
    {
        var (refusal, warning) = QuotaRules.CheckAdmission([new QuotaRules.Used("第一支部", quota, admitted)], reason, Text);
        refusal?.Code.ShouldBe(code);
        if (code is null) refusal.ShouldBeNull();
        (warning is not null).ShouldBe(warned);
        if (warned) warning!.ShouldContain(reason!);
    }

    [Fact]
    public void CheckAdmission_AnyQuotaAboveCounts()
    {
        QuotaRules.Used[] quotas = [new("第一支部", 3, 1), new("二级党委", 10, 10)];
        var (refusal, _) = QuotaRules.CheckAdmission(quotas, null, Text);
        refusal!.Message.ShouldContain("二级党委");
        QuotaRules.CheckAdmission([], null, Text).ShouldBe((null, null));
    }
}

using Dangjian.Web.Modules.Development;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Dangjian.Web.Modules.Development.Review;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Development;

/// <summary>四级联审: which levels a person's unit has, who may sign each, in what order.</summary>
public sealed class JointReviewRulesTests
{
    // The real resources (neutral = zh-CN), so the rule tables read the messages a user reads.
    private static readonly IStringLocalizer<DevelopmentText> Text = new StringLocalizer<DevelopmentText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static readonly Dictionary<string, OrgUnit> Units = new()
    {
        ["root"] = Unit("/r/", OrgUnitKind.PartyCommittee, "集团党委"),
        ["secondary"] = Unit("/r/s/", OrgUnitKind.PartyCommittee, "二级党委"),
        ["general"] = Unit("/r/s/g/", OrgUnitKind.GeneralBranch, "党总支"),
        ["branch"] = Unit("/r/s/g/b/", OrgUnitKind.Branch, "第一支部"),
        ["group"] = Unit("/r/s/g/b/p/", OrgUnitKind.Group, "第一小组"),
        ["topGeneral"] = Unit("/t/", OrgUnitKind.GeneralBranch, "上层总支"),
        ["lowCommittee"] = Unit("/t/c/", OrgUnitKind.PartyCommittee, "下层党委"),
        ["lowBranch"] = Unit("/t/c/b/", OrgUnitKind.Branch, "下层支部"),
        ["soleGeneral"] = Unit("/x/", OrgUnitKind.GeneralBranch, "独立总支"),
        ["soleBranch"] = Unit("/x/b/", OrgUnitKind.Branch, "独立支部"),
    };

    private static OrgUnit Unit(string path, OrgUnitKind kind, string name) =>
        new() { Id = Guid.NewGuid(), Path = path, Kind = kind, Name = name, Depth = path.Count(c => c == '/') - 2, Key = path };

    [Theory]
    [InlineData("root,secondary,general,branch", "Branch:第一支部 GeneralBranch:党总支 Committee:二级党委 OrgDepartment:二级党委")]
    [InlineData("root,secondary,general,branch,group", "Branch:第一支部 GeneralBranch:党总支 Committee:二级党委 OrgDepartment:二级党委")]
    [InlineData("root,secondary", "Committee:二级党委 OrgDepartment:二级党委")] // on a committee's own roll
    [InlineData("topGeneral,lowCommittee,lowBranch", "Branch:下层支部 Committee:下层党委 OrgDepartment:下层党委")] // a 总支 above the 党委 is no level
    [InlineData("soleGeneral,soleBranch", "Branch:独立支部 GeneralBranch:独立总支")] // no 党委 above: the case cannot complete the review
    public void Levels_FromThePersonsUnitUp(string chain, string expected)
    {
        var units = chain.Split(',').Select(n => Units[n]).ToList();
        string.Join(' ', JointReviewRules.Levels(units).Select(l => $"{l.Level}:{l.UnitName}")).ShouldBe(expected);
    }

    private static readonly IReadOnlyList<ReviewUnit> Four =
        JointReviewRules.Levels([Units["root"], Units["secondary"], Units["general"], Units["branch"]]);

    [Theory]
    [InlineData("", "Branch")]
    [InlineData("Branch", "GeneralBranch")]
    [InlineData("Branch,GeneralBranch", "Committee")]
    [InlineData("Branch,GeneralBranch,Committee", "OrgDepartment")]
    [InlineData("Branch,GeneralBranch,Committee,OrgDepartment", null)]
    public void Next_IsTheFirstLevelNotSigned(string signed, string? next)
    {
        var signs = signed.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => new ReviewSign(Enum.Parse<ReviewLevel>(l), ReviewDecision.Approved, Guid.NewGuid())).ToList();
        JointReviewRules.Next(Four, signs)?.Level.ToString().ShouldBe(next);
        if (next is null) JointReviewRules.Next(Four, signs).ShouldBeNull();
    }

    [Theory]
    [InlineData(ReviewLevel.Branch, AppRole.BranchSecretary, "branch", DataScope.OwnUnitAndBelow, true)]
    [InlineData(ReviewLevel.Branch, AppRole.OrganizationCommissioner, "branch", DataScope.OwnUnit, true)]
    [InlineData(ReviewLevel.Branch, AppRole.BranchSecretary, "general", DataScope.OwnUnitAndBelow, false)] // held above, not on the level
    [InlineData(ReviewLevel.Branch, AppRole.PublicityCommissioner, "branch", DataScope.OwnUnitAndBelow, false)]
    [InlineData(ReviewLevel.Branch, AppRole.Member, "branch", DataScope.Self, false)]
    [InlineData(ReviewLevel.GeneralBranch, AppRole.BranchSecretary, "general", DataScope.OwnUnitAndBelow, true)]
    [InlineData(ReviewLevel.Committee, AppRole.OrganizationCommissioner, "secondary", DataScope.OwnUnitAndBelow, true)]
    [InlineData(ReviewLevel.Committee, AppRole.PartyAffairsWorker, "secondary", DataScope.OwnUnitAndBelow, false)]
    [InlineData(ReviewLevel.OrgDepartment, AppRole.PartyAffairsWorker, "secondary", DataScope.OwnUnit, true)]
    [InlineData(ReviewLevel.OrgDepartment, AppRole.PartyAffairsWorker, "root", DataScope.OwnUnitAndBelow, true)] // the department above
    [InlineData(ReviewLevel.OrgDepartment, AppRole.PartyAffairsWorker, "root", DataScope.OwnUnit, false)]
    [InlineData(ReviewLevel.OrgDepartment, AppRole.PartyAffairsWorker, "general", DataScope.OwnUnitAndBelow, false)] // below the committee
    [InlineData(ReviewLevel.OrgDepartment, AppRole.OrganizationCommissioner, "secondary", DataScope.OwnUnitAndBelow, false)]
    public void CanSign_TheRightRoleOnThatLevel(ReviewLevel level, AppRole role, string heldOn, DataScope scope, bool allowed)
    {
        var unit = Units[heldOn];
        var roles = new[] { new ScopedRole(role, scope, unit.Id, unit.Path) };
        var refusal = JointReviewRules.CanSign(Four.Single(l => l.Level == level), roles, Guid.NewGuid(), [], Text);
        (refusal is null).ShouldBe(allowed);
        if (refusal is not null)
        {
            refusal.Status.ShouldBe(403);
            refusal.Article.ShouldBe(JointReviewRules.Article);
        }
    }

    [Fact]
    public void CanSign_OnePersonOneLevel()
    {
        var me = Guid.NewGuid();
        var secondary = Units["secondary"];
        ScopedRole[] roles = [new(AppRole.OrganizationCommissioner, DataScope.OwnUnit, secondary.Id, secondary.Path),
            new(AppRole.PartyAffairsWorker, DataScope.OwnUnit, secondary.Id, secondary.Path)];
        ReviewSign[] signs = [new(ReviewLevel.Branch, ReviewDecision.Approved, Guid.NewGuid()), new(ReviewLevel.GeneralBranch, ReviewDecision.Approved, Guid.NewGuid()),
            new(ReviewLevel.Committee, ReviewDecision.Approved, me)];
        JointReviewRules.CanSign(Four[3], roles, me, signs, Text)!.Code.ShouldBe("DEV_REVIEW_SAME_PERSON");
        JointReviewRules.CanSign(Four[3], roles, Guid.NewGuid(), signs, Text).ShouldBeNull();
    }
}

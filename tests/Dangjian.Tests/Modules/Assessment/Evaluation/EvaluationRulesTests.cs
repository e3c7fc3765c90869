using Dangjian.Web.Modules.Assessment.Evaluation;
using Dangjian.Web.Platform.Auth;
using Microsoft.Extensions.Localization;

namespace Dangjian.Tests.Modules.Assessment.Evaluation;

/// <summary>The branch assessment's rules (PA-13..PA-16) as tables of cases, at their boundaries.</summary>
public sealed class EvaluationRulesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Bands = "优秀:90;良好:80;达标:60;未达标:0";
    private const string Stars = "5:90;4:80;3:70;2:60;1:0";

    [Theory]
    [InlineData(null, 0)]           // no value: no points
    [InlineData(0.6, 0)]            // at the floor
    [InlineData(0.5, 0)]            // below it
    [InlineData(0.95, 7)]           // at the target
    [InlineData(1.0, 7)]            // above it
    [InlineData(0.7778, 3.56)]      // 7 × (0.7778 − 0.6) / 0.35 = 3.5560
    [InlineData(0.775, 3.5)]        // halfway
    public void Linear_FromFloorToTarget(double? rate, double expected) =>
        SchemeRules.Linear(rate is { } r ? (decimal)r : null, 0.6m, 0.95m, 7m).ShouldBe((decimal)expected);

    [Theory]
    [InlineData(90, false, false, "优秀", 5)]
    [InlineData(89.99, false, false, "良好", 4)]
    [InlineData(80, false, false, "良好", 4)]
    [InlineData(79.99, false, false, "达标", 3)]
    [InlineData(70, false, false, "达标", 3)]
    [InlineData(60, false, false, "达标", 2)]
    [InlineData(59.99, false, false, "未达标", 1)]
    [InlineData(0, false, false, "未达标", 1)]
    [InlineData(100, true, false, "未达标", 1)]    // a veto forces the lowest whatever the score (PA-15)
    [InlineData(100, false, true, null, null)]     // too young: not graded (PA-3)
    [InlineData(100, true, true, null, null)]      // too young wins over the veto: no grade at all
    public void Grade_ByBands_VetoAndTooYoung(double total, bool vetoed, bool young, string? grade, int? stars)
    {
        var outcome = GradeRules.Grade((decimal)total, GradeRules.ParseGrades(Bands)!, GradeRules.ParseStars(Stars)!, vetoed, young);
        outcome.Grade.ShouldBe(grade);
        outcome.Stars.ShouldBe(stars);
        outcome.NotGraded.ShouldBe(young);
    }

    [Theory]
    [InlineData("2025-01-01", 2025, true)]    // founded during the year: less than a year old at its end
    [InlineData("2025-12-31", 2025, true)]
    [InlineData("2024-12-31", 2025, false)]   // exactly a year before 31 December
    [InlineData("2020-06-01", 2025, false)]
    [InlineData("2000-01-01", 2000, true)]    // a leap year: still founded during it
    public void TooYoung_AYearBeforeTheEndOfTheYear(string founded, int year, bool expected) =>
        GradeRules.TooYoung(DateOnly.Parse(founded, System.Globalization.CultureInfo.InvariantCulture), year, 12).ShouldBe(expected);

    [Theory]
    [InlineData("优秀:90;良好:80", 2)]
    [InlineData("优秀：90；良好：80", 2)]     // full-width separators too
    [InlineData("优秀:90;良好:90", null)]     // two bands, one minimum
    [InlineData("优秀90", null)]
    [InlineData("", null)]
    [InlineData("优秀:abc", null)]
    public void ParseGrades_NameColonMinimum(string text, int? count) => (GradeRules.ParseGrades(text)?.Count).ShouldBe(count);

    [Theory]
    [InlineData(8.0, 1, 7.0, 3, 6.0, 120, 60, 20, 20, 7.4)]    // (8×60 + 7×20 + 6×20) / 100
    [InlineData(8.0, 1, null, 0, null, 0, 60, 20, 20, 8.0)]    // only the superior scored: weights re-scaled over it
    [InlineData(null, 0, null, 0, null, 0, 60, 20, 20, 0.0)]   // nobody scored: nothing
    [InlineData(9.0, 1, 5.0, 2, null, 0, 50, 50, 0, 7.0)]
    [InlineData(10.0, 1, 10.0, 1, 10.0, 1, 60, 20, 20, 10.0)]  // full marks, never above
    [InlineData(7.35, 1, null, 0, 7.0, 2, 50, 0, 50, 7.18)]    // 7.175 rounds half away from zero
    public void Combine_WeightedOverTheKindsThatScored(double? sup, int supN, double? peers, int peersN, double? masses, int massesN,
        int supW, int peersW, int massesW, double expected)
    {
        var kinds = new List<KindAverage>
        {
            new(ScorerKind.Superior, supW, D(sup), supN), new(ScorerKind.Peers, peersW, D(peers), peersN),
            new(ScorerKind.Masses, massesW, D(masses), massesN),
        };
        ScoringRules.Combine(kinds, 10m).ShouldBe(Math.Round((decimal)expected, 2));
    }

    private static decimal? D(double? d) => d is { } v ? Math.Round((decimal)v, 2) : null;

    [Theory]
    [InlineData("committee", "Superior", ScoringRefusal.None)]
    [InlineData("committee", "Masses", ScoringRefusal.None)]
    [InlineData("committee", "Peers", ScoringRefusal.NotSibling)]  // the superior is no peer
    [InlineData("own", "Superior", ScoringRefusal.NotSuperior)]    // a secretary is not above their own branch
    [InlineData("own", "Peers", ScoringRefusal.OwnBranch)]
    [InlineData("sibling", "Peers", ScoringRefusal.None)]
    [InlineData("sibling", "Superior", ScoringRefusal.NotSuperior)]
    [InlineData("cousin", "Peers", ScoringRefusal.NotSibling)]     // a branch under another parent
    public void WhoScores(string who, string kind, ScoringRefusal expected)
    {
        const string branch = "/r/g1/b1/";
        var role = who switch
        {
            "committee" => new ScopedRole(AppRole.OrganizationCommissioner, DataScope.OwnUnitAndBelow, Guid.NewGuid(), "/r/"),
            "own" => new ScopedRole(AppRole.BranchSecretary, DataScope.OwnUnitAndBelow, Guid.NewGuid(), branch),
            "sibling" => new ScopedRole(AppRole.BranchSecretary, DataScope.OwnUnitAndBelow, Guid.NewGuid(), "/r/g1/b2/"),
            _ => new ScopedRole(AppRole.BranchSecretary, DataScope.OwnUnitAndBelow, Guid.NewGuid(), "/r/g2/b3/"),
        };
        var branches = new HashSet<string> { branch, "/r/g1/b2/", "/r/g2/b3/" };
        ScoringRules.Check([role], branch, Enum.Parse<ScorerKind>(kind), branches).ShouldBe(expected);
    }

    [Fact]
    public void Templates_AddUp()
    {
        var T = app.Services.GetRequiredService<IStringLocalizer<EvaluationText>>();
        foreach (var key in SchemeTemplates.Keys)
        {
            var t = SchemeTemplates.Find(key)!;
            var nodes = new List<IndicatorNode>();
            void Add(TemplateIndicator i, Guid? parent)
            {
                var id = Guid.NewGuid();
                nodes.Add(new IndicatorNode(id, parent, SchemeTemplates.W(i.NameKey), i.Kind, i.Points, i.SourceKey, i.Floor, i.Target, i.Superior, i.Peers, i.Masses, i.Ideology));
                foreach (var c in i.Children ?? []) Add(c, id);
            }
            foreach (var i in t.Indicators) Add(i, null);
            SchemeRules.Problems(t.TotalPoints, nodes, 40, T).ShouldBeEmpty(key);
            GradeRules.ParseGrades(t.GradeBands).ShouldNotBeNull(key);
        }
    }

    [Theory]
    [InlineData("roots")]
    [InlineData("children")]
    [InlineData("scorers")]
    [InlineData("range")]
    [InlineData("veto")]
    [InlineData("ideology")]
    [InlineData("ideologyAtCap")]
    [InlineData("fine")]
    public void Problems_WhenTheTreeDoesNotAddUp(string broken)
    {
        var T = app.Services.GetRequiredService<IStringLocalizer<EvaluationText>>();
        var group = Guid.NewGuid();
        IndicatorNode Q(decimal points, Guid? parent = null, int s = 60, int p = 20, int m = 20, bool ideology = false) =>
            new(Guid.NewGuid(), parent, "q", IndicatorKind.Qualitative, points, null, null, null, s, p, m, ideology);
        var nodes = new List<IndicatorNode>
        {
            new(group, null, "g", IndicatorKind.Group, 40, null, null, null, 0, 0, 0, broken is "ideology" or "ideologyAtCap"),
            Q(broken == "children" ? 25 : 20, group), Q(20, group),
            new(Guid.NewGuid(), null, "n", IndicatorKind.Quantitative, 20, "meetings.attendance", broken == "range" ? 0.9m : 0.5m, 0.9m, 0, 0, 0, false),
            Q(broken == "roots" ? 30 : 40, s: broken == "scorers" ? 50 : 60),
            new(Guid.NewGuid(), null, "v", IndicatorKind.Veto, broken == "veto" ? 1 : 0, null, null, null, 0, 0, 0, false),
        };
        if (broken == "ideology") nodes.Add(Q(0.01m) with { Ideology = true });
        var total = broken switch { "ideology" => 100.01m, "veto" => 101m, _ => 100m };
        string? expected = broken switch
        {
            "roots" => T["Rule.Weights.Roots", "90", "100"].Value,
            "children" => T["Rule.Weights.Children", "g", "45", "40"].Value,
            "scorers" => T["Rule.Weights.Scorers", "q", 90].Value,
            "range" => T["Rule.Weights.Range", "n"].Value,
            "veto" => T["Rule.Weights.VetoPoints", "v"].Value,
            "ideology" => T["Rule.Weights.Ideology", "40.01", 40].Value,
            _ => null,
        };
        var problems = SchemeRules.Problems(total, nodes, 40, T);
        if (expected is null) problems.ShouldBeEmpty();
        else problems.ShouldContain(expected, string.Join(" | ", problems));
    }
}

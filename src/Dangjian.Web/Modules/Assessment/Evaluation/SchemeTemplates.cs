using Dangjian.Web.Platform.Pdf;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>A template's indicator: its name's resource key, its place in the tree and how it is scored.</summary>
public sealed record TemplateIndicator(string NameKey, IndicatorKind Kind, decimal Points, string? SourceKey = null, decimal? Floor = null,
    decimal? Target = null, int Superior = 0, int Peers = 0, int Masses = 0, bool Ideology = false, IReadOnlyList<TemplateIndicator>? Children = null);

/// <summary>A scheme to start from: full marks, bands, the young-branch flag and the tree.</summary>
public sealed record SchemeTemplate(string Key, decimal TotalPoints, string GradeBands, string? StarBands, bool SkipYoungBranches,
    IReadOnlyList<TemplateIndicator> Indicators);

/// <summary>
/// The local schemes of PA-2 (seven indicators, 100 points), PA-3 (a state-owned enterprise's grades with veto items)
/// and PA-4 (five stars, 110 points) as starting points: a scheme copies one and is then edited. Names and grade words
/// are data, read in Chinese from the resources whatever the reader's language.
/// </summary>
public static class SchemeTemplates
{
    public const string Pa2 = "PA2";
    public const string Pa3 = "PA3";
    public const string Pa4 = "PA4";

    private static readonly FormWords Words = new(typeof(EvaluationText));

    public static IReadOnlyList<string> Keys { get; } = [Pa2, Pa3, Pa4];

    public static SchemeTemplate? Find(string? key) => key switch
    {
        Pa2 => new SchemeTemplate(Pa2, 100, $"{W("Grade.Good")}:90;{W("Grade.Fair")}:80;{W("Grade.Average")}:60;{W("Grade.Poor")}:0", null, false,
        [
            Qual("Tpl.Leader", 15, 60, 20, 20),
            Qual("Tpl.Ideas", 10, 60, 20, 20, ideology: true),
            Group("Tpl.Rules", 15, Quant("Tpl.Compliance", 8, "meetings.compliance", 0.6m, 1m), Quant("Tpl.Attendance", 7, "meetings.attendance", 0.6m, 0.95m)),
            Qual("Tpl.Position", 10, 60, 20, 20),
            Group("Tpl.Support", 15, Quant("Tpl.Dues", 8, "dues.onTime", 0.8m, 1m), Quant("Tpl.Study", 7, "study.atTarget", 0.5m, 0.9m, ideology: true)),
            Group("Tpl.Results", 20, Quant("Tpl.Development", 5, "development.onTrack", 0.5m, 1m), Qual("Tpl.Work", 15, 60, 20, 20)),
            Qual("Tpl.Masses", 15, 20, 0, 80),
        ]),
        Pa3 => new SchemeTemplate(Pa3, 100, $"{W("Grade.Excellent")}:90;{W("Grade.Fine")}:80;{W("Grade.Pass")}:60;{W("Grade.Fail")}:0", null, true,
        [
            Group("Tpl.OrgLife", 30, Quant("Tpl.Compliance", 15, "meetings.compliance", 0.6m, 1m), Quant("Tpl.Attendance", 15, "meetings.attendance", 0.6m, 0.95m)),
            Group("Tpl.Team", 25, Quant("Tpl.Dues", 10, "dues.onTime", 0.8m, 1m), Quant("Tpl.Study", 10, "study.atTarget", 0.5m, 0.9m, ideology: true),
                Quant("Tpl.Development", 5, "development.onTrack", 0.5m, 1m)),
            Qual("Tpl.Role", 45, 60, 20, 20),
            Veto("Tpl.Veto.Satisfaction"), Veto("Tpl.Veto.Targets"), Veto("Tpl.Veto.Accident"), Veto("Tpl.Veto.Discipline"), Veto("Tpl.Veto.Petition"),
        ]),
        Pa4 => new SchemeTemplate(Pa4, 110,
            $"{W("Grade.Star5")}:90;{W("Grade.Star4")}:80;{W("Grade.Star3")}:70;{W("Grade.Star2")}:60;{W("Grade.Star1")}:0", "5:90;4:80;3:70;2:60;1:0", false,
        [
            Qual("Tpl.Leader", 15, 60, 20, 20),
            Quant("Tpl.Compliance", 15, "meetings.compliance", 0.6m, 1m),
            Quant("Tpl.Attendance", 10, "meetings.attendance", 0.6m, 0.95m),
            Quant("Tpl.Study", 15, "study.atTarget", 0.5m, 0.9m, ideology: true),
            Quant("Tpl.Dues", 10, "dues.onTime", 0.8m, 1m),
            Quant("Tpl.Development", 10, "development.onTrack", 0.5m, 1m),
            Qual("Tpl.Role", 20, 60, 20, 20),
            Qual("Tpl.Innovation", 15, 80, 20, 0),
        ]),
        _ => null,
    };

    /// <summary>A new scheme's indicator tree copied from the template (positions depth-first).</summary>
    public static List<EvaluationIndicator> Instantiate(EvaluationScheme scheme, SchemeTemplate template, DateTimeOffset now)
    {
        var list = new List<EvaluationIndicator>();
        void Add(TemplateIndicator t, Guid? parent)
        {
            var node = new EvaluationIndicator
            {
                Id = Guid.CreateVersion7(now), TenantId = scheme.TenantId, SchemeId = scheme.Id, ParentId = parent, OrgUnitId = scheme.OrgUnitId,
                Position = list.Count + 1, Name = W(t.NameKey), Kind = t.Kind, Points = t.Points, SourceKey = t.SourceKey, Floor = t.Floor, Target = t.Target,
                SuperiorWeight = t.Superior, PeersWeight = t.Peers, MassesWeight = t.Masses, Ideology = t.Ideology,
            };
            list.Add(node);
            foreach (var c in t.Children ?? []) Add(c, node.Id);
        }
        foreach (var t in template.Indicators) Add(t, null);
        return list;
    }

    /// <summary>The stored (Chinese) name of a template word.</summary>
    public static string W(string key) => Words[key];

    private static TemplateIndicator Qual(string key, decimal points, int superior, int peers, int masses, bool ideology = false) =>
        new(key, IndicatorKind.Qualitative, points, Superior: superior, Peers: peers, Masses: masses, Ideology: ideology);

    private static TemplateIndicator Quant(string key, decimal points, string source, decimal floor, decimal target, bool ideology = false) =>
        new(key, IndicatorKind.Quantitative, points, source, floor, target, Ideology: ideology);

    private static TemplateIndicator Veto(string key) => new(key, IndicatorKind.Veto, 0);

    private static TemplateIndicator Group(string key, decimal points, params TemplateIndicator[] children) =>
        new(key, IndicatorKind.Group, points, Children: children);
}

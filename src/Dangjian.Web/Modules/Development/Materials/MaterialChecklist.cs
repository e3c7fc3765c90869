using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Development.Materials;

/// <summary>
/// A material a step needs: required ones block the step until a file is on the case. Its name and what it must contain
/// are DevelopmentText's "Dev.Material.Item.{code}" and "….Hint".
/// </summary>
public sealed record MaterialDefinition(int Step, string Code, bool Required);

/// <summary>
/// The per-step checklist of 入党材料 (what goes into the dossier at step 25), with what each must contain. Materials of
/// the first steps are kept when there are any; from 确定发展对象 on, the ones marked required block the step.
/// </summary>
public static class MaterialChecklist
{
    public const string Article = DevelopmentArticles.Materials;

    public static readonly IReadOnlyList<MaterialDefinition> All =
    [
        new(1, "application", false),
        new(2, "talk-record", false),
        new(3, "activist-recommendation", false),
        new(6, "thought-report", false),
        new(6, "assessment", false),
        new(7, "candidate-minutes", true),
        new(10, "vetting-report", true),
        new(11, "training-certificate", true),
        new(12, "notice-record", false),
        new(14, "application-form", true),
        new(15, "branch-meeting-minutes", true),
        new(17, "approval", true),
        new(22, "full-membership-application", true),
        new(23, "full-membership-minutes", true),
        new(24, "full-membership-approval", true),
    ];

    public static string MaterialName(this IStringLocalizer<DevelopmentText> T, string code) => T["Dev.Material.Item." + code];

    public static string MaterialHint(this IStringLocalizer<DevelopmentText> T, string code) => T["Dev.Material.Item." + code + ".Hint"];

    public static IReadOnlyList<MaterialDefinition> Of(int step) => All.Where(m => m.Step == step).ToList();

    public static MaterialDefinition? Find(int step, string? code) => All.FirstOrDefault(m => m.Step == step && m.Code == code);

    /// <summary>The required materials of <paramref name="step"/> not among <paramref name="present"/> (codes on the case).</summary>
    public static IReadOnlyList<MaterialDefinition> Missing(int step, IReadOnlyCollection<string> present) =>
        Of(step).Where(m => m.Required && !present.Contains(m.Code)).ToList();
}

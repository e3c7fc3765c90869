using Dangjian.Web.Platform;
using Dangjian.Web.Platform.CodeTables;

namespace Dangjian.Web.Modules.Members.Records;

/// <summary>What one tab asks for: which columns it uses, which are required, and the rules on its dates.</summary>
/// <param name="Columns">The columns shown and accepted, in order: category, title, organisation, startedOn, endedOn, detail.</param>
/// <param name="Required">Columns that must be filled.</param>
/// <param name="Categories">Fixed values of the category column, or null.</param>
/// <param name="CategoryTable">The code table the category comes from, or null.</param>
/// <param name="EndMayBeFuture">The end date may lie ahead (a punishment's term, a planned return).</param>
/// <param name="PersonalData">The tab holds other people's or sensitive data: reading it needs personal-data rights and is logged.</param>
public sealed record RecordKindRule(
    RecordKind Kind, IReadOnlyList<string> Columns, IReadOnlyList<string> Required, IReadOnlyList<string>? Categories,
    string? CategoryTable, bool EndMayBeFuture, bool PersonalData);

public static class RecordKinds
{
    // Fixed category values as records store them (MembersText "RecordValue.*", in Chinese whatever the UI language).
    private static readonly System.Resources.ResourceManager Texts = new(typeof(MembersText));
    public static readonly string Reward = Texts.InChinese("RecordValue.Reward");
    public static readonly string Punishment = Texts.InChinese("RecordValue.Punishment");
    public static readonly string OnDuty = Texts.InChinese("RecordValue.OnDuty");
    public static readonly string Private = Texts.InChinese("RecordValue.Private");

    /// <summary>留党察看: the punishment whose term bars a member from mentoring or sponsoring (its title says so).</summary>
    public static readonly string PartyProbation = Texts.InChinese("RecordValue.PartyProbation");

    public static readonly IReadOnlyList<RecordKindRule> All =
    [
        new(RecordKind.Post, ["title", "organisation", "startedOn", "endedOn", "detail"], ["title", "startedOn"], null, null, false, false),
        new(RecordKind.RewardPunishment, ["category", "title", "organisation", "startedOn", "endedOn", "detail"], ["category", "title", "startedOn"],
            [Reward, Punishment], null, true, false),
        new(RecordKind.TravelAbroad, ["title", "category", "organisation", "startedOn", "endedOn", "detail"], ["title", "startedOn"],
            [OnDuty, Private], null, true, false),
        new(RecordKind.Hardship, ["category", "title", "organisation", "startedOn", "endedOn", "detail"], ["category", "title", "startedOn"],
            null, CodeTableCatalog.HardshipType, false, true),
        new(RecordKind.Family, ["category", "title", "startedOn", "organisation", "detail"], ["category", "title"], null, null, false, true),
    ];

    public static RecordKindRule Of(RecordKind kind) => All.First(k => k.Kind == kind);

    public static RecordKind? Parse(string? text) =>
        Enum.TryParse<RecordKind>(text, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(text, out _) ? k : null;
}

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
    public static readonly IReadOnlyList<RecordKindRule> All =
    [
        new(RecordKind.Post, ["title", "organisation", "startedOn", "endedOn", "detail"], ["title", "startedOn"], null, null, false, false),
        new(RecordKind.RewardPunishment, ["category", "title", "organisation", "startedOn", "endedOn", "detail"], ["category", "title", "startedOn"],
            ["奖励", "惩处"], null, true, false),
        new(RecordKind.TravelAbroad, ["title", "category", "organisation", "startedOn", "endedOn", "detail"], ["title", "startedOn"],
            ["因公", "因私"], null, true, false),
        new(RecordKind.Hardship, ["category", "title", "organisation", "startedOn", "endedOn", "detail"], ["category", "title", "startedOn"],
            null, CodeTableCatalog.HardshipType, false, true),
        new(RecordKind.Family, ["category", "title", "startedOn", "organisation", "detail"], ["category", "title"], null, null, false, true),
    ];

    public static RecordKindRule Of(RecordKind kind) => All.First(k => k.Kind == kind);

    public static RecordKind? Parse(string? text) =>
        Enum.TryParse<RecordKind>(text, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(text, out _) ? k : null;
}

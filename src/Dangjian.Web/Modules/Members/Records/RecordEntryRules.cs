using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.CodeTables;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Records;

public sealed record RecordEntryInput([MaxLength(40)] string? Category, [MaxLength(100)] string? Title, [MaxLength(200)] string? Organisation, DateOnly? StartedOn,
    DateOnly? EndedOn, [MultiLine, MaxLength(1000)] string? Detail);

/// <summary>Checks one line of a record tab against its tab's rule; every failing column is named.</summary>
public static class RecordEntryRules
{
    private static readonly Dictionary<string, int> MaxLength = new()
    {
        ["category"] = 40, ["title"] = 100, ["organisation"] = 200, ["detail"] = 1000,
    };

    public static void Validate(RecordKindRule rule, RecordEntryInput r, DateOnly today, CodeSets codes, FieldErrors errors, IStringLocalizer L, IStringLocalizer<MembersText> T)
    {
        var values = new Dictionary<string, string?>
        {
            ["category"] = r.Category?.Trim(), ["title"] = r.Title?.Trim(), ["organisation"] = r.Organisation?.Trim(), ["detail"] = r.Detail?.Trim(),
            ["startedOn"] = r.StartedOn?.ToString("O"), ["endedOn"] = r.EndedOn?.ToString("O"),
        };
        foreach (var column in rule.Required)
        {
            if (string.IsNullOrEmpty(values[column])) errors.Add(Error.Validation(column, T["Record.Required", T[Label(rule.Kind, column)]]));
        }
        foreach (var (column, max) in MaxLength)
        {
            if (values[column] is { } v && v.Length > max) errors.Add(Error.Validation(column, L["Validation.TooLong", T[Label(rule.Kind, column)], max]));
        }
        if (values["category"] is { Length: > 0 } category)
        {
            if (rule.Categories is { } fixedValues && !fixedValues.Contains(category))
                errors.Add(Error.Validation("category", T["Record.CategoryOneOf", T[Label(rule.Kind, "category")], string.Join("、", fixedValues)]));
            if (rule.CategoryTable is { } table) codes.Check(errors, table, "category", category, L);
        }
        if (r.StartedOn > today) errors.Add(Error.Validation("startedOn", T["Member.DateInFuture"]));
        if (r.EndedOn > today && !rule.EndMayBeFuture) errors.Add(Error.Validation("endedOn", T["Member.DateInFuture"]));
        if (r.StartedOn is { } s && r.EndedOn is { } e && e < s)
            errors.Add(Error.Validation("endedOn", T["Record.EndBeforeStart", T[Label(rule.Kind, "endedOn")], T[Label(rule.Kind, "startedOn")]]));
    }

    /// <summary>The resource key of a column's label on a tab, e.g. Record.Post.title.</summary>
    public static string Label(RecordKind kind, string column) => $"Record.{kind}.{column}";
}

namespace Dangjian.Web.Platform.CodeTables;

/// <summary>A code table: its key, the record field it fills, and the values a new tenant starts with.</summary>
public sealed record CodeTableDefinition(string Key, string Field, int MaxLength, IReadOnlyList<string> Defaults);

/// <summary>
/// The code tables of the registry (docs/rules/registry.md#r-3) and their starting values (<see cref="CodeTableDefaults"/>).
/// These are only the defaults: what a tenant uses is data an administrator edits.
/// </summary>
public static class CodeTableCatalog
{
    public const string Ethnicity = "ethnicity";
    public const string Education = "education";
    public const string JobPost = "jobPost";
    public const string UnitType = "unitType";
    public const string OutOfContactReason = "outOfContactReason";
    public const string HardshipType = "hardshipType";

    public static readonly IReadOnlyList<CodeTableDefinition> All =
    [
        new(Ethnicity, "ethnicity", 30, CodeTableDefaults.Of(Ethnicity)),
        new(Education, "education", 30, CodeTableDefaults.Of(Education)),
        new(JobPost, "jobPost", 60, CodeTableDefaults.Of(JobPost)),
        new(UnitType, "hostUnitType", 40, CodeTableDefaults.Of(UnitType)),
        new(OutOfContactReason, "reasonCode", 40, CodeTableDefaults.Of(OutOfContactReason)),
        new(HardshipType, "category", 40, CodeTableDefaults.Of(HardshipType)),
    ];

    public static CodeTableDefinition? Find(string key) =>
        All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));
}

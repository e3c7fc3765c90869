using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Organizations;

/// <summary>Checks of the fields a unit is created or edited with; each failure names its field.</summary>
[Platform.ModuleContract]
internal static class OrgInput
{
    public const int MaxNameLength = 100;
    public const int MaxHostUnitTypeLength = 40;

    public static Error? Name(string? name, IStringLocalizer<OrganizationsText> T)
    {
        if (string.IsNullOrWhiteSpace(name)) return Error.Validation("name", T["Org.NameRequired"]);
        if (name.Trim().Length > MaxNameLength) return Error.Validation("name", T["Org.NameTooLong", MaxNameLength]);
        return null;
    }

    public static Result<T> Enum<T>(string? value, string field, T? fallback, IStringLocalizer L) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback is { } f ? f : Error.Validation(field, L["Validation.Required", field]);
        }
        // Names only: no numbers and no comma-separated flag combinations.
        var name = System.Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is not null) return System.Enum.Parse<T>(name);
        return Error.Validation(field, L["Validation.OneOf", field, string.Join(" | ", System.Enum.GetNames<T>())]);
    }

    /// <summary>单位类型: a value of the tenant's 单位类型 code table (or empty).</summary>
    public static Error? HostUnitType(string? value, string field, IStringLocalizer L, Platform.CodeTables.CodeSets codes)
    {
        if (value is { Length: > MaxHostUnitTypeLength }) return Error.Validation(field, L["Validation.TooLong", field, MaxHostUnitTypeLength]);
        var errors = new FieldErrors();
        codes.Check(errors, Platform.CodeTables.CodeTableCatalog.UnitType, field, value, L);
        return errors.ToError();
    }
}

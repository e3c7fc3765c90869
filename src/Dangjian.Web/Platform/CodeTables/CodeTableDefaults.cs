using System.Globalization;
using System.Resources;

namespace Dangjian.Web.Platform.CodeTables;

/// <summary>
/// The values a tenant's code tables start with (民族 in the order of GB 3304, the others as the national registry lists them), kept in
/// CodeTableDefaults.resx under "{table}.01", "{table}.02" … in their order. They are stored values (a record keeps the
/// value's text, an import must match it), so they are read in Chinese whatever the UI language and have no English.
/// </summary>
public static class CodeTableDefaults
{
    private static readonly ResourceManager Texts = new(typeof(CodeTableDefaults));
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The <paramref name="number"/>th starting value of a table (from 1), for a setting that names one.</summary>
    public static string Value(string table, int number) => Of(table)[number - 1];

    /// <summary>The table's starting values in order; a table without any fails at start.</summary>
    public static IReadOnlyList<string> Of(string table)
    {
        var values = new List<string>();
        while (Texts.GetString(table + "." + (values.Count + 1).ToString("00", CultureInfo.InvariantCulture), Chinese) is { } value) values.Add(value);
        return values.Count > 0 ? values : throw new InvalidOperationException($"{Texts.BaseName}: no values for {table}");
    }
}

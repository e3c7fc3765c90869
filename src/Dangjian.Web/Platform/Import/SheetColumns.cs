using System.Resources;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Import;

/// <summary>
/// The columns of a sheet format, each the resource "{prefix}{id}": an import reads a column by its Chinese header
/// (the indexer), accepts the English one for it, and names it to the user in the UI language.
/// </summary>
public sealed class SheetColumns
{
    private readonly string prefix;
    private readonly IReadOnlyList<string> ids;
    private readonly Dictionary<string, string> chinese;
    private readonly Dictionary<string, string> idOf;
    private readonly IReadOnlyDictionary<string, string> byEnglish;

    public SheetColumns(ResourceManager texts, string prefix, params IReadOnlyList<string> ids)
    {
        (this.prefix, this.ids) = (prefix, ids);
        chinese = ids.ToDictionary(id => id, id => texts.InChinese(prefix + id));
        idOf = chinese.ToDictionary(c => c.Value, c => c.Key);
        byEnglish = texts.Reading(ids.Select(id => (prefix + id, chinese[id])));
    }

    /// <summary>The column's Chinese header: the name an import reads it by.</summary>
    public string this[string id] => chinese[id];

    /// <summary>The Chinese headers in order, as the national system's files have them.</summary>
    public IReadOnlyList<string> Chinese => ids.Select(id => chinese[id]).ToList();

    /// <summary>The headers in order in the UI language, for an export or a template.</summary>
    public IReadOnlyList<string> Headers(IStringLocalizer T) => ids.Select(id => T[prefix + id].Value).ToList();

    /// <summary>The column a header of a sheet stands for (its Chinese header); an unknown header stays as it is.</summary>
    public string ColumnOf(string header) => byEnglish.TryGetValue(header, out var zh) ? zh : header;

    /// <summary>A column (its Chinese header) as the user is told about it, in the UI language.</summary>
    public string Label(string column, IStringLocalizer T) => idOf.TryGetValue(column, out var id) ? T[prefix + id].Value : column;
}

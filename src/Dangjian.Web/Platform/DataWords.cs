using System.Globalization;
using System.Resources;

namespace Dangjian.Web.Platform;

/// <summary>
/// Words that are data rather than speech, kept in a module's resources: column headers and fixed cell values of
/// spreadsheets (男/女 …), values a record stores. They are read in the Chinese of the national system whatever the UI
/// language (the default resources are the Chinese), and for files in English too (what an export in English writes).
/// </summary>
public static class DataWords
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The word in Chinese, as the national system's files and the stored records write it.</summary>
    public static string InChinese(this ResourceManager texts, string key) =>
        texts.GetString(key, Chinese) ?? throw new InvalidOperationException($"{texts.BaseName}: no {key}");

    /// <summary>What each word stands for, found by its Chinese (exactly) or its English (ignoring case).</summary>
    public static IReadOnlyDictionary<string, T> Reading<T>(this ResourceManager texts, params IEnumerable<(string Key, T Value)> words)
    {
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in words)
        {
            map.TryAdd(texts.InChinese(key), value);
            if (texts.GetString(key, English) is { } en) map.TryAdd(en, value);
        }
        return map;
    }
}

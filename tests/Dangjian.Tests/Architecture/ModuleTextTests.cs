using System.Globalization;
using Dangjian.Web;
using Microsoft.Extensions.Localization;
using Shouldly;
using Xunit;

namespace Dangjian.Tests.Architecture;

/// <summary>
/// Each module's strings sit beside it (Modules/X/XText.resx + XText.en.resx); these prove the localizer finds them
/// under the name AddLocalization() looks for, in both languages, so a renamed marker or folder cannot silently show keys.
/// </summary>
public sealed class ModuleTextTests
{
    public static TheoryData<Type> Markers()
    {
        var data = new TheoryData<Type>();
        foreach (var t in MarkerTypes()) data.Add(t);
        return data;
    }

    private static IEnumerable<Type> MarkerTypes() =>
        typeof(SharedResource).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("Dangjian.Web.Modules.", StringComparison.Ordinal)
                && (t.Name == ns["Dangjian.Web.Modules.".Length..] + "Text"
                    // A feature folder of a large module may keep its own strings: Modules/Education/Exams/ExamsText.
                    || (ns.Split('.').Length == 5 && t.Name == ns.Split('.')[4] + "Text")))
            .Append(typeof(SharedResource));

    [Fact]
    public void Markers_EveryModuleFolder_HasOne()
    {
        var modules = typeof(SharedResource).Assembly.GetTypes()
            .Select(t => t.Namespace).OfType<string>()
            .Where(ns => ns.StartsWith("Dangjian.Web.Modules.", StringComparison.Ordinal))
            .Select(ns => ns.Split('.')[3]).Distinct().Order().ToList();
        MarkerTypes().Where(t => t != typeof(SharedResource) && t.Namespace!.Split('.').Length == 4).Select(t => t.Namespace!.Split('.')[3]).Order()
            .ShouldBe(modules);
    }

    [Theory]
    [MemberData(nameof(Markers))]
    public void Localizer_ForMarker_FindsEveryKeyInChineseAndEnglish(Type marker)
    {
        using var sp = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var localizer = (IStringLocalizer)sp.GetRequiredService(typeof(IStringLocalizer<>).MakeGenericType(marker));

        var zh = In("zh-CN", () => localizer.GetAllStrings(includeParentCultures: true).ToDictionary(s => s.Name, s => s.Value));
        var en = In("en", () => localizer.GetAllStrings(includeParentCultures: false).ToDictionary(s => s.Name, s => s.Value));

        zh.ShouldNotBeEmpty($"{marker.Name}: no neutral (zh-CN) resources under {marker.FullName}");
        en.ShouldNotBeEmpty($"{marker.Name}: no English resources under {marker.FullName}.en");
        en.Keys.Except(zh.Keys).ShouldBeEmpty($"{marker.Name}: English keys without a Chinese original");
        var first = zh.Keys.First();
        In("en-US", () => localizer[first].ResourceNotFound).ShouldBeFalse();
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var (ui, c) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try { return read(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, c); }
    }
}

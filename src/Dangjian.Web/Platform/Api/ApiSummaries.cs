using System.Globalization;
using System.Resources;

namespace Dangjian.Web.Platform.Api;

/// <summary>
/// Names an operation and gives it its summary in Chinese and English from the module's own API resources
/// (<c>Summary.{operationName}</c> in <c>…Api.resx</c> and <c>…Api.en.resx</c>): "创建会议 · Create a meeting".
/// A missing key fails at start, so no operation goes without a summary.
/// </summary>
public static class ApiSummaries
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder route, ResourceManager texts, string operationName)
    {
        var key = "Summary." + operationName;
        var zh = texts.GetString(key, Chinese) ?? throw new InvalidOperationException($"{texts.BaseName}: no {key}");
        var en = texts.GetString(key, English);
        var summary = en is null || en == zh ? zh : $"{zh} · {en}";
        return route.WithName(operationName).WithSummary(summary);
    }
}

using System.Globalization;
using System.Resources;

namespace Dangjian.Web.Platform.Pdf;

/// <summary>
/// The fixed wording of an official form (介绍信, 证明信, the development dossier): Chinese documents by regulation,
/// printed in Chinese whatever the UI language, from a module's XForms.resx, which has no English on purpose.
/// </summary>
public sealed class FormWords(Type marker)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private readonly ResourceManager texts = new(marker);

    public string this[string key] => texts.GetString(key, Chinese) ?? throw new InvalidOperationException($"{texts.BaseName}: no {key}");

    public string this[string key, params object?[] args] => string.Format(Chinese, this[key], args);
}

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Links built from data. A link a person typed (a meeting's online address) is taken and rendered only when it is an
/// absolute http(s) address, so a stored <c>javascript:</c> or <c>data:</c> value never becomes a live link, whether
/// it came through the API, a form or an old row. Links the application writes itself (a notice's target) are
/// rendered only when they stay on this site.
/// </summary>
public static class SafeLinks
{
    /// <summary>True for an absolute http:// or https:// address with a host and nothing that is not printable.</summary>
    public static bool IsHttpUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var trimmed = value.Trim();
        foreach (var c in trimmed)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c)) return false;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
               && !string.IsNullOrEmpty(uri.Host);
    }

    /// <summary>The value to put in an <c>href</c> for an outside link, or null (render no link) when it is not http(s).</summary>
    public static string? Href(string? value) => IsHttpUrl(value) ? value!.Trim() : null;

    /// <summary>
    /// The value to put in an <c>href</c> for a link within the site ("/meetings/…"), or null when it is anything else:
    /// an absolute or protocol-relative address ("//host", "/\host") or a script.
    /// </summary>
    public static string? LocalHref(string? value)
    {
        if (string.IsNullOrEmpty(value) || value[0] != '/') return null;
        if (value.Length > 1 && value[1] is '/' or '\\') return null;
        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c)) return null;
        }
        return value;
    }
}

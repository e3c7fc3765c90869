using Dangjian.Web.Platform.Web;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>
/// An article's Markdown as HTML (Markdig). Raw HTML in the text is shown as text, never passed through, and a link or
/// image goes only to an http(s) address or a path of the site: a <c>javascript:</c> or <c>data:</c> link becomes plain
/// text. The page then renders the result as markup, and the CSP forbids inline scripts besides.
/// </summary>
public static class CourseMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseEmphasisExtras().Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafe(link.Url)) continue;
            // The link's words stay, as text; the address goes.
            var text = new ContainerInline();
            var words = link.FirstChild;
            while (words is not null)
            {
                var next = words.NextSibling;
                words.Remove();
                text.AppendChild(words);
                words = next;
            }
            link.ReplaceBy(text);
        }
        foreach (var auto in document.Descendants<AutolinkInline>().ToList())
        {
            if (!auto.IsEmail && !IsSafe(auto.Url)) auto.ReplaceBy(new LiteralInline(auto.Url));
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>An http(s) address, a path of the site, or a relative address without a scheme.</summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var u = url.Trim();
        if (SafeLinks.IsHttpUrl(u)) return true;
        if (SafeLinks.LocalHref(u) is not null) return true;
        // A relative address ("lesson-2.html", "#part-1"): no scheme, so nothing for a browser to run.
        return !u.Contains(':') && !u.StartsWith('/') && !u.StartsWith('\\') && !u.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
    }
}

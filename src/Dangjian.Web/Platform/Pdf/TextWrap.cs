using System.Text;

namespace Dangjian.Web.Platform.Pdf;

/// <summary>
/// Breaks text into lines that fit a width. Chinese breaks between any two characters; a run of Latin letters or
/// digits (a number, "2026", an ID number) stays whole when it fits on a line; closing punctuation never starts a
/// line (it stays with the character before it). A newline in the text always breaks.
/// </summary>
public static class TextWrap
{
    private const string Closing = "，。、；：？！）》」』〕】”’,.;:?!)%";

    public static IReadOnlyList<string> Lines(string text, Func<string, double> measure, double width, double firstIndent)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var token in Tokens(paragraph))
            {
                var available = lines.Count == 0 ? width - firstIndent : width;
                if (line.Length == 0 || measure(line + token) <= available)
                {
                    line.Append(token);
                }
                else
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear().Append(token.TrimStart());
                }
                // A token wider than a whole line is split by characters.
                while (line.Length > 1 && measure(line.ToString()) > (lines.Count == 0 ? width - firstIndent : width))
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && measure(line.ToString(0, fit)) > (lines.Count == 0 ? width - firstIndent : width)) fit--;
                    lines.Add(line.ToString(0, fit));
                    line.Remove(0, fit);
                }
            }
            lines.Add(line.ToString().TrimEnd());
        }
        return lines;
    }

    /// <summary>Units that are not broken: one Chinese character, a Latin/digit run, a space; closing punctuation joins the unit before it.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsWordChar(text[i]))
            {
                while (i < text.Length && IsWordChar(text[i])) i++;
            }
            else
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }
            while (i < text.Length && Closing.Contains(text[i], StringComparison.Ordinal)) i++;
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private static bool IsWordChar(char c) => c < 0x2E80 && !char.IsWhiteSpace(c) && !Closing.Contains(c, StringComparison.Ordinal);
}

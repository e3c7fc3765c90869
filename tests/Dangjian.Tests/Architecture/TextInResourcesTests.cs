using System.Text;
using System.Text.RegularExpressions;

namespace Dangjian.Tests.Architecture;

/// <summary>
/// One way to speak: every Chinese word a user reads comes from resources (SharedResource or the module's XText), so
/// the English UI can say it in English. A string literal with a Han character in src/**/*.cs is allowed only in
/// Seeding/ (demo data) and, when it cites a regulation (《…》 or 第…条/章), inside a class marked [RegulationNames].
/// Comments are not literals.
/// </summary>
public sealed partial class TextInResourcesTests
{
    [Fact]
    public void Sources_HanStringLiterals_OnlyInSeedingAndRegulationNames()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (relative.Split('/') is var parts && (parts.Contains("obj") || parts.Contains("bin") || parts.Contains("Seeding"))) continue;
            foreach (var literal in CSharpLiterals.Find(File.ReadAllText(file)))
            {
                if (!Han().IsMatch(literal.Text)) continue;
                if (literal.InRegulationNames && Citation().IsMatch(literal.Text)) continue;
                found.Add($"{relative}:{literal.Line}: {Shorten(literal.Text)}");
            }
        }
        // The files that still hold such literals, with how many, are listed in han-literals-remaining.txt: the
        // list may only shrink. A new file, or more literals in a listed one, fails; so does a count that fell
        // without the list being lowered, so the list stays the truth about what is left.
        var remaining = File.ReadAllLines(Path.Combine(RepositoryRoot(), "tests", "Dangjian.Tests", "Architecture", "han-literals-remaining.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        var counts = found.GroupBy(f => f[..f.IndexOf(':', StringComparison.Ordinal)]).ToDictionary(g => g.Key, g => g.Count());
        var wrong = counts.Where(c => remaining.GetValueOrDefault(c.Key) < c.Value)
            .SelectMany(c => found.Where(f => f.StartsWith(c.Key + ":", StringComparison.Ordinal)).Prepend($"{c.Key}: {c.Value} (listed: {remaining.GetValueOrDefault(c.Key)})"))
            .Concat(remaining.Where(r => counts.GetValueOrDefault(r.Key) < r.Value).Select(r => $"{r.Key}: {counts.GetValueOrDefault(r.Key)} now, listed {r.Value}: lower the list"))
            .ToList();
        wrong.ShouldBeEmpty($"Chinese literals outside resources beyond han-literals-remaining.txt:\n{string.Join("\n", wrong)}");
        found.Count.ShouldBeLessThanOrEqualTo(remaining.Values.Sum());
    }

    [Fact]
    public void Scanner_SkipsCommentsAndFindsEveryKindOfLiteral()
    {
        const string code = """"
            // 注释 "不是字符串"
            /* 块注释 "也不是" */
            var a = "甲"; var b = @"乙"""; var c = $"丙{x["丁"]}"; var d = '戊';
            var e = $$"""己{{y}}""";
            [RegulationNames] static class A { const string R = "《细则》第五条"; const string S = "说明"; }
            var f = "庚";
            """";
        var literals = CSharpLiterals.Find(code).Where(l => Han().IsMatch(l.Text)).ToList();
        literals.Select(l => l.Text).ShouldBe(["甲", "乙\"", "丙{x[\"丁\"]}", "丁", "戊", "己{{y}}", "《细则》第五条", "说明", "庚"], ignoreOrder: true);
        literals.Where(l => l.InRegulationNames).Select(l => l.Text).ShouldBe(["《细则》第五条", "说明"], ignoreOrder: true);
        literals.Single(l => l.Text == "庚").Line.ShouldBe(6);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Dangjian.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"《|第[一二三四五六七八九十百零〇\d]+[条章]")]
    private static partial Regex Citation();
}

/// <summary>A literal's text (as written, without its quotes), its line, and whether it sits in a [RegulationNames] class.</summary>
internal sealed record CSharpLiteral(string Text, int Line, bool InRegulationNames);

/// <summary>
/// A small C# lexer, enough to tell string and char literals from comments and code: regular, verbatim, interpolated
/// (holes scanned as code, so their own literals count) and raw strings.
/// </summary>
internal static class CSharpLiterals
{
    public static List<CSharpLiteral> Find(string s)
    {
        var found = new List<CSharpLiteral>();
        var depth = 0;
        var regulationDepth = -1;   // brace depth of the [RegulationNames] class body we are in, or -1
        var pendingRegulation = false;
        var i = 0;
        Code(s, ref i, found, stopAtBrace: false, ref depth, ref regulationDepth, ref pendingRegulation);
        return found;
    }

    private static int Line(string s, int at) => s.AsSpan(0, Math.Min(at, s.Length)).Count('\n') + 1;

    private static void Code(string s, ref int i, List<CSharpLiteral> found, bool stopAtBrace, ref int depth, ref int regulationDepth,
        ref bool pendingRegulation)
    {
        var local = 0;   // braces opened inside an interpolation hole
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && At(s, i + 1) == '/') { while (i < s.Length && s[i] != '\n') i++; continue; }
            if (c == '/' && At(s, i + 1) == '*') { var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal); i = end < 0 ? s.Length : end + 2; continue; }
            if (c == '[' && string.CompareOrdinal(s, i, "[RegulationNames]", 0, 17) == 0) pendingRegulation = true;
            if (c == '[' && string.CompareOrdinal(s, i, "[Platform.RegulationNames]", 0, 26) == 0) pendingRegulation = true;
            if (c == '{')
            {
                if (stopAtBrace) local++;
                depth++;
                if (pendingRegulation) { regulationDepth = depth; pendingRegulation = false; }
                i++;
                continue;
            }
            if (c == '}')
            {
                if (stopAtBrace && local == 0) return;
                if (stopAtBrace) local--;
                if (depth == regulationDepth) regulationDepth = -1;
                depth--;
                i++;
                continue;
            }
            if (c == '\'')
            {
                var start = i++;
                while (i < s.Length && s[i] != '\'') i += s[i] == '\\' ? 2 : 1;
                found.Add(new CSharpLiteral(s[(start + 1)..Math.Min(i, s.Length)], Line(s, start), regulationDepth >= 0));
                i++;
                continue;
            }
            if (c is '"' or '@' or '$' && StringStart(s, i) is { } kind)
            {
                String(s, ref i, kind, found, ref depth, ref regulationDepth, ref pendingRegulation);
                continue;
            }
            i++;
        }
    }

    private sealed record Kind(int Dollars, bool Verbatim, int Quotes, int PrefixLength);

    private static Kind? StringStart(string s, int i)
    {
        var j = i;
        var dollars = 0;
        var verbatim = false;
        while (j < s.Length && (s[j] == '$' || s[j] == '@'))
        {
            if (s[j] == '$') dollars++; else verbatim = true;
            j++;
        }
        if (At(s, j) != '"') return null;
        if (j > i && i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '_')) return null;
        var quotes = 0;
        while (At(s, j + quotes) == '"') quotes++;
        // "" is an empty regular string, """ opens a raw one.
        if (quotes == 2) quotes = 1;
        if (quotes > 3 || (quotes == 3)) return new Kind(dollars, false, quotes, j - i);
        return new Kind(dollars, verbatim, 1, j - i);
    }

    private static void String(string s, ref int i, Kind k, List<CSharpLiteral> found, ref int depth, ref int regulationDepth, ref bool pendingRegulation)
    {
        var start = i;
        var inRegulation = regulationDepth >= 0;
        i += k.PrefixLength + k.Quotes;
        var text = new StringBuilder();
        var holes = new List<(int, int)>();
        while (i < s.Length)
        {
            var c = s[i];
            if (k.Quotes >= 3)
            {
                if (string.CompareOrdinal(s, i, new string('"', k.Quotes), 0, k.Quotes) == 0) { i += k.Quotes; break; }
            }
            else if (c == '"')
            {
                if (k.Verbatim && At(s, i + 1) == '"') { text.Append('"'); i += 2; continue; }
                i++;
                break;
            }
            else if (c == '\\' && !k.Verbatim)
            {
                text.Append(c).Append(At(s, i + 1));
                i += 2;
                continue;
            }
            if (k.Dollars > 0 && c == '{')
            {
                var run = 0;
                while (At(s, i + run) == '{') run++;
                if (run >= k.Dollars && (k.Quotes >= 3 || run % 2 == 1))
                {
                    // An interpolation hole: its code (and the literals inside it) is scanned as code.
                    text.Append(s, i, run);
                    i += run;
                    var holeStart = i;
                    Code(s, ref i, found, stopAtBrace: true, ref depth, ref regulationDepth, ref pendingRegulation);
                    text.Append(s, holeStart, Math.Min(i, s.Length) - holeStart);
                    continue;
                }
                text.Append(s, i, run);
                i += run;
                continue;
            }
            text.Append(c);
            i++;
        }
        found.Add(new CSharpLiteral(text.ToString(), Line(s, start), inRegulation));
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dangjian.Tests.Architecture;

/// <summary>
/// The rules the code cites live in <c>docs/rules/</c>, one file per area with a stable anchor per rule. A citation
/// such as <c>docs/rules/dues.md#d-2</c> is only worth writing if a reader who clones the repository can follow it,
/// so a citation to a file or anchor that does not exist fails here, and so does any mention of the domain notes the
/// rules were first written in, which live outside the repository.
/// </summary>
public sealed partial class RuleCitationTests
{
    private const string RulesDir = "docs/rules";

    // The domain notes' file name, spelled in two parts so that this file does not match its own search.
    private static readonly string OldRulesFile = "party-" + "rules";

    private static readonly string Root = FindRoot();

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".razor", ".cshtml", ".md", ".resx", ".json", ".sql", ".sh", ".js", ".css", ".txt", ".props", ".targets", ".csproj",
        ".xml", ".yml", ".yaml", ".http",
    };

    // Build output and npm packages are copies or third-party text, not the project's own words.
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git" };

    [Fact]
    public void Citations_InSourcesTestsBenchReadmeAndDocs_PointToAnExistingRuleFileAndAnchor()
    {
        var anchors = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        var problems = new List<string>();
        var cited = 0;

        foreach (var file in ScannedFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in CitationPattern().Matches(lines[i]))
                {
                    cited++;
                    var target = m.Groups["file"].Value;
                    if (!anchors.TryGetValue(target, out var known))
                    {
                        var path = Path.Combine(Root, RulesDir, target);
                        known = File.Exists(path) ? AnchorsOf(File.ReadAllLines(path)) : null;
                        anchors[target] = known;
                    }
                    var where = $"{Relative(file)}:{i + 1}";
                    if (known is null)
                    {
                        problems.Add($"{where}: {RulesDir}/{target} does not exist");
                        continue;
                    }
                    foreach (Match a in AnchorPattern().Matches(m.Groups["anchors"].Value))
                    {
                        if (!known.Contains(a.Groups[1].Value)) problems.Add($"{where}: {RulesDir}/{target} has no anchor #{a.Groups[1].Value}");
                    }
                }
            }
        }

        problems.ShouldBeEmpty();
        cited.ShouldBeGreaterThan(0, "the code cites its rules; finding none means the scan looked in the wrong place");
    }

    [Fact]
    public void OldRulesFile_OutsideDocsRules_NotMentioned()
    {
        var rulesDir = Path.Combine(Root, RulesDir) + Path.DirectorySeparatorChar;
        var problems = new List<string>();
        foreach (var file in ScannedFiles().Where(f => !f.StartsWith(rulesDir, StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains(OldRulesFile, StringComparison.OrdinalIgnoreCase))
                    problems.Add($"{Relative(file)}:{i + 1}: mentions {OldRulesFile}.md, which is not in the repository; cite {RulesDir}/<area>.md#<id>");
            }
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void RuleFiles_LinksBetweenThem_Resolve()
    {
        var problems = new List<string>();
        foreach (var file in RuleFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in MarkdownLinkPattern().Matches(lines[i]))
                {
                    var target = m.Groups["file"].Success ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, m.Groups["file"].Value)) : file;
                    var where = $"{Relative(file)}:{i + 1}";
                    if (!File.Exists(target))
                    {
                        problems.Add($"{where}: {m.Groups["file"].Value} does not exist");
                        continue;
                    }
                    if (m.Groups["anchor"].Success && !AnchorsOf(File.ReadAllLines(target)).Contains(m.Groups["anchor"].Value))
                        problems.Add($"{where}: {Path.GetFileName(target)} has no anchor #{m.Groups["anchor"].Value}");
                }
            }
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void RuleFiles_Ids_UniqueAndEveryFileInTheIndex()
    {
        var problems = new List<string>();
        var index = File.ReadAllText(Path.Combine(Root, RulesDir, "README.md"));
        foreach (var file in RuleFiles().Where(f => Path.GetFileName(f) != "README.md"))
        {
            var name = Path.GetFileName(file);
            if (!index.Contains($"]({name})", StringComparison.Ordinal)) problems.Add($"{name} is not listed in {RulesDir}/README.md");
            var ids = File.ReadAllLines(file).SelectMany(l => ExplicitAnchorPattern().Matches(l)).Select(m => m.Groups[1].Value).ToList();
            problems.AddRange(ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{name}: #{g.Key} is defined {g.Count()} times"));
        }
        problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("### <a id=\"d-2\"></a>D-2 Serving members: four bands on the whole base", "d-2-serving-members-four-bands-on-the-whole-base")]
    [InlineData("## The steps", "the-steps")]
    [InlineData("# Party dues (党费)", "party-dues-党费")]
    [InlineData("### `DuesRules` and 5 %", "duesrules-and-5-")]
    public void HeadingSlug_GitHubStyle_MatchesWhatGitHubLinksTo(string heading, string slug) =>
        HeadingSlug(heading).ShouldBe(slug);

    /// <summary>The anchors a link may point to in a Markdown file: explicit <c>&lt;a id&gt;</c> anchors and GitHub's heading slugs.</summary>
    private static HashSet<string> AnchorsOf(string[] lines)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var slugs = new Dictionary<string, int>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            if (fenced) continue;
            foreach (Match m in ExplicitAnchorPattern().Matches(line)) anchors.Add(m.Groups[1].Value);
            var heading = HeadingPattern().Match(line);
            if (!heading.Success) continue;
            // GitHub numbers repeated headings: the second "Rule" is #rule-1.
            var slug = HeadingSlug(heading.Value);
            var seen = slugs.GetValueOrDefault(slug);
            slugs[slug] = seen + 1;
            anchors.Add(seen == 0 ? slug : $"{slug}-{seen.ToString(CultureInfo.InvariantCulture)}");
        }
        return anchors;
    }

    /// <summary>GitHub's anchor for a heading: tags dropped, lower case, punctuation other than '-' and '_' removed, spaces to '-'.</summary>
    private static string HeadingSlug(string heading)
    {
        var text = HtmlTagPattern().Replace(heading.TrimStart('#').Trim(), "");
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c == ' ') slug.Append('-');
            else if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
        }
        return slug.ToString();
    }

    private static IEnumerable<string> ScannedFiles()
    {
        foreach (var dir in new[] { "src", "tests", "bench", "docs" })
        {
            foreach (var file in FilesUnder(Path.Combine(Root, dir))) yield return file;
        }
        yield return Path.Combine(Root, "README.md");
    }

    private static IEnumerable<string> RuleFiles() => Directory.EnumerateFiles(Path.Combine(Root, RulesDir), "*.md").Order(StringComparer.Ordinal);

    private static IEnumerable<string> FilesUnder(string dir)
    {
        if (!Directory.Exists(dir)) yield break;
        foreach (var file in Directory.EnumerateFiles(dir))
        {
            if (TextExtensions.Contains(Path.GetExtension(file))) yield return file;
        }
        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            var name = Path.GetFileName(sub);
            // wwwroot/lib holds the front-end packages npm installs at build time.
            if (SkippedDirectories.Contains(name) || (name == "lib" && Path.GetFileName(dir) == "wwwroot")) continue;
            foreach (var file in FilesUnder(sub)) yield return file;
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Dangjian.slnx.");
    }

    /// <summary>
    /// <c>docs/rules/dues.md</c>, <c>docs/rules/dues.md#d-2</c>, and the anchors that follow in the same citation:
    /// <c>#o-12, #o-13</c>, <c>#t-4 and #t-3</c>, <c>#d-2 to #d-6</c>.
    /// </summary>
    [GeneratedRegex(@"docs/rules/(?<file>[A-Za-z0-9_\-/]+\.md)(?<anchors>#[A-Za-z0-9_\-]+(?:(?:,\s*|\s+and\s+|\s+to\s+)#[A-Za-z0-9_\-]+)*)?")]
    private static partial Regex CitationPattern();

    [GeneratedRegex(@"#([A-Za-z0-9_\-]+)")]
    private static partial Regex AnchorPattern();

    [GeneratedRegex(@"<a\s+(?:id|name)=""([^""]+)""")]
    private static partial Regex ExplicitAnchorPattern();

    [GeneratedRegex(@"^#{1,6}\s+.+$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTagPattern();

    /// <summary>A relative Markdown link inside docs/rules: <c>(dues.md#d-13)</c>, <c>(#o-10)</c>, <c>(README.md)</c>.</summary>
    [GeneratedRegex(@"\]\((?!https?:)(?<file>[A-Za-z0-9_\-./]+\.md)?(?:#(?<anchor>[A-Za-z0-9_\-]+))?\)")]
    private static partial Regex MarkdownLinkPattern();
}

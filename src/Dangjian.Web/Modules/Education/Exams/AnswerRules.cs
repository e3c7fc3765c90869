using System.Text;

namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>
/// How answers are written and graded (docs/rules/education.md#ex-3), with no I/O. A key is kept canonical: the letters of
/// the right choices in order ("AC"), "T"/"F", or the accepted fill-ins joined by "|". A fill-in is compared after
/// trimming, full-width → half-width and case folding; a multiple choice is all or nothing unless the exam gives
/// partial credit (some right choices and no wrong one earn their share).
/// </summary>
public static class AnswerRules
{
    public const string Article = "docs/rules/education.md#ex-3";
    public const char FillInSeparator = '|';
    public const int MaxOptions = 8;

    /// <summary>Trimmed, full-width forms and the ideographic space made half-width, spaces collapsed, lower case.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var b = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text.Trim())
        {
            var c = raw switch
            {
                '\u3000' => ' ',
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                if (!space) b.Append(' ');
                space = true;
                continue;
            }
            space = false;
            b.Append(char.ToLowerInvariant(c));
        }
        return b.ToString().Trim();
    }

    /// <summary>
    /// The canonical form of a key or an answer, or null when it cannot be one: choices must be letters within the
    /// options (one for a single choice, at least one for a multiple); true/false a word of <paramref name="words"/>;
    /// a fill-in at least one non-empty text.
    /// </summary>
    public static string? Canonical(QuestionType type, string? text, int optionCount, TrueFalseWords words)
    {
        switch (type)
        {
            case QuestionType.Single:
            case QuestionType.Multiple:
            {
                var letters = Letters(text);
                if (letters is null || letters.Count == 0) return null;
                if (type == QuestionType.Single && letters.Count != 1) return null;
                if (letters.Any(l => l - 'A' >= optionCount)) return null;
                return new string([.. letters]);
            }
            case QuestionType.TrueFalse:
                return words.Read(Normalize(text)) switch { true => "T", false => "F", null => null };
            default:
            {
                var accepted = (text ?? "").Split(FillInSeparator).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
                return accepted.Count == 0 ? null : string.Join(FillInSeparator, accepted);
            }
        }
    }

    /// <summary>The distinct choice letters of "A,C", "a c", "AC", "Ａ、Ｃ", in order; null when anything else is there.</summary>
    public static SortedSet<char>? Letters(string? text)
    {
        var set = new SortedSet<char>();
        foreach (var c in Normalize(text).ToUpperInvariant())
        {
            if (c is >= 'A' and <= 'Z') set.Add(c);
            else if (c is not (' ' or ',' or ';' or '/' or '\u3001' or '\uFF0C' or '\uFF1B')) return null;
        }
        return set;
    }

    /// <summary>What an answer earns against its key, and whether it is right (only a fully right answer is).</summary>
    public static (bool Correct, double Earned) Grade(QuestionType type, string key, string? given, int points, bool partialCredit, TrueFalseWords words)
    {
        if (string.IsNullOrWhiteSpace(given)) return (false, 0);
        switch (type)
        {
            case QuestionType.FillIn:
            {
                var answer = Normalize(given);
                var right = key.Split(FillInSeparator).Any(k => Normalize(k) == answer);
                return (right, right ? points : 0);
            }
            case QuestionType.Multiple:
            {
                var chosen = Letters(given);
                if (chosen is null || chosen.Count == 0) return (false, 0);
                var keySet = key.ToHashSet();
                if (chosen.SetEquals(keySet)) return (true, points);
                if (partialCredit && chosen.IsSubsetOf(keySet)) return (false, Math.Round(points * (double)chosen.Count / keySet.Count, 1));
                return (false, 0);
            }
            default:
            {
                var canonical = Canonical(type, given, MaxOptions, words);
                var right = canonical == key;
                return (right, right ? points : 0);
            }
        }
    }
}

/// <summary>The words a true/false answer may be written with (the ExamsText "Answer.True"/"Answer.False" lists and T/F).</summary>
public sealed class TrueFalseWords(IEnumerable<string> trueWords, IEnumerable<string> falseWords)
{
    private readonly HashSet<string> yes = [.. trueWords.Select(AnswerRules.Normalize), "t", "true", "1", "y", "yes"];
    private readonly HashSet<string> no = [.. falseWords.Select(AnswerRules.Normalize), "f", "false", "0", "n", "no"];

    public bool? Read(string normalized) => yes.Contains(normalized) ? true : no.Contains(normalized) ? false : null;
}

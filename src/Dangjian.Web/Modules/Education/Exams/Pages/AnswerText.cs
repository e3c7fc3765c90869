using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Exams.Pages;

/// <summary>
/// How an answer reads on the member's pages: a choice's letters as stored, true/false in the reader's words, a
/// fill-in's accepted answers one after another; the posted form's fields back into the answer the API takes.
/// </summary>
public static class AnswerText
{
    public static string Letter(int index) => ((char)('A' + index)).ToString();

    public static string Show(QuestionType type, string? answer, IStringLocalizer<ExamsText> T) => answer is null ? "" : type switch
    {
        QuestionType.TrueFalse => answer.Trim().ToUpperInvariant() switch
        {
            "T" or "TRUE" => T["Answer.True"],
            "F" or "FALSE" => T["Answer.False"],
            _ => answer,
        },
        QuestionType.FillIn => string.Join(" / ", answer.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
        _ => answer,
    };

    /// <summary>Whether a choice (a letter, or T/F) is part of the answer given.</summary>
    public static bool Picked(QuestionType type, string? given, string choice) => given is not null && type switch
    {
        QuestionType.Multiple => given.Contains(choice, StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(given.Trim(), choice, StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The answer a question's posted field carries: the checked letters of a multiple choice in order, else the one value.</summary>
    public static string? FromForm(QuestionType type, IEnumerable<string?> values)
    {
        var given = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (given.Count == 0) return null;
        return type == QuestionType.Multiple
            ? string.Concat(given.Select(v => v.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal))
            : given[0];
    }

    public static string Clock(int seconds)
    {
        var s = Math.Max(0, seconds);
        return s >= 3600 ? $"{s / 3600}:{s % 3600 / 60:00}:{s % 60:00}" : $"{s / 60}:{s % 60:00}";
    }
}

namespace Dangjian.Web.Platform.Input;

/// <summary>What is wrong with one text value, if anything.</summary>
public enum TextProblem
{
    None,
    TooLong,

    /// <summary>A control character (U+0000–U+001F, U+007F–U+009F; line breaks and tabs only in multi-line fields) or a lone surrogate.</summary>
    DisallowedCharacter,

    /// <summary>Not an absolute http:// or https:// address.</summary>
    NotHttpUrl,

    /// <summary>A date or instant outside the years <see cref="DateRules"/> takes.</summary>
    DateOutOfRange,

    /// <summary>A null item in a list (<c>"members": [null]</c>): no list of a request takes one.</summary>
    NullItem,
}

/// <summary>
/// The calendar a client's dates must lie in: from 1900 (the earliest birth date an ID number may carry) to 2199. Edge
/// dates such as 0001-01-01 and 9999-12-31 parse, but a day added to them or a change of time zone overflows.
/// </summary>
public static class DateRules
{
    public const int EarliestYear = 1900;
    public const int LatestYear = 2199;

    /// <summary>Whether a date, a date and time or an instant (its UTC year) lies in the years taken; other values always do.</summary>
    public static bool InRange(object? value) => value switch
    {
        DateOnly d => d.Year is >= EarliestYear and <= LatestYear,
        DateTime t => t.Year is >= EarliestYear and <= LatestYear,
        DateTimeOffset o => o.UtcDateTime.Year is >= EarliestYear and <= LatestYear,
        _ => true,
    };

    public static bool IsDate(Type type) => type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset);
}

/// <summary>The rule for one text value: its length (UTF-16 code units, never fewer than the characters a column counts) and its characters.</summary>
public static class TextRules
{
    public static TextProblem Check(string value, int maxLength, bool multiLine, bool httpUrl = false)
    {
        if (value.Length > maxLength) return TextProblem.TooLong;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsControl(c))
            {
                if (multiLine && c is '\n' or '\r' or '\t') continue;
                return TextProblem.DisallowedCharacter;
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return TextProblem.DisallowedCharacter;
        }
        if (httpUrl && value.Length > 0 && !Web.SafeLinks.IsHttpUrl(value)) return TextProblem.NotHttpUrl;
        return TextProblem.None;
    }

    /// <summary>C0 and C1 control characters and DEL.</summary>
    public static bool IsControl(char c) => c < '\u0020' || c is >= '\u007f' and <= '\u009f';
}

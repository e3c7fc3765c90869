using System.Globalization;

namespace Dangjian.Web.Modules.Assessment.Evaluation;

/// <summary>A grade band: a total at or above <see cref="Min"/> earns <see cref="Name"/> (unless a higher band is earned).</summary>
public sealed record GradeBand(string Name, decimal Min);

/// <summary>A star band: a total at or above <see cref="Min"/> earns <see cref="Stars"/> stars.</summary>
public sealed record StarBand(int Stars, decimal Min);

/// <summary>A branch's grade: none when too young; the lowest when vetoed.</summary>
public sealed record GradeOutcome(string? Grade, int? Stars, bool NotGraded);

/// <summary>
/// PA-14 and PA-15: a total's grade and stars by the scheme's bands (the highest band whose minimum it reaches, else the
/// lowest); a veto item raised forces the lowest grade and the fewest stars whatever the total; a branch younger than a
/// year is not graded when the scheme says so. Bands are data ("优秀:90;良好:80;…"), parsed here.
/// </summary>
public static class GradeRules
{
    public const string Article = EvaluationArticles.Grades;
    public const string VetoArticle = EvaluationArticles.Veto;

    public static GradeOutcome Grade(decimal total, IReadOnlyList<GradeBand> bands, IReadOnlyList<StarBand> stars, bool vetoed, bool tooYoung)
    {
        if (tooYoung) return new GradeOutcome(null, null, true);
        var grade = bands.Count == 0 ? null
            : vetoed ? bands.MinBy(b => b.Min)!.Name
            : (bands.OrderByDescending(b => b.Min).FirstOrDefault(b => total >= b.Min) ?? bands.MinBy(b => b.Min)!).Name;
        int? star = stars.Count == 0 ? null
            : vetoed ? stars.MinBy(s => s.Min)!.Stars
            : (stars.OrderByDescending(s => s.Min).FirstOrDefault(s => total >= s.Min) ?? stars.MinBy(s => s.Min)!).Stars;
        return new GradeOutcome(grade, star, false);
    }

    /// <summary>Too young: founded less than <paramref name="months"/> months before the end of the scheme's year (12: during the year).</summary>
    public static bool TooYoung(DateOnly foundedOn, int year, int months) => foundedOn > new DateOnly(year, 12, 31).AddMonths(-months);

    /// <summary>"优秀:90;良好:80" → bands, or null when a part is not "name:number" or two bands share a minimum.</summary>
    public static List<GradeBand>? ParseGrades(string? text)
    {
        var parts = Split(text);
        if (parts is null) return null;
        var bands = new List<GradeBand>();
        foreach (var (name, min) in parts)
        {
            if (name.Length is 0 or > 40) return null;
            bands.Add(new GradeBand(name, min));
        }
        return bands.Count == 0 || bands.Select(b => b.Min).Distinct().Count() != bands.Count ? null : bands.OrderByDescending(b => b.Min).ToList();
    }

    /// <summary>"5:90;4:80" → star bands (1 to 5 stars), or null when malformed; empty text is no stars.</summary>
    public static List<StarBand>? ParseStars(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var parts = Split(text);
        if (parts is null) return null;
        var bands = new List<StarBand>();
        foreach (var (name, min) in parts)
        {
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s is < 1 or > 5) return null;
            bands.Add(new StarBand(s, min));
        }
        return bands.Select(b => b.Min).Distinct().Count() != bands.Count ? null : bands.OrderByDescending(b => b.Min).ToList();
    }

    public static string Format(IEnumerable<GradeBand> bands) => string.Join(";", bands.Select(b => $"{b.Name}:{SchemeRules.N(b.Min)}"));

    public static string Format(IEnumerable<StarBand> bands) => string.Join(";", bands.Select(b => $"{b.Stars}:{SchemeRules.N(b.Min)}"));

    private static List<(string Name, decimal Min)>? Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var list = new List<(string, decimal)>();
        foreach (var part in text.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = part.LastIndexOfAny([':', '：']);
            if (at <= 0) return null;
            if (!decimal.TryParse(part[(at + 1)..].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var min) || min > 10000) return null;
            list.Add((part[..at].Trim(), Math.Round(min, 2)));
        }
        return list;
    }
}

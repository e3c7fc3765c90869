using System.Globalization;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;

namespace Dangjian.Web.Modules.Education.Exams.Pages.Manage;

/// <summary>The units a manager of education acts for, the highest first: what the managers' pages offer to pick.</summary>
internal static class ManagedUnits
{
    public static async Task<List<(Guid Id, string Name)>> OfAsync(CurrentUser me, GetOrgUnit units, CancellationToken ct)
    {
        var list = new List<(Guid, string)>();
        foreach (var role in me.Roles.Where(r => r.Role.Grants(Permission.ManageEducation)).OrderBy(r => r.OrgPath.Length).DistinctBy(r => r.OrgUnitId))
        {
            if ((await units.HandleAsync(role.OrgUnitId, ct)).Value is { } u) list.Add((u.Id, u.Name));
        }
        return list;
    }

    /// <summary>A China-time datetime-local value read back as an instant; null when it is not one.</summary>
    public static DateTimeOffset? Time(string? local) =>
        DateTime.TryParseExact(local, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(t, ChinaTime.Offset)
            : null;

    /// <summary>An instant as a datetime-local value in China time.</summary>
    public static string Local(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A question as the bank's form posts it: the choices one a line.</summary>
public sealed class QuestionForm
{
    public string? Type { get; set; } = nameof(QuestionType.Single);
    public string? Category { get; set; }
    public int? Difficulty { get; set; } = 3;
    public string? Stem { get; set; }
    public string? Options { get; set; }
    public string? Answer { get; set; }
    public string? Explanation { get; set; }

    public QuestionRequest ToRequest(Guid? unitId) => new(unitId, Type, Category, Difficulty, Stem,
        (Options ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList(), Answer, Explanation);

    public static QuestionForm Of(QuestionDto q, string trueWord, string falseWord) => new()
    {
        Type = q.Type.ToString(), Category = q.Category.ToString(), Difficulty = q.Difficulty, Stem = q.Stem, Options = string.Join('\n', q.Options),
        Answer = q.Type == QuestionType.TrueFalse ? (q.Answer == "T" ? trueWord : falseWord) : q.Answer, Explanation = q.Explanation,
    };
}

/// <summary>An exam or contest to publish, its window in China time from datetime-local inputs.</summary>
public sealed class PublishForm
{
    public Guid? UnitId { get; set; }
    public Guid? PaperId { get; set; }
    public string? Title { get; set; }
    public bool IsContest { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public int? TimeLimitMinutes { get; set; } = 30;
    public int? AttemptsAllowed { get; set; } = 1;
    public int? PassMark { get; set; }
    public bool PartialCredit { get; set; }

    public PublishExamRequest ToRequest() => new(UnitId, PaperId, Title, IsContest, ManagedUnits.Time(OpensAt), ManagedUnits.Time(ClosesAt), TimeLimitMinutes,
        AttemptsAllowed, PassMark, PartialCredit);
}

/// <summary>A fixed paper: the questions ticked, each worth the points written beside it (or the default).</summary>
public sealed class FixedPaperForm
{
    public string? Title { get; set; }
    public List<Guid> Selected { get; set; } = [];
    public Dictionary<Guid, int?> Points { get; set; } = [];
    public int? DefaultPoints { get; set; } = 5;

    public CreatePaperRequest ToRequest(Guid? unitId) => new(unitId, Title, nameof(PaperMode.Fixed),
        Selected.Select(id => new PaperItemRequest(id, Points.GetValueOrDefault(id) ?? DefaultPoints)).ToList(), null);
}

/// <summary>A random paper: up to <see cref="Rows"/> rules; a row without a count is left out.</summary>
public sealed class RandomPaperForm
{
    public const int Rows = 5;

    public string? Title { get; set; }
    public List<RuleRow> Rules { get; set; } = [.. Enumerable.Range(0, Rows).Select(_ => new RuleRow())];

    public CreatePaperRequest ToRequest(Guid? unitId) => new(unitId, Title, nameof(PaperMode.Random), null,
        Rules.Where(r => r.Count is not null).Select(r => new PaperRuleRequest(string.IsNullOrEmpty(r.Category) ? null : r.Category, r.Difficulty, r.Count, r.Points))
            .ToList());

    public sealed class RuleRow
    {
        public string? Category { get; set; }
        public int? Difficulty { get; set; }
        public int? Count { get; set; }
        public int? Points { get; set; }
    }
}

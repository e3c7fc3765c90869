using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>A chosen question of a fixed paper and its points.</summary>
public sealed record PaperItemRequest(Guid? QuestionId, int? Points);

/// <summary>A drawing rule of a random paper: so many questions (of a category and a difficulty, each optional), each worth so many points.</summary>
public sealed record PaperRuleRequest([MaxLength(40)] string? Category, int? Difficulty, int? Count, int? Points);

public sealed record CreatePaperRequest(Guid? OrgUnitId, [MaxLength(200)] string? Title, [MaxLength(40)] string? Mode,
    IReadOnlyList<PaperItemRequest>? Items, IReadOnlyList<PaperRuleRequest>? Rules);

public sealed record PaperPartDto(Guid? QuestionId, string? Stem, CourseCategory? Category, int? Difficulty, int Count, int Points);

public sealed record PaperDto(Guid Id, Guid OrgUnitId, string Title, PaperMode Mode, IReadOnlyList<PaperPartDto> Parts, int QuestionCount, int TotalPoints,
    DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// Papers (试卷): fixed questions with points, or rules that draw the questions per attempt from the bank of the unit
/// and those above it. A random paper is refused when the bank cannot fill its rules.
/// </summary>
public sealed class Papers(AppDbContext db, OrgAccess access, ExamsAccess exams, TimeProvider clock, IStringLocalizer<SharedResource> L,
    IStringLocalizer<ExamsText> T, IStringLocalizer<EducationText> E, InputCheck inputCheck)
{
    public const int MaxPoints = 100;
    public const int MaxQuestions = 200;

    public async Task<Result<PaperDto>> CreateAsync(CreatePaperRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) return Error.Validation("title", L["Validation.Required", "title"]);
        if (title.Length > 200) return Error.Validation("title", L["Validation.TooLong", "title", 200]);
        if (!Enum.TryParse<PaperMode>(r.Mode ?? nameof(PaperMode.Fixed), true, out var mode) || !Enum.IsDefined(mode))
            return Error.Validation("mode", L["Validation.OneOf", "mode", string.Join(", ", Enum.GetNames<PaperMode>())]);
        var bank = ExamsAccess.UpwardPaths(unit.Value!.Path);
        var now = clock.GetUtcNow();
        var paper = new ExamPaper { Id = Guid.CreateVersion7(now), OrgUnitId = unitId, OrgPath = unit.Value.Path, Title = title, Mode = mode, CreatedAt = now, CreatedBy = exams.By };
        if (mode == PaperMode.Fixed)
        {
            var items = r.Items ?? [];
            if (items.Count == 0) return Error.Validation("items", T["Paper.ItemsRequired"]);
            if (items.Count > MaxQuestions) return Error.Validation("items", T["Paper.TooMany", MaxQuestions]);
            var ids = items.Select(i => i.QuestionId ?? Guid.Empty).ToList();
            if (ids.Contains(Guid.Empty)) return Error.Validation("items", L["Validation.Required", "questionId"]);
            if (ids.Distinct().Count() != ids.Count) return Error.Validation("items", T["Paper.Duplicate"]);
            var found = await db.ExamQuestions.AsNoTracking().Where(q => ids.Contains(q.Id) && bank.Contains(q.OrgPath) && q.RetiredAt == null)
                .Select(q => q.Id).ToListAsync(ct);
            if (found.Count != ids.Count) return Error.Validation("items", T["Paper.QuestionNotInBank"]);
            for (var i = 0; i < items.Count; i++)
            {
                var points = items[i].Points ?? 0;
                if (points is < 1 or > MaxPoints) return Error.Validation("items", T["Paper.PointsRange", 1, MaxPoints]);
                paper.Parts.Add(new ExamPaperPart { Id = Guid.CreateVersion7(now), PaperId = paper.Id, Position = i, QuestionId = ids[i], Count = 1, Points = points });
            }
        }
        else
        {
            var rules = r.Rules ?? [];
            if (rules.Count == 0) return Error.Validation("rules", T["Paper.RulesRequired"]);
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                CourseCategory? category = null;
                if (!string.IsNullOrWhiteSpace(rule.Category))
                {
                    if (!Enum.TryParse<CourseCategory>(rule.Category, true, out var c) || !Enum.IsDefined(c))
                        return Error.Validation("rules", L["Validation.OneOf", "category", string.Join(", ", Enum.GetNames<CourseCategory>())]);
                    category = c;
                }
                if (rule.Difficulty is { } d && d is < QuestionBank.DifficultyMin or > QuestionBank.DifficultyMax)
                    return Error.Validation("rules", T["Question.DifficultyRange", QuestionBank.DifficultyMin, QuestionBank.DifficultyMax]);
                if (rule.Count is not { } count || count < 1 || count > MaxQuestions) return Error.Validation("rules", T["Paper.CountRange", 1, MaxQuestions]);
                if ((rule.Points ?? 0) is < 1 or > MaxPoints) return Error.Validation("rules", T["Paper.PointsRange", 1, MaxPoints]);
                paper.Parts.Add(new ExamPaperPart
                {
                    Id = Guid.CreateVersion7(now), PaperId = paper.Id, Position = i, Category = category, Difficulty = rule.Difficulty, Count = count, Points = rule.Points!.Value,
                });
            }
            if (paper.Parts.Sum(p => p.Count) > MaxQuestions) return Error.Validation("rules", T["Paper.TooMany", MaxQuestions]);
            var pool = await PoolAsync(bank, ct);
            if (PaperRules.Shortfall(paper.Parts, pool) is { } short_)
            {
                return Error.Rule("PAPER_BANK_SHORT", T["Paper.NotEnough", short_.Need, short_.Have, Describe(short_.Part)], PaperRules.Article);
            }
        }
        db.ExamPapers.Add(paper);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(paper, ct);
    }

    public async Task<Result<Page<PaperDto>>> ListAsync(Guid? orgUnitId, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var paths = ExamsAccess.UpwardPaths(unit.Value!.Path);
        var q = db.ExamPapers.AsNoTracking().Include(p => p.Parts).Where(p => paths.Contains(p.OrgPath));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(p => p.CreatedAt).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var list = new List<PaperDto>();
        foreach (var p in rows) list.Add(await ToDtoAsync(p, ct));
        return new Page<PaperDto>(list, page.Page, page.PageSize, total);
    }

    public async Task<Result<PaperDto>> GetAsync(Guid paperId, CancellationToken ct)
    {
        var paper = await db.ExamPapers.AsNoTracking().Include(p => p.Parts).FirstOrDefaultAsync(p => p.Id == paperId, ct);
        if (paper is null || !Readable(paper.OrgPath)) return Error.NotFound(T["Paper.NotFound"]);
        return await ToDtoAsync(paper, ct);
    }

    /// <summary>A paper the caller may publish at the unit of <paramref name="unitPath"/>: one of the unit or above.</summary>
    public async Task<ExamPaper?> ForUnitAsync(Guid paperId, string unitPath, CancellationToken ct)
    {
        var paths = ExamsAccess.UpwardPaths(unitPath);
        return await db.ExamPapers.AsNoTracking().Include(p => p.Parts).FirstOrDefaultAsync(p => p.Id == paperId && paths.Contains(p.OrgPath), ct);
    }

    /// <summary>The questions of an attempt: the fixed ones, or a draw by the rules from the bank that reaches the exam's unit.</summary>
    public async Task<List<(Guid QuestionId, int Points)>> DrawAsync(ExamPaper paper, string examPath, Random random, CancellationToken ct)
    {
        var parts = paper.Parts.OrderBy(p => p.Position).ToList();
        if (paper.Mode == PaperMode.Fixed) return parts.Where(p => p.QuestionId is not null).Select(p => (p.QuestionId!.Value, p.Points)).ToList();
        var pool = await PoolAsync(ExamsAccess.UpwardPaths(examPath), ct);
        return PaperRules.Draw(parts, pool, random);
    }

    private Task<List<PaperRules.PoolQuestion>> PoolAsync(List<string> bank, CancellationToken ct) =>
        db.ExamQuestions.AsNoTracking().Where(q => bank.Contains(q.OrgPath) && q.RetiredAt == null)
            .OrderBy(q => q.Id).Select(q => new PaperRules.PoolQuestion(q.Id, q.Category, q.Difficulty)).ToListAsync(ct);

    private string Describe(ExamPaperPart p) =>
        T["Paper.RuleLabel", p.Category is { } c ? E["Category." + c].Value : T["Paper.AnyCategory"].Value,
            p.Difficulty is { } d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : T["Paper.AnyDifficulty"].Value];

    private bool Readable(string path) =>
        exams.User.Can(Permission.ManageEducation, path)
        || exams.User.Roles.Any(role => role.Role.Grants(Permission.ManageEducation) && OrgPaths.IsWithin(role.OrgPath, path));

    private async Task<PaperDto> ToDtoAsync(ExamPaper p, CancellationToken ct)
    {
        var ids = p.Parts.Where(x => x.QuestionId is not null).Select(x => x.QuestionId!.Value).ToList();
        var stems = ids.Count == 0 ? [] : await db.ExamQuestions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Stem, ct);
        var parts = p.Parts.OrderBy(x => x.Position)
            .Select(x => new PaperPartDto(x.QuestionId, x.QuestionId is { } id ? stems.GetValueOrDefault(id) : null, x.Category, x.Difficulty, x.Count, x.Points))
            .ToList();
        return new PaperDto(p.Id, p.OrgUnitId, p.Title, p.Mode, parts, parts.Sum(x => x.Count), parts.Sum(x => x.Count * x.Points), p.CreatedAt, p.CreatedBy);
    }
}

/// <summary>
/// How a random paper draws (docs/rules/education.md#ex-4): the most specific rules first (category and difficulty, then
/// one of them, then neither), each from the questions not drawn yet; so a paper is valid exactly when that draw fills it.
/// </summary>
public static class PaperRules
{
    public const string Article = "docs/rules/education.md#ex-4";

    public sealed record PoolQuestion(Guid Id, CourseCategory Category, int Difficulty);

    private static IEnumerable<ExamPaperPart> InDrawOrder(IEnumerable<ExamPaperPart> parts) =>
        parts.OrderBy(p => (p.Category is null ? 1 : 0) + (p.Difficulty is null ? 1 : 0)).ThenBy(p => p.Position);

    private static bool Fits(ExamPaperPart p, PoolQuestion q) => (p.Category is null || p.Category == q.Category) && (p.Difficulty is null || p.Difficulty == q.Difficulty);

    /// <summary>The first rule the pool cannot fill, with how many it needs and how many are left for it; null when all are filled.</summary>
    public static (ExamPaperPart Part, int Need, int Have)? Shortfall(IEnumerable<ExamPaperPart> parts, IReadOnlyList<PoolQuestion> pool)
    {
        var taken = new HashSet<Guid>();
        foreach (var p in InDrawOrder(parts))
        {
            var fits = pool.Where(q => !taken.Contains(q.Id) && Fits(p, q)).Take(p.Count).ToList();
            if (fits.Count < p.Count) return (p, p.Count, fits.Count);
            taken.UnionWith(fits.Select(q => q.Id));
        }
        return null;
    }

    /// <summary>A draw: for each rule, its count at random among the fitting questions not drawn yet; the paper's order kept.</summary>
    public static List<(Guid QuestionId, int Points)> Draw(IEnumerable<ExamPaperPart> parts, IReadOnlyList<PoolQuestion> pool, Random random)
    {
        var taken = new HashSet<Guid>();
        var byPart = new Dictionary<ExamPaperPart, List<Guid>>();
        foreach (var p in InDrawOrder(parts))
        {
            var fits = pool.Where(q => !taken.Contains(q.Id) && Fits(p, q)).Select(q => q.Id).ToArray();
            random.Shuffle(fits);
            var chosen = fits.Take(p.Count).ToList();
            taken.UnionWith(chosen);
            byPart[p] = chosen;
        }
        return byPart.OrderBy(kv => kv.Key.Position).SelectMany(kv => kv.Value.Select(id => (id, kv.Key.Points))).ToList();
    }
}

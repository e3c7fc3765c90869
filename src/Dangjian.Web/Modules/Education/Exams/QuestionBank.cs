using System.ComponentModel.DataAnnotations;
using System.Resources;
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

/// <summary>A question as written: type and category by name (Single, Multiple, TrueFalse, FillIn; Theory …), choices in order.</summary>
public sealed record QuestionRequest(
    Guid? OrgUnitId, [MaxLength(40)] string? Type, [MaxLength(40)] string? Category, int? Difficulty, [MaxLength(1000), MultiLine] string? Stem,
    [MaxLength(200)] IReadOnlyList<string>? Options, [MaxLength(400)] string? Answer, [MaxLength(2000), MultiLine] string? Explanation);

public sealed record QuestionDto(
    Guid Id, Guid OrgUnitId, QuestionType Type, CourseCategory Category, int Difficulty, string Stem, IReadOnlyList<string> Options, string Answer,
    string? Explanation, bool Retired, DateTimeOffset CreatedAt, string CreatedBy, bool Editable, bool Drawn);

/// <summary>What the bank's list is filtered by.</summary>
public sealed record QuestionFilter(QuestionType? Type = null, CourseCategory? Category = null, int? Difficulty = null, string? Text = null,
    bool IncludeRetired = false, bool IncludeAbove = false);

/// <summary>
/// The question bank (题库) of a unit: written by those who manage education there (ManageEducation on the unit or above),
/// used by the papers of the unit and every unit below it. A question is retired, never deleted.
/// </summary>
public sealed class QuestionBank(AppDbContext db, OrgAccess access, ExamsAccess exams, TimeProvider clock, IStringLocalizer<SharedResource> L,
    IStringLocalizer<ExamsText> T, InputCheck inputCheck)
{
    public const int DifficultyMin = 1;
    public const int DifficultyMax = 5;

    private static readonly ResourceManager Texts = new(typeof(ExamsText));

    /// <summary>The true/false words of both languages (ExamsText "Answer.TrueWords"/"Answer.FalseWords").</summary>
    public static readonly TrueFalseWords Words = new(
        Texts.InChinese("Answer.TrueWords").Split(',').Concat((Texts.GetString("Answer.TrueWords", new("en")) ?? "").Split(',')),
        Texts.InChinese("Answer.FalseWords").Split(',').Concat((Texts.GetString("Answer.FalseWords", new("en")) ?? "").Split(',')));

    public async Task<Result<QuestionDto>> CreateAsync(QuestionRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var checkedRequest = Check(r, T, L);
        if (!checkedRequest.IsSuccess) return checkedRequest.Error!;
        var q = checkedRequest.Value!;
        var now = clock.GetUtcNow();
        var question = new ExamQuestion
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unitId, OrgPath = unit.Value!.Path, Type = q.Type, Category = q.Category, Difficulty = q.Difficulty,
            Stem = q.Stem, Options = q.Options, Answer = q.Answer, Explanation = q.Explanation, CreatedAt = now, CreatedBy = exams.By,
        };
        db.ExamQuestions.Add(question);
        await db.SaveChangesAsync(ct);
        return ToDto(question, true, false);
    }

    public async Task<Result<QuestionDto>> UpdateAsync(Guid questionId, QuestionRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var question = await db.ExamQuestions.FirstOrDefaultAsync(x => x.Id == questionId, ct);
        if (question is null || !Readable(question.OrgPath)) return Error.NotFound(T["Question.NotFound"]);
        if (!exams.User.Can(Permission.ManageEducation, question.OrgPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        var checkedRequest = Check(r, T, L);
        if (!checkedRequest.IsSuccess) return checkedRequest.Error!;
        // A question drawn for an attempt stays as it was answered and graded (docs/rules/education.md#ex-6).
        if (await DrawnAsync([questionId], ct) is { Count: > 0 }) return Error.Rule("QUESTION_DRAWN", T["Question.Drawn"], DrawnArticle);
        var q = checkedRequest.Value!;
        (question.Type, question.Category, question.Difficulty, question.Stem, question.Options, question.Answer, question.Explanation) =
            (q.Type, q.Category, q.Difficulty, q.Stem, q.Options, q.Answer, q.Explanation);
        question.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return ToDto(question, true, false);
    }

    /// <summary>Retires a question: no new paper or draw takes it; past attempts keep showing it.</summary>
    public async Task<Result<QuestionDto>> RetireAsync(Guid questionId, CancellationToken ct)
    {
        var question = await db.ExamQuestions.FirstOrDefaultAsync(x => x.Id == questionId, ct);
        if (question is null || !Readable(question.OrgPath)) return Error.NotFound(T["Question.NotFound"]);
        if (!exams.User.Can(Permission.ManageEducation, question.OrgPath)) return Error.Forbidden(L["Auth.Forbidden"]);
        question.RetiredAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return ToDto(question, true, (await DrawnAsync([questionId], ct)).Count > 0);
    }

    public async Task<Result<QuestionDto>> GetAsync(Guid questionId, CancellationToken ct)
    {
        var question = await db.ExamQuestions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == questionId, ct);
        if (question is null || !Readable(question.OrgPath)) return Error.NotFound(T["Question.NotFound"]);
        return ToDto(question, exams.User.Can(Permission.ManageEducation, question.OrgPath), (await DrawnAsync([questionId], ct)).Count > 0);
    }

    /// <summary>The unit's questions (with those of the units above when asked), newest first.</summary>
    public async Task<Result<Page<QuestionDto>>> ListAsync(Guid? orgUnitId, QuestionFilter filter, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var q = Query(unit.Value!.Path, filter);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.CreatedAt).ThenBy(x => x.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var drawn = await DrawnAsync(rows.Select(x => x.Id).ToList(), ct);
        return new Page<QuestionDto>(rows.Select(x => ToDto(x, exams.User.Can(Permission.ManageEducation, x.OrgPath), drawn.Contains(x.Id))).ToList(),
            page.Page, page.PageSize, total);
    }

    public const string DrawnArticle = "docs/rules/education.md#ex-6";

    /// <summary>Which of the questions were drawn for some attempt (one query on the answers' question index).</summary>
    private async Task<HashSet<Guid>> DrawnAsync(IReadOnlyCollection<Guid> questionIds, CancellationToken ct) =>
        questionIds.Count == 0 ? [] : (await db.ExamAttemptAnswers.AsNoTracking().Where(a => questionIds.Contains(a.QuestionId))
            .Select(a => a.QuestionId).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>All the unit's own live questions in a stable order: what the export writes.</summary>
    public async Task<Result<(OrgUnit Unit, List<ExamQuestion> Questions)>> AllAsync(Guid? orgUnitId, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var rows = await Query(unit.Value!.Path, new QuestionFilter()).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToListAsync(ct);
        return (unit.Value, rows);
    }

    private IQueryable<ExamQuestion> Query(string path, QuestionFilter f)
    {
        var paths = f.IncludeAbove ? ExamsAccess.UpwardPaths(path) : [path];
        var q = db.ExamQuestions.AsNoTracking().Where(x => paths.Contains(x.OrgPath));
        if (!f.IncludeRetired) q = q.Where(x => x.RetiredAt == null);
        if (f.Type is { } type) q = q.Where(x => x.Type == type);
        if (f.Category is { } category) q = q.Where(x => x.Category == category);
        if (f.Difficulty is { } difficulty) q = q.Where(x => x.Difficulty == difficulty);
        if (!string.IsNullOrWhiteSpace(f.Text)) q = q.Where(x => x.Stem.Contains(f.Text.Trim()));
        return q;
    }

    /// <summary>Managers of the question's unit or above, and of units below it (whose papers use it), may read it.</summary>
    private bool Readable(string questionPath) =>
        exams.User.Can(Permission.ManageEducation, questionPath)
        || exams.User.Roles.Any(role => role.Role.Grants(Permission.ManageEducation) && OrgPaths.IsWithin(role.OrgPath, questionPath));

    /// <summary>A question's fields checked and made canonical.</summary>
    public sealed record Checked(QuestionType Type, CourseCategory Category, int Difficulty, string Stem, string? Options, string Answer, string? Explanation);

    /// <summary>Checks a question as the API and the import both write it (the import checks its own columns first).</summary>
    public static Result<Checked> Check(QuestionRequest r, IStringLocalizer<ExamsText> T, IStringLocalizer<SharedResource> L)
    {
        if (string.IsNullOrWhiteSpace(r.Type)) return Error.Validation("type", L["Validation.Required", "type"]);
        if (!Enum.TryParse<QuestionType>(r.Type, true, out var type) || !Enum.IsDefined(type))
            return Error.Validation("type", L["Validation.OneOf", "type", string.Join(", ", Enum.GetNames<QuestionType>())]);
        if (string.IsNullOrWhiteSpace(r.Category)) return Error.Validation("category", L["Validation.Required", "category"]);
        if (!Enum.TryParse<CourseCategory>(r.Category, true, out var category) || !Enum.IsDefined(category))
            return Error.Validation("category", L["Validation.OneOf", "category", string.Join(", ", Enum.GetNames<CourseCategory>())]);
        var difficulty = r.Difficulty ?? 3;
        if (difficulty is < DifficultyMin or > DifficultyMax) return Error.Validation("difficulty", T["Question.DifficultyRange", DifficultyMin, DifficultyMax]);
        var stem = r.Stem?.Trim();
        if (string.IsNullOrEmpty(stem)) return Error.Validation("stem", L["Validation.Required", "stem"]);
        if (stem.Length > 1000) return Error.Validation("stem", L["Validation.TooLong", "stem", 1000]);
        var options = (r.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
        while (options.Count > 0 && options[^1].Length == 0) options.RemoveAt(options.Count - 1);
        string? joined = null;
        if (type is QuestionType.Single or QuestionType.Multiple)
        {
            if (options.Count < 2 || options.Count > AnswerRules.MaxOptions) return Error.Validation("options", T["Question.OptionsCount", 2, AnswerRules.MaxOptions]);
            if (options.Any(o => o.Length == 0)) return Error.Validation("options", T["Question.OptionBlank"]);
            if (options.Any(o => o.Contains('\n'))) return Error.Validation("options", T["Question.OptionOneLine"]);
            joined = string.Join('\n', options);
            if (joined.Length > 2000) return Error.Validation("options", L["Validation.TooLong", "options", 2000]);
        }
        else if (options.Count > 0) return Error.Validation("options", T["Question.NoOptions"]);
        if (string.IsNullOrWhiteSpace(r.Answer)) return Error.Validation("answer", L["Validation.Required", "answer"]);
        var answer = AnswerRules.Canonical(type, r.Answer, options.Count, Words);
        if (answer is null) return Error.Validation("answer", T["Question.AnswerInvalid." + type, ChoiceLetters(options.Count)]);
        if (answer.Length > 400) return Error.Validation("answer", L["Validation.TooLong", "answer", 400]);
        var explanation = string.IsNullOrWhiteSpace(r.Explanation) ? null : r.Explanation.Trim();
        if (explanation?.Length > 2000) return Error.Validation("explanation", L["Validation.TooLong", "explanation", 2000]);
        return new Checked(type, category, difficulty, stem, joined, answer, explanation);
    }

    public static string ChoiceLetters(int count) => count <= 0 ? "" : $"A-{(char)('A' + count - 1)}";

    public static QuestionDto ToDto(ExamQuestion q, bool editable, bool drawn) =>
        new(q.Id, q.OrgUnitId, q.Type, q.Category, q.Difficulty, q.Stem, q.OptionList, q.Answer, q.Explanation, q.RetiredAt is not null, q.CreatedAt,
            q.CreatedBy, editable, drawn);
}

using System.Globalization;
using System.Resources;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Import;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Exams.Import;

/// <summary>
/// The columns of the question-bank sheet (ExamsText "QuestionImport.Column.*"), read by their Chinese headers or the
/// English ones, and its words (题型, 类别, 判断 answers) in either language; the export writes the same layout in the
/// reader's language, so an exported bank imports as it is.
/// </summary>
public static class QuestionSheet
{
    internal static readonly ResourceManager Texts = new(typeof(ExamsText));
    private static readonly ResourceManager Education = new(typeof(EducationText));

    public static readonly string[] OptionIds = [.. Enumerable.Range(0, AnswerRules.MaxOptions).Select(i => "Option" + (char)('A' + i))];

    internal static readonly SheetColumns Columns = new(Texts, "QuestionImport.Column.", ["Type", "Category", "Difficulty", "Stem", .. OptionIds, "Answer", "Explanation"]);

    public static readonly string Type = Columns["Type"];
    public static readonly string Category = Columns["Category"];
    public static readonly string Difficulty = Columns["Difficulty"];
    public static readonly string Stem = Columns["Stem"];
    public static readonly string Answer = Columns["Answer"];
    public static readonly string Explanation = Columns["Explanation"];
    public static readonly string[] Options = [.. OptionIds.Select(id => Columns[id])];

    public static readonly string[] Required = [Type, Category, Stem, Answer];

    public static readonly IReadOnlyDictionary<string, QuestionType> Types =
        Texts.Reading(Enum.GetValues<QuestionType>().Select(t => ("QuestionImport.Type." + t, t)));

    public static readonly IReadOnlyDictionary<string, CourseCategory> Categories =
        Education.Reading(Enum.GetValues<CourseCategory>().Select(c => ("Category." + c, c)));

    /// <summary>Reads one row into a question request; a problem of a column is added to <paramref name="errors"/> and null returned.</summary>
    public static QuestionRequest? Parse(int row, string?[] cells, ImportSheet sheet, IStringLocalizer<ExamsText> T, List<ImportError> errors)
    {
        var before = errors.Count;
        void Fail(string column, string reason) => errors.Add(new ImportError(row, Columns.Label(column, T), reason));
        string? Get(string column) => sheet.Get(cells, column);

        QuestionType? type = null;
        var typeText = Get(Type);
        if (typeText is null) Fail(Type, T["QuestionImport.Required", Columns.Label(Type, T)]);
        else if (Types.TryGetValue(typeText, out var t) || Enum.TryParse(typeText, true, out t) && Enum.IsDefined(t)) type = t;
        else Fail(Type, T["QuestionImport.TypeInvalid", typeText, string.Join(T["QuestionImport.Separator"].Value, Enum.GetValues<QuestionType>().Select(x => T["QuestionImport.Type." + x].Value))]);

        CourseCategory? category = null;
        var categoryText = Get(Category);
        if (categoryText is null) Fail(Category, T["QuestionImport.Required", Columns.Label(Category, T)]);
        else if (Categories.TryGetValue(categoryText, out var c) || Enum.TryParse(categoryText, true, out c) && Enum.IsDefined(c)) category = c;
        else Fail(Category, T["QuestionImport.CategoryInvalid", categoryText]);

        int? difficulty = null;
        if (Get(Difficulty) is { } d)
        {
            if (int.TryParse(d, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= QuestionBank.DifficultyMin and <= QuestionBank.DifficultyMax) difficulty = n;
            else Fail(Difficulty, T["Question.DifficultyRange", QuestionBank.DifficultyMin, QuestionBank.DifficultyMax]);
        }
        if (errors.Count > before) return null;
        var options = Options.Select(o => Get(o) ?? "").ToList();
        var answer = Get(Answer)?.Replace('\uFF5C', AnswerRules.FillInSeparator);
        return new QuestionRequest(null, type!.Value.ToString(), category!.Value.ToString(), difficulty ?? 3, Get(Stem), options, answer, Get(Explanation));
    }

    /// <summary>The column a field of the question check concerns.</summary>
    public static string ColumnOfField(string field) => field switch
    {
        "type" => Type,
        "category" => Category,
        "difficulty" => Difficulty,
        "stem" => Stem,
        "options" => Options[0],
        "explanation" => Explanation,
        _ => Answer,
    };

    /// <summary>One question as a row of the sheet, in the reader's language.</summary>
    public static IReadOnlyList<object?> Row(ExamQuestion q, IStringLocalizer<ExamsText> T, IStringLocalizer<EducationText> E)
    {
        var options = q.OptionList;
        var answer = q.Type == QuestionType.TrueFalse ? (q.Answer == "T" ? T["Answer.True"].Value : T["Answer.False"].Value) : q.Answer;
        return
        [
            T["QuestionImport.Type." + q.Type].Value, E["Category." + q.Category].Value, q.Difficulty, q.Stem,
            .. Enumerable.Range(0, AnswerRules.MaxOptions).Select(i => (object?)(i < options.Count ? options[i] : null)), answer, q.Explanation,
        ];
    }
}

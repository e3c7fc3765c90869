using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Exams.Import;

/// <summary>A valid row of the preview. <c>action</c>: create | unchanged (the unit's bank already has the same question).</summary>
public sealed record QuestionImportRow(int Row, QuestionType Type, string Stem, string Action);

public sealed record QuestionImportSummary(ImportSummary Import, IReadOnlyList<QuestionImportRow> Rows);

/// <summary>
/// Questions from a workbook into a unit's bank, through the shared upload → check → apply workflow: every valid row is
/// written whole, every other row goes to the error workbook with its column and reason. A question the bank already
/// holds (same type, stem, options and answer) is left as it is, so importing a file again adds nothing.
/// </summary>
public sealed class ImportQuestions(ImportServices s, IStringLocalizer<ExamsText> T)
    : ImportWorkflow<ImportQuestions.Plan, QuestionImportSummary>(s)
{
    public const string UploadKind = "exam-questions";
    public const int ShownRows = 500;
    public const string Create = "create";
    public const string Unchanged = "unchanged";

    public sealed record Planned(int Row, QuestionBank.Checked Question, string Action);

    public sealed record Plan(List<Planned> Rows, Guid UnitId, string UnitPath) : IImportPlan
    {
        public int ToCreate => Rows.Count(r => r.Action == Create);
        public int ToUpdate => 0;
        int IImportPlan.Unchanged => Rows.Count(r => r.Action == ImportQuestions.Unchanged);
    }

    protected override string Kind => UploadKind;
    protected override Permission Permission => Permission.ManageEducation;
    protected override IReadOnlyList<string> RequiredColumns => QuestionSheet.Required;
    protected override string ColumnOf(string header) => QuestionSheet.Columns.ColumnOf(header);
    protected override string Label(string column) => QuestionSheet.Columns.Label(column, T);

    /// <summary>A blank sheet in the reader's language with one example of each type.</summary>
    public static byte[] Template(IStringLocalizer<ExamsText> T, IStringLocalizer<EducationText> E)
    {
        using var output = new MemoryStream();
        XlsxWriter.Write(output, T["QuestionImport.Sheet"], QuestionSheet.Columns.Headers(T),
        [
            Example(QuestionType.Single, T["QuestionImport.Example.Single"], [T["QuestionImport.Example.Single.A"], T["QuestionImport.Example.Single.B"],
                T["QuestionImport.Example.Single.C"], T["QuestionImport.Example.Single.D"]], "C"),
            Example(QuestionType.TrueFalse, T["QuestionImport.Example.TrueFalse"], [], T["Answer.True"]),
            Example(QuestionType.FillIn, T["QuestionImport.Example.FillIn"], [], T["QuestionImport.Example.FillIn.Answer"]),
        ]);
        return output.ToArray();

        IReadOnlyList<object?> Example(QuestionType type, string stem, string[] options, string answer) =>
        [
            T["QuestionImport.Type." + type].Value, E["Category.PartyRules"].Value, 2, stem,
            .. Enumerable.Range(0, AnswerRules.MaxOptions).Select(i => (object?)(i < options.Length ? options[i] : null)), answer, null,
        ];
    }

    /// <summary>The unit's own live questions in the sheet's layout: an export that imports back as the same questions.</summary>
    public static byte[] Export(IEnumerable<ExamQuestion> questions, IStringLocalizer<ExamsText> T, IStringLocalizer<EducationText> E)
    {
        using var output = new MemoryStream();
        XlsxWriter.Write(output, T["QuestionImport.Sheet"], QuestionSheet.Columns.Headers(T), questions.Select(q => QuestionSheet.Row(q, T, E)));
        return output.ToArray();
    }

    protected override async Task<Plan> PlanAsync(ImportSheet sheet, OrgUnit unit, List<ImportError> errors, CancellationToken ct)
    {
        var existing = (await S.Db.ExamQuestions.AsNoTracking().Where(q => q.OrgPath == unit.Path && q.RetiredAt == null)
            .Select(q => new { q.Type, q.Stem, q.Options, q.Answer }).ToListAsync(ct)).Select(q => (q.Type, q.Stem, q.Options, q.Answer)).ToHashSet();
        var seen = new Dictionary<(QuestionType, string), int>();
        var rows = new List<Planned>();
        foreach (var (row, cells) in sheet.Rows)
        {
            if (QuestionSheet.Parse(row, cells, sheet, T, errors) is not { } request) continue;
            var checkedRow = QuestionBank.Check(request, T, S.L);
            if (!checkedRow.IsSuccess)
            {
                var field = checkedRow.Error!.FieldErrors?.Keys.FirstOrDefault() ?? "answer";
                errors.Add(new ImportError(row, Label(QuestionSheet.ColumnOfField(field)), checkedRow.Error.Message));
                continue;
            }
            var q = checkedRow.Value!;
            if (seen.TryGetValue((q.Type, q.Stem), out var first))
            {
                errors.Add(new ImportError(row, Label(QuestionSheet.Stem), T["QuestionImport.Duplicate", first]));
                continue;
            }
            seen[(q.Type, q.Stem)] = row;
            rows.Add(new Planned(row, q, existing.Contains((q.Type, q.Stem, q.Options, q.Answer)) ? Unchanged : Create));
        }
        return new Plan(rows, unit.Id, unit.Path);
    }

    protected override async Task<(int Created, int Updated)> WriteAsync(Plan plan, DateTimeOffset now, CancellationToken ct)
    {
        var by = string.IsNullOrEmpty(S.User.DisplayName) ? S.User.UserName : S.User.DisplayName;
        var created = 0;
        foreach (var chunk in plan.Rows.Where(r => r.Action == Create).Chunk(1000))
        {
            foreach (var (_, q, _) in chunk)
            {
                S.Db.ExamQuestions.Add(new ExamQuestion
                {
                    Id = Guid.CreateVersion7(now), OrgUnitId = plan.UnitId, OrgPath = plan.UnitPath, Type = q.Type, Category = q.Category, Difficulty = q.Difficulty,
                    Stem = q.Stem, Options = q.Options, Answer = q.Answer, Explanation = q.Explanation, CreatedAt = now.AddTicks(created),
                    CreatedBy = by.Length > 100 ? by[..100] : by,
                });
                created++;
            }
            await S.Db.SaveChangesAsync(ct);
            S.Db.ChangeTracker.Clear();
        }
        return (created, 0);
    }

    protected override QuestionImportSummary Summarize(ImportSummary counts, Plan? plan) =>
        new(counts, (plan?.Rows ?? []).Take(ShownRows).Select(p => new QuestionImportRow(p.Row, p.Question.Type, p.Question.Stem, p.Action)).ToList());
}

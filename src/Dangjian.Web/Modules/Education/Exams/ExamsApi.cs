using System.Resources;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Exams.Import;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Import;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Exams;

/// <summary>
/// /api/v1/education: the question bank and its import, papers, exams and contests, attempts, the contest ranking and the
/// wrong-answer book. A route table of named handlers.
/// </summary>
internal static class ExamsApi
{
    private static readonly ResourceManager Texts = new(typeof(ExamsApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/education").WithTags("Education").RequireAuthorization();
        g.MapPost("/questions", CreateQuestion).Describe(Texts, "CreateExamQuestion")
            .WithDescription("type: Single | Multiple | TrueFalse | FillIn; category: a course category; difficulty 1–5; options (2–8) for choice questions; " +
                             "answer: the letters (\"AC\"), true/false, or accepted fill-ins separated by |. Needs ManageEducation on the unit.");
        g.MapGet("/questions", ListQuestions).Describe(Texts, "ListExamQuestions");
        g.MapGet("/questions/export", ExportQuestions).Describe(Texts, "ExportExamQuestions").Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        g.MapGet("/questions/{questionId:guid}", GetQuestion).Describe(Texts, "GetExamQuestion");
        g.MapPut("/questions/{questionId:guid}", UpdateQuestion).Describe(Texts, "UpdateExamQuestion");
        g.MapPost("/questions/{questionId:guid}/retire", RetireQuestion).Describe(Texts, "RetireExamQuestion");
        g.MapGet("/question-import-template", Template).Describe(Texts, "GetExamQuestionTemplate")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType).ProducesProblem(StatusCodes.Status401Unauthorized);
        ImportEndpoints.Map<ImportQuestions, QuestionImportSummary>(app, "/api/v1/education/question-imports", "Education", "/education/exams/bank/import",
            s => s.Import.Id, Texts, "ExamQuestionImport");

        g.MapPost("/papers", CreatePaper).Describe(Texts, "CreateExamPaper")
            .WithDescription("mode Fixed (items: questionId and points) or Random (rules: category, difficulty, count, points). A random paper is refused " +
                             "(422) when the bank of the unit and those above cannot fill its rules.");
        g.MapGet("/papers", ListPapers).Describe(Texts, "ListExamPapers");
        g.MapGet("/papers/{paperId:guid}", GetPaper).Describe(Texts, "GetExamPaper");

        g.MapPost("/exams", PublishExam).Describe(Texts, "PublishExam");
        g.MapGet("/exams", ListExams).Describe(Texts, "ListExams");
        g.MapGet("/exams/mine", MyExams).Describe(Texts, "ListMyExams");
        g.MapGet("/exams/{examId:guid}", GetExam).Describe(Texts, "GetExam");
        g.MapGet("/exams/{examId:guid}/results", Results).Describe(Texts, "GetExamResults");
        g.MapGet("/exams/{examId:guid}/results/export", ExportResults).Describe(Texts, "ExportExamResults")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        g.MapPost("/exams/{examId:guid}/attempts", StartAttempt).Describe(Texts, "StartExamAttempt")
            .WithDescription("Starts (or resumes) the caller's attempt; the questions come without their keys. The server enforces the time limit: " +
                             "after the deadline plus Rules:Education:Exams:GraceSeconds answers are refused and the attempt closes.");
        g.MapGet("/attempts/{attemptId:guid}", GetAttempt).Describe(Texts, "GetExamAttempt");
        g.MapPut("/attempts/{attemptId:guid}/answers", SaveAnswers).Describe(Texts, "SaveExamAnswers");
        g.MapPost("/attempts/{attemptId:guid}/submit", Submit).Describe(Texts, "SubmitExamAttempt");

        g.MapGet("/contests/{examId:guid}/ranking", Ranking).Describe(Texts, "GetContestRanking");
        g.MapGet("/wrong-answers/mine", MyWrongAnswers).Describe(Texts, "ListMyWrongAnswers");
        g.MapPost("/wrong-answers/{wrongAnswerId:guid}/practice", Practice).Describe(Texts, "PracticeWrongAnswer");
    }

    private static async Task<Results<Created<QuestionDto>, ApiProblem>> CreateQuestion(QuestionRequest body, QuestionBank h, CancellationToken ct) =>
        ApiReply.Created(await h.CreateAsync(body, ct), q => $"/api/v1/education/questions/{q.Id}");

    private static async Task<Results<Ok<Page<QuestionDto>>, ApiProblem>> ListQuestions(Guid? orgUnitId, string? type, string? category, int? difficulty,
        string? q, bool? includeRetired, bool? includeAbove, int? page, int? pageSize, QuestionBank h, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        QuestionType? t = null;
        CourseCategory? c = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (!Enum.TryParse<QuestionType>(type, true, out var parsed) || !Enum.IsDefined(parsed))
                return new ApiProblem(Error.Validation("type", L["Validation.OneOf", "type", string.Join(", ", Enum.GetNames<QuestionType>())]));
            t = parsed;
        }
        if (!string.IsNullOrEmpty(category))
        {
            if (!Enum.TryParse<CourseCategory>(category, true, out var parsed) || !Enum.IsDefined(parsed))
                return new ApiProblem(Error.Validation("category", L["Validation.OneOf", "category", string.Join(", ", Enum.GetNames<CourseCategory>())]));
            c = parsed;
        }
        return ApiReply.Ok(await h.ListAsync(orgUnitId, new QuestionFilter(t, c, difficulty, q, includeRetired == true, includeAbove == true),
            PageRequest.Of(page, pageSize), ct));
    }

    private static async Task<Results<FileContentHttpResult, ApiProblem>> ExportQuestions(Guid? orgUnitId, QuestionBank h, IStringLocalizer<ExamsText> T,
        IStringLocalizer<EducationText> E, CancellationToken ct) =>
        ApiReply.File(await h.AllAsync(orgUnitId, ct), x => ImportQuestions.Export(x.Questions, T, E), XlsxWriter.ContentType,
            x => $"{T["QuestionImport.FileName"]}-{x.Unit.Name}.xlsx");

    private static async Task<Results<Ok<QuestionDto>, ApiProblem>> GetQuestion(Guid questionId, QuestionBank h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(questionId, ct));

    private static async Task<Results<Ok<QuestionDto>, ApiProblem>> UpdateQuestion(Guid questionId, QuestionRequest body, QuestionBank h, CancellationToken ct) =>
        ApiReply.Ok(await h.UpdateAsync(questionId, body, ct));

    private static async Task<Results<Ok<QuestionDto>, ApiProblem>> RetireQuestion(Guid questionId, QuestionBank h, CancellationToken ct) =>
        ApiReply.Ok(await h.RetireAsync(questionId, ct));

    private static FileContentHttpResult Template(IStringLocalizer<ExamsText> T, IStringLocalizer<EducationText> E) =>
        TypedResults.File(ImportQuestions.Template(T, E), XlsxWriter.ContentType, T["QuestionImport.TemplateFile"]);

    private static async Task<Results<Created<PaperDto>, ApiProblem>> CreatePaper(CreatePaperRequest body, Papers h, CancellationToken ct) =>
        ApiReply.Created(await h.CreateAsync(body, ct), p => $"/api/v1/education/papers/{p.Id}");

    private static async Task<Results<Ok<Page<PaperDto>>, ApiProblem>> ListPapers(Guid? orgUnitId, int? page, int? pageSize, Papers h, CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(orgUnitId, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<PaperDto>, ApiProblem>> GetPaper(Guid paperId, Papers h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(paperId, ct));

    private static async Task<Results<Created<ExamDto>, ApiProblem>> PublishExam(PublishExamRequest body, ExamsService h, CancellationToken ct) =>
        ApiReply.Created(await h.PublishAsync(body, ct), e => $"/api/v1/education/exams/{e.Id}");

    private static async Task<Results<Ok<Page<ExamDto>>, ApiProblem>> ListExams(Guid? orgUnitId, bool? contests, int? page, int? pageSize, ExamsService h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.ListAsync(orgUnitId, contests, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<IReadOnlyList<MyExamDto>>, ApiProblem>> MyExams(ExamsService h, CancellationToken ct) =>
        ApiReply.Ok(await h.MineAsync(ct));

    private static async Task<Results<Ok<ExamDto>, ApiProblem>> GetExam(Guid examId, ExamsService h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(examId, ct));

    private static async Task<Results<Ok<ExamResultsDto>, ApiProblem>> Results(Guid examId, Guid? orgUnitId, ExamsService h, CancellationToken ct) =>
        ApiReply.Ok(await h.ResultsAsync(examId, orgUnitId, ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> ExportResults(Guid examId, Guid? orgUnitId, ExamsService h, CancellationToken ct) =>
        ApiReply.File(await h.ExportResultsAsync(examId, orgUnitId, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<Ok<AttemptDto>, ApiProblem>> StartAttempt(Guid examId, Attempts h, CancellationToken ct) =>
        ApiReply.Ok(await h.StartAsync(examId, ct));

    private static async Task<Results<Ok<AttemptDto>, ApiProblem>> GetAttempt(Guid attemptId, Attempts h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(attemptId, ct));

    private static async Task<Results<Ok<AttemptDto>, ApiProblem>> SaveAnswers(Guid attemptId, SaveAnswersRequest body, Attempts h, CancellationToken ct) =>
        ApiReply.Ok(await h.SaveAsync(attemptId, body, ct));

    private static async Task<Results<Ok<AttemptDto>, ApiProblem>> Submit(Guid attemptId, SaveAnswersRequest body, Attempts h, CancellationToken ct) =>
        ApiReply.Ok(await h.SubmitAsync(attemptId, body, ct));

    private static async Task<Results<Ok<RankingDto>, ApiProblem>> Ranking(Guid examId, Guid? orgUnitId, ContestRanking h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(examId, orgUnitId, ct));

    private static async Task<Results<Ok<Page<WrongAnswerDto>>, ApiProblem>> MyWrongAnswers(bool? includeMastered, int? page, int? pageSize, WrongAnswerBook h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.MineAsync(includeMastered == true, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<PracticeResultDto>, ApiProblem>> Practice(Guid wrongAnswerId, PracticeRequest body, WrongAnswerBook h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.PracticeAsync(wrongAnswerId, body, ct));
}

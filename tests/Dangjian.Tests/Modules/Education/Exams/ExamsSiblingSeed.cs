using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Exams;

namespace Dangjian.Tests.Modules.Education.Exams;

/// <summary>Each side's question, paper, exam (a contest), an attempt of its member, a wrong answer and a question import upload.</summary>
public sealed class ExamsSiblingSeed : ISiblingSeed
{
    public async Task SeedAsync(AppFixture app, SiblingSeedContext side)
    {
        var now = app.Clock.GetUtcNow();
        var t = side.Tenant.TenantId;
        var question = new ExamQuestion
        {
            Id = Guid.CreateVersion7(now), TenantId = t, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, Type = QuestionType.TrueFalse,
            Category = CourseCategory.PartyRules, Difficulty = 2, Stem = $"{side.Label}题目{side.Marker}", Answer = "T", CreatedAt = now,
        };
        var paper = new ExamPaper { Id = Guid.CreateVersion7(now), TenantId = t, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, Title = $"{side.Label}试卷{side.Marker}", CreatedAt = now };
        paper.Parts.Add(new ExamPaperPart { Id = Guid.CreateVersion7(now), TenantId = t, PaperId = paper.Id, QuestionId = question.Id, Count = 1, Points = 10 });
        var exam = new Exam
        {
            Id = Guid.CreateVersion7(now), TenantId = t, OrgUnitId = side.Unit.Id, OrgPath = side.Unit.Path, PaperId = paper.Id, Title = $"{side.Label}竞赛{side.Marker}",
            IsContest = true, OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(1), TimeLimitMinutes = 30, AttemptsAllowed = 2, PassMark = 6, CreatedAt = now,
        };
        var attempt = new ExamAttempt
        {
            Id = Guid.CreateVersion7(now), TenantId = t, ExamId = exam.Id, MemberId = side.Member.Id, MemberName = side.Member.Name, OrgUnitId = side.Unit.Id,
            OrgPath = side.Unit.Path, Number = 1, StartedAt = now.AddMinutes(-20), DeadlineAt = now.AddMinutes(10), SubmittedAt = now.AddMinutes(-5),
            Status = AttemptStatus.Submitted, Score = 0, MaxScore = 10, Seconds = 900,
        };
        attempt.Answers.Add(new ExamAttemptAnswer { Id = Guid.CreateVersion7(now), TenantId = t, AttemptId = attempt.Id, QuestionId = question.Id, Points = 10, Given = "F", Correct = false });
        var wrong = new WrongAnswer { Id = Guid.CreateVersion7(now), TenantId = t, MemberId = side.Member.Id, QuestionId = question.Id, LastAttemptId = attempt.Id, Times = 1, LastWrongAt = now };
        var upload = new Dangjian.Web.Platform.Import.ImportUpload
        {
            Id = Guid.CreateVersion7(now), TenantId = t, UserId = side.Secretary.Id, OrgUnitId = side.Unit.Id, Kind = Dangjian.Web.Modules.Education.Exams.Import.ImportQuestions.UploadKind,
            FileName = $"{side.Label}题库{side.Marker}.xlsx", Content = [1, 2, 3], CreatedAt = now,
        };
        await app.InTenantAsync(t, async db =>
        {
            db.ExamQuestions.Add(question);
            db.ExamPapers.Add(paper);
            db.Exams.Add(exam);
            db.ExamAttempts.Add(attempt);
            db.WrongAnswers.Add(wrong);
            db.ImportUploads.Add(upload);
            await db.SaveChangesAsync();
        });
        side.RouteValues["questionId"] = question.Id;
        side.RouteValues["paperId"] = paper.Id;
        side.RouteValues["examId"] = exam.Id;
        side.RouteValues["attemptId"] = attempt.Id;
        side.RouteValues["wrongAnswerId"] = wrong.Id;
        side.RouteValues["question-imports/importId"] = upload.Id;
        side.BodyValues["paperid"] = () => System.Text.Json.Nodes.JsonValue.Create(paper.Id);
        side.BodyValues["questionid"] = () => System.Text.Json.Nodes.JsonValue.Create(question.Id);
        side.BodyValues["type"] = () => System.Text.Json.Nodes.JsonValue.Create("TrueFalse");
        side.BodyValues["category"] = () => System.Text.Json.Nodes.JsonValue.Create("Theory");
        side.BodyValues["mode"] = () => System.Text.Json.Nodes.JsonValue.Create("Fixed");
        side.Secrets.AddRange([question.Stem, paper.Title, exam.Title, upload.FileName, question.Id.ToString(), paper.Id.ToString(), exam.Id.ToString(), attempt.Id.ToString()]);
        side.Items["exams:question"] = question.Id;
    }

    public async Task CheckUntouchedAsync(AppFixture app, SiblingSeedContext side)
    {
        var id = (Guid)side.Items["exams:question"];
        var q = await app.InTenantAsync(side.Tenant.TenantId, db => db.ExamQuestions.AsNoTracking().SingleAsync(x => x.Id == id));
        q.Stem.ShouldBe($"{side.Label}题目{side.Marker}");
        q.RetiredAt.ShouldBeNull();
    }
}

/// <summary>What the Exams feature's request types write.</summary>
public sealed class ExamsRequestWrites : IRequestWrites
{
    public IReadOnlyDictionary<string, string[]> Writes { get; } = new Dictionary<string, string[]>
    {
        ["QuestionRequest"] = ["ExamQuestion"],
        ["CreatePaperRequest"] = ["ExamPaper", "rules[].category=ExamPaperPart.Category"],
        ["PublishExamRequest"] = ["Exam"],
        ["SaveAnswersRequest"] = ["answers[].answer=ExamAttemptAnswer.Given"],
        ["PracticeRequest"] = ["answer=WrongAnswer.LastGiven"],
    };
}

using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Education.Exams;

public sealed record AnswerInput(Guid? QuestionId, [MaxLength(400)] string? Answer);

/// <summary>Answers to keep (saving) or to hand in with (submitting); a question left out keeps what was saved.</summary>
public sealed record SaveAnswersRequest(IReadOnlyList<AnswerInput>? Answers);

/// <summary>
/// A question of an attempt. Before the attempt is closed it carries no key: <c>answer</c>, <c>explanation</c>,
/// <c>correct</c> and <c>earned</c> are null until then.
/// </summary>
public sealed record AttemptQuestionDto(Guid QuestionId, int Position, QuestionType Type, string Stem, IReadOnlyList<string> Options, int Points, string? Given,
    bool? Correct, double? Earned, string? Answer, string? Explanation);

public sealed record AttemptDto(Guid Id, Guid ExamId, string ExamTitle, bool IsContest, int Number, AttemptStatus Status, DateTimeOffset StartedAt,
    DateTimeOffset DeadlineAt, int SecondsLeft, DateTimeOffset? SubmittedAt, double? Score, int MaxScore, int PassMark, bool? Passed, int? Seconds,
    IReadOnlyList<AttemptQuestionDto> Questions);

/// <summary>
/// A member's attempt: started by the server (which records the start and the questions drawn), answers saved while
/// its time lasts (docs/rules/education.md#ex-1), submitted and graded (docs/rules/education.md#ex-3). An attempt whose time
/// ran out is closed by the server on the next touch, graded on what was saved in time.
/// </summary>
public sealed class Attempts(AppDbContext db, ExamsAccess exams, Papers papers, TimeProvider clock,
    IOptions<ExamsOptions> options, IStringLocalizer<SharedResource> L, IStringLocalizer<ExamsText> T, InputCheck inputCheck)
{
    public async Task<Result<AttemptDto>> StartAsync(Guid examId, CancellationToken ct)
    {
        var me = await exams.MeAsync(ct);
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId, ct);
        // Only a member the exam was published to (their unit or one above it) takes it; to anyone else it does not exist.
        if (exam is null || me is null || !OrgPaths.IsWithin(me.OrgPath, exam.OrgPath)) return exams.ExamNotFound;
        var now = clock.GetUtcNow();
        var mine = await db.ExamAttempts.Include(a => a.Answers).Where(a => a.ExamId == examId && a.MemberId == me.Id).ToListAsync(ct);
        if (mine.FirstOrDefault(a => a.Status == AttemptStatus.InProgress) is { } open)
        {
            if (AttemptRules.Accepts(now, open.DeadlineAt, options.Value.GraceSeconds)) return await ToDtoAsync(open, exam, now, ct);
            // Closed by another request at the same moment: start again from what that request left.
            if (!await CloseAsync(open, exam, AttemptStatus.TimedOut, now, ct)) return await StartAsync(examId, ct);
        }
        switch (AttemptRules.MayStart(now, exam.OpensAt, exam.ClosesAt, mine.Count, exam.AttemptsAllowed))
        {
            case AttemptRules.StartRefusal.NotYetOpen:
                return Error.Rule("EXAM_NOT_OPEN", T["Attempt.NotYetOpen", Platform.Clock.ChinaTime.Format(exam.OpensAt)], AttemptRules.TimeArticle);
            case AttemptRules.StartRefusal.Closed:
                return Error.Rule("EXAM_CLOSED", T["Attempt.Closed", Platform.Clock.ChinaTime.Format(exam.ClosesAt)], AttemptRules.TimeArticle);
            case AttemptRules.StartRefusal.NoAttemptsLeft:
                return Error.Rule("EXAM_NO_ATTEMPTS", T["Attempt.NoneLeft", exam.AttemptsAllowed], AttemptRules.AttemptsArticle);
        }
        var paper = await db.ExamPapers.AsNoTracking().Include(p => p.Parts).FirstAsync(p => p.Id == exam.PaperId, ct);
        var drawn = await papers.DrawAsync(paper, exam.OrgPath, Random.Shared, ct);
        var attempt = new ExamAttempt
        {
            Id = Guid.CreateVersion7(now), ExamId = exam.Id, MemberId = me.Id, MemberName = me.Name, OrgUnitId = me.OrgUnitId, OrgPath = me.OrgPath,
            Number = mine.Count + 1, StartedAt = now, DeadlineAt = AttemptRules.Deadline(now, exam.TimeLimitMinutes, exam.ClosesAt),
            Status = AttemptStatus.InProgress, MaxScore = drawn.Sum(d => d.Points),
        };
        attempt.Answers.AddRange(drawn.Select((d, i) => new ExamAttemptAnswer
        {
            Id = Guid.CreateVersion7(now), AttemptId = attempt.Id, QuestionId = d.QuestionId, Position = i, Points = d.Points,
        }));
        db.ExamAttempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(attempt, exam, now, ct);
    }

    public async Task<Result<AttemptDto>> GetAsync(Guid attemptId, CancellationToken ct)
    {
        var loaded = await LoadAsync(attemptId, ownerOnly: false, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (attempt, exam) = loaded.Value;
        var now = clock.GetUtcNow();
        if (attempt.Status == AttemptStatus.InProgress && !AttemptRules.Accepts(now, attempt.DeadlineAt, options.Value.GraceSeconds)
            && !await CloseAsync(attempt, exam, AttemptStatus.TimedOut, now, ct))
            return await GetAsync(attemptId, ct);
        return await ToDtoAsync(attempt, exam, now, ct);
    }

    public async Task<Result<AttemptDto>> SaveAsync(Guid attemptId, SaveAnswersRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await LoadAsync(attemptId, ownerOnly: true, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (attempt, exam) = loaded.Value;
        var now = clock.GetUtcNow();
        if (attempt.Status != AttemptStatus.InProgress) return Error.Conflict("ATTEMPT_CLOSED", T["Attempt.AlreadyClosed"]);
        if (!AttemptRules.Accepts(now, attempt.DeadlineAt, options.Value.GraceSeconds))
        {
            await CloseAsync(attempt, exam, AttemptStatus.TimedOut, now, ct);
            return Error.Rule("ATTEMPT_TIME_UP", T["Attempt.TimeUp"], AttemptRules.TimeArticle);
        }
        if (Apply(attempt, r, now) is { } bad) return bad;
        // The attempt's row is written too (its status unchanged), so that answers saved while another request hands the
        // attempt in are refused rather than kept beside a grade that did not see them.
        db.Entry(attempt).Property(a => a.Status).IsModified = true;
        if (!await TrySaveAsync(ct)) return Error.Conflict("ATTEMPT_CLOSED", T["Attempt.AlreadyClosed"]);
        return await ToDtoAsync(attempt, exam, now, ct);
    }

    /// <summary>Hands the attempt in (with last answers, if in time) and grades it; after the time, closes it on what was saved.</summary>
    public async Task<Result<AttemptDto>> SubmitAsync(Guid attemptId, SaveAnswersRequest? r, CancellationToken ct)
    {
        if (r is not null && inputCheck.Check(r) is { } badText) return badText;
        var loaded = await LoadAsync(attemptId, ownerOnly: true, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (attempt, exam) = loaded.Value;
        var now = clock.GetUtcNow();
        if (attempt.Status != AttemptStatus.InProgress) return Error.Conflict("ATTEMPT_CLOSED", T["Attempt.AlreadyClosed"]);
        if (!AttemptRules.Accepts(now, attempt.DeadlineAt, options.Value.GraceSeconds))
        {
            if (!await CloseAsync(attempt, exam, AttemptStatus.TimedOut, now, ct)) return Error.Conflict("ATTEMPT_CLOSED", T["Attempt.AlreadyClosed"]);
        }
        else
        {
            if (r is not null && Apply(attempt, r, now) is { } bad) return bad;
            // Handed in twice at once (a double tap, a retried request): one grades it, the other is told it is closed.
            if (!await CloseAsync(attempt, exam, AttemptStatus.Submitted, now, ct)) return Error.Conflict("ATTEMPT_CLOSED", T["Attempt.AlreadyClosed"]);
        }
        return await ToDtoAsync(attempt, exam, now, ct);
    }

    private Error? Apply(ExamAttempt attempt, SaveAnswersRequest r, DateTimeOffset now)
    {
        foreach (var a in r.Answers ?? [])
        {
            var line = attempt.Answers.FirstOrDefault(x => x.QuestionId == a.QuestionId);
            if (line is null) return Error.Validation("answers", T["Attempt.NotInAttempt"]);
            var given = string.IsNullOrWhiteSpace(a.Answer) ? null : a.Answer.Trim();
            if (given?.Length > 400) return Error.Validation("answers", L["Validation.TooLong", "answer", 400]);
            line.Given = given;
            line.AnsweredAt = now;
        }
        return null;
    }

    /// <summary>
    /// Grades and closes the attempt, and files each question it got wrong in the member's 错题本; false (nothing written)
    /// when another request closed it first: the attempt's status is its concurrency token, so each attempt is graded once.
    /// </summary>
    private async Task<bool> CloseAsync(ExamAttempt attempt, Exam exam, AttemptStatus status, DateTimeOffset now, CancellationToken ct)
    {
        var ids = attempt.Answers.Select(a => a.QuestionId).ToList();
        var questions = await db.ExamQuestions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        foreach (var a in attempt.Answers)
        {
            if (!questions.TryGetValue(a.QuestionId, out var q)) continue;
            (a.Correct, a.Earned) = AnswerRules.Grade(q.Type, q.Answer, a.Given, a.Points, exam.PartialCredit, QuestionBank.Words);
        }
        attempt.Status = status;
        attempt.SubmittedAt = status == AttemptStatus.Submitted ? now : attempt.DeadlineAt;
        attempt.Score = Math.Round(attempt.Answers.Sum(a => a.Earned), 1);
        attempt.Passed = AttemptRules.Passed(attempt.Score, exam.PassMark);
        attempt.Seconds = (int)Math.Round(((attempt.SubmittedAt.Value < attempt.DeadlineAt ? attempt.SubmittedAt.Value : attempt.DeadlineAt) - attempt.StartedAt).TotalSeconds);
        var wrong = attempt.Answers.Where(a => a.Correct == false).ToList();
        var wrongIds = wrong.Select(a => a.QuestionId).ToList();
        var book = await db.WrongAnswers.Where(w => w.MemberId == attempt.MemberId && wrongIds.Contains(w.QuestionId)).ToDictionaryAsync(w => w.QuestionId, ct);
        foreach (var a in wrong)
        {
            if (!book.TryGetValue(a.QuestionId, out var w))
            {
                w = new WrongAnswer { Id = Guid.CreateVersion7(now), MemberId = attempt.MemberId, QuestionId = a.QuestionId };
                db.WrongAnswers.Add(w);
            }
            w.LastAttemptId = attempt.Id;
            w.LastGiven = a.Given;
            w.Times++;
            w.LastWrongAt = now;
            w.MasteredAt = null;
        }
        return await TrySaveAsync(ct);
    }

    /// <summary>Saves, or forgets every pending change when the attempt's row was changed by another request meanwhile.</summary>
    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<Result<(ExamAttempt Attempt, Exam Exam)>> LoadAsync(Guid attemptId, bool ownerOnly, CancellationToken ct)
    {
        var attempt = await db.ExamAttempts.Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == attemptId, ct);
        if (attempt is null) return Error.NotFound(T["Attempt.NotFound"]);
        var me = await exams.MeAsync(ct);
        var own = me is not null && me.Id == attempt.MemberId;
        // Someone else's attempt: only its managers read it (never change it), and to others it does not exist.
        if (!own && (ownerOnly || !exams.User.Can(Permission.ManageEducation, attempt.OrgPath))) return Error.NotFound(T["Attempt.NotFound"]);
        var exam = await db.Exams.AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
        return (attempt, exam);
    }

    private async Task<AttemptDto> ToDtoAsync(ExamAttempt a, Exam exam, DateTimeOffset now, CancellationToken ct)
    {
        var ids = a.Answers.Select(x => x.QuestionId).ToList();
        var questions = await db.ExamQuestions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var closed = a.Status != AttemptStatus.InProgress;
        var lines = a.Answers.OrderBy(x => x.Position).Where(x => questions.ContainsKey(x.QuestionId)).Select(x =>
        {
            var q = questions[x.QuestionId];
            return new AttemptQuestionDto(q.Id, x.Position, q.Type, q.Stem, q.OptionList, x.Points, x.Given, closed ? x.Correct : null, closed ? x.Earned : null,
                closed ? q.Answer : null, closed ? q.Explanation : null);
        }).ToList();
        return new AttemptDto(a.Id, exam.Id, exam.Title, exam.IsContest, a.Number, a.Status, a.StartedAt, a.DeadlineAt,
            closed ? 0 : AttemptRules.SecondsLeft(now, a.DeadlineAt), a.SubmittedAt, closed ? a.Score : null, a.MaxScore, exam.PassMark, closed ? a.Passed : null,
            closed ? a.Seconds : null, lines);
    }
}

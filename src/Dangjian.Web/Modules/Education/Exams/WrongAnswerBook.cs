using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Exams;

public sealed record PracticeRequest([MaxLength(400)] string? Answer);

public sealed record WrongAnswerDto(Guid Id, Guid QuestionId, QuestionType Type, CourseCategory Category, string Stem, IReadOnlyList<string> Options,
    string Answer, string? Explanation, string? LastGiven, int Times, DateTimeOffset LastWrongAt, DateTimeOffset? MasteredAt);

public sealed record PracticeResultDto(Guid Id, bool Correct, string Answer, string? Explanation, bool Mastered);

/// <summary>
/// 错题本: each question the member got wrong in a closed attempt, with the key and its explanation; practising it and
/// answering right marks it mastered. Only the member's own.
/// </summary>
public sealed class WrongAnswerBook(AppDbContext db, ExamsAccess exams, TimeProvider clock, IStringLocalizer<ExamsText> T, InputCheck inputCheck)
{
    public async Task<Result<Page<WrongAnswerDto>>> MineAsync(bool includeMastered, PageRequest page, CancellationToken ct)
    {
        var me = await exams.MeAsync(ct);
        if (me is null) return new Page<WrongAnswerDto>([], page.Page, page.PageSize, 0);
        var q = db.WrongAnswers.AsNoTracking().Where(w => w.MemberId == me.Id);
        if (!includeMastered) q = q.Where(w => w.MasteredAt == null);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(w => w.LastWrongAt).ThenBy(w => w.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var ids = rows.Select(w => w.QuestionId).ToList();
        var questions = await db.ExamQuestions.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var items = rows.Where(w => questions.ContainsKey(w.QuestionId)).Select(w =>
        {
            var x = questions[w.QuestionId];
            return new WrongAnswerDto(w.Id, x.Id, x.Type, x.Category, x.Stem, x.OptionList, x.Answer, x.Explanation, w.LastGiven, w.Times, w.LastWrongAt, w.MasteredAt);
        }).ToList();
        return new Page<WrongAnswerDto>(items, page.Page, page.PageSize, total);
    }

    public async Task<Result<PracticeResultDto>> PracticeAsync(Guid wrongAnswerId, PracticeRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var me = await exams.MeAsync(ct);
        var w = me is null ? null : await db.WrongAnswers.FirstOrDefaultAsync(x => x.Id == wrongAnswerId && x.MemberId == me.Id, ct);
        if (w is null) return Error.NotFound(T["Wrong.NotFound"]);
        var q = await db.ExamQuestions.AsNoTracking().FirstAsync(x => x.Id == w.QuestionId, ct);
        var (correct, _) = AnswerRules.Grade(q.Type, q.Answer, r.Answer, 1, false, QuestionBank.Words);
        if (correct) w.MasteredAt ??= clock.GetUtcNow();
        else w.LastGiven = string.IsNullOrWhiteSpace(r.Answer) ? w.LastGiven : r.Answer.Trim();
        await db.SaveChangesAsync(ct);
        return new PracticeResultDto(w.Id, correct, q.Answer, q.Explanation, w.MasteredAt is not null);
    }
}

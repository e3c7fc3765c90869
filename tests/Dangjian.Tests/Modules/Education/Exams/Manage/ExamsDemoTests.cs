using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Courses;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web;
using Dangjian.Web.Seeding.Education;
using Microsoft.Extensions.Localization;

namespace Dangjian.Tests.Modules.Education.Exams.Manage;

/// <summary>
/// The demo's exams hold together: a valid bank of every type, category and difficulty, papers the bank can fill, and
/// attempts whose scores, passes, wrong-answer book and per-branch results are what the real grading gives.
/// </summary>
public sealed class ExamsDemoTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Demo_BankPapersExams_AndEveryAttemptRegradesToItsScore()
    {
        var (tenant, _) = await TestTenant.SeedAsync(app, 300);
        await using (var scope = app.Scope(tenant.TenantId))
        {
            await EducationDemo.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), app.Clock, default);
        }
        await using var read = app.Scope(tenant.TenantId);
        var db = read.ServiceProvider.GetRequiredService<AppDbContext>();
        var T = read.ServiceProvider.GetRequiredService<IStringLocalizer<ExamsText>>();
        var L = read.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();

        var questions = await db.ExamQuestions.AsNoTracking().ToListAsync();
        questions.Count.ShouldBe(40);
        questions.Select(q => q.Type).Distinct().Count().ShouldBe(4);
        questions.Select(q => q.Category).Distinct().ShouldBe([CourseCategory.PartyHistory, CourseCategory.PartyRules, CourseCategory.Policy, CourseCategory.Integrity],
            ignoreOrder: true);
        questions.Select(q => q.Difficulty).Distinct().Order().ShouldBe([1, 2, 3, 4, 5]);
        foreach (var q in questions)
        {
            // Each is a question the API itself would accept, stored in its canonical form.
            var answer = q.Type == QuestionType.TrueFalse ? (q.Answer == "T" ? "对" : "错") : q.Answer;
            var check = QuestionBank.Check(new QuestionRequest(null, q.Type.ToString(), q.Category.ToString(), q.Difficulty, q.Stem, q.OptionList, answer, q.Explanation), T, L);
            check.IsSuccess.ShouldBeTrue(q.Stem);
            check.Value!.Answer.ShouldBe(q.Answer, q.Stem);
        }

        var papers = await db.ExamPapers.AsNoTracking().Include(p => p.Parts).ToListAsync();
        papers.Select(p => p.Mode).Order().ShouldBe([PaperMode.Fixed, PaperMode.Random]);
        papers.ShouldAllBe(p => p.Parts.Sum(x => x.Count * x.Points) == 100);
        var pool = questions.Select(q => new PaperRules.PoolQuestion(q.Id, q.Category, q.Difficulty)).ToList();
        PaperRules.Shortfall(papers.Single(p => p.Mode == PaperMode.Random).Parts, pool).ShouldBeNull();

        var exams = await db.Exams.AsNoTracking().ToListAsync();
        var now = app.Clock.GetUtcNow();
        exams.Select(e => (e.IsContest, ExamsService.StateOf(e, now))).Order().ShouldBe([(false, "Closed"), (false, "Open"), (true, "Open")]);

        var attempts = await db.ExamAttempts.AsNoTracking().Include(a => a.Answers).ToListAsync();
        var closed = exams.Single(e => ExamsService.StateOf(e, now) == "Closed");
        var contest = exams.Single(e => e.IsContest);
        attempts.Count(a => a.ExamId == closed.Id).ShouldBeGreaterThan(3);
        attempts.Count(a => a.ExamId == contest.Id).ShouldBeGreaterThan(3);
        var byId = questions.ToDictionary(q => q.Id);
        var paperOf = papers.ToDictionary(p => p.Id);
        foreach (var a in attempts)
        {
            var exam = exams.Single(e => e.Id == a.ExamId);
            a.Status.ShouldBe(AttemptStatus.Submitted);
            a.SubmittedAt.ShouldNotBeNull();
            a.SubmittedAt!.Value.ShouldBeLessThanOrEqualTo(a.DeadlineAt);
            a.StartedAt.ShouldBeGreaterThanOrEqualTo(exam.OpensAt);
            foreach (var x in a.Answers)
            {
                var q = byId[x.QuestionId];
                AnswerRules.Grade(q.Type, q.Answer, x.Given, x.Points, exam.PartialCredit, QuestionBank.Words).ShouldBe((x.Correct!.Value, x.Earned));
            }
            a.Score.ShouldBe(Math.Round(a.Answers.Sum(x => x.Earned), 1));
            a.Passed.ShouldBe(AttemptRules.Passed(a.Score, exam.PassMark));
            a.MaxScore.ShouldBe(paperOf[exam.PaperId].Parts.Sum(p => p.Count * p.Points));
            a.Answers.Select(x => x.QuestionId).Distinct().Count().ShouldBe(a.Answers.Count);
            // A random paper's draw keeps its rules: five of each category at least.
            foreach (var c in new[] { CourseCategory.PartyRules, CourseCategory.PartyHistory, CourseCategory.Integrity, CourseCategory.Policy })
                a.Answers.Count(x => byId[x.QuestionId].Category == c).ShouldBeGreaterThanOrEqualTo(5);
        }
        attempts.ShouldContain(a => a.Passed);
        attempts.ShouldContain(a => !a.Passed);

        // The 错题本 holds exactly the questions answered wrong, as often as they were.
        var wrong = attempts.SelectMany(a => a.Answers.Where(x => x.Correct == false).Select(x => (a.MemberId, x.QuestionId)))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var book = await db.WrongAnswers.AsNoTracking().ToListAsync();
        book.ToDictionary(w => (w.MemberId, w.QuestionId), w => w.Times).ShouldBe(wrong, ignoreOrder: true);

        // The results the managers read agree with the attempts.
        using var admin = await app.ClientForAsync(tenant.Admin);
        var results = await admin.GetJsonAsync($"/api/v1/education/exams/{closed.Id}/results");
        var mine = attempts.Where(a => a.ExamId == closed.Id).ToList();
        results["took"]!.GetValue<int>().ShouldBe(mine.Select(a => a.MemberId).Distinct().Count());
        results["passed"]!.GetValue<int>().ShouldBe(mine.Count(a => a.Passed));
        results["passRate"]!.GetValue<double>().ShouldBe(Math.Round(100.0 * mine.Count(a => a.Passed) / mine.Count, 1));
        results["branches"]!.AsArray().Count(b => b!["took"]!.GetValue<int>() > 0).ShouldBe(2);
        var ranking = await admin.GetJsonAsync($"/api/v1/education/contests/{contest.Id}/ranking");
        ranking["members"]!.AsArray().Count.ShouldBe(attempts.Where(a => a.ExamId == contest.Id).Select(a => a.MemberId).Distinct().Count());
        var page = await admin.GetStringAsync($"/education/exams/manage/{closed.Id}");
        page.ShouldContain(mine[0].MemberName);

        // A branch's secretary opening the root's exam reads their own branch: its people, none of the other branch.
        var branches = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == Dangjian.Web.Modules.Organizations.OrgUnitKind.Branch).OrderBy(u => u.Path).Take(2).ToListAsync();
        var secretary = await tenant.AddUserAsync(branches[0], Dangjian.Web.Platform.Auth.AppRole.BranchSecretary);
        using var sec = await app.ClientForAsync(secretary);
        var theirs = await sec.GetStringAsync($"/education/exams/manage/{closed.Id}");
        var inside = mine.Where(a => a.OrgPath.StartsWith(branches[0].Path, StringComparison.Ordinal)).ToList();
        var outside = mine.Where(a => a.OrgPath.StartsWith(branches[1].Path, StringComparison.Ordinal)).ToList();
        inside.ShouldNotBeEmpty();
        outside.ShouldNotBeEmpty();
        theirs.ShouldContain(inside[0].MemberName);
        foreach (var a in outside.Where(o => inside.All(i => i.MemberName != o.MemberName))) theirs.ShouldNotContain(a.MemberName);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Modules.Education.Exams.Pages;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Education.Exams.Member;

/// <summary>
/// The member's side of the exams, rendered by the app (static SSR) for real accounts: my exams, starting an attempt,
/// saving and handing in answers through the page's form, the server's refusal of late answers, the review with the keys,
/// the wrong-answer book's practice, the contest ranking, and the exam scores in the learning archive with its access.
/// </summary>
public sealed partial class ExamMemberPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [GeneratedRegex("/education/exams/attempts/([0-9a-f-]{36})")]
    private static partial Regex AttemptLink();

    [Theory]
    [InlineData(QuestionType.Multiple, new[] { "C", "a", "" }, "AC")]
    [InlineData(QuestionType.Multiple, new[] { "B", "B" }, "B")]
    [InlineData(QuestionType.Single, new[] { "B" }, "B")]
    [InlineData(QuestionType.TrueFalse, new[] { "F" }, "F")]
    [InlineData(QuestionType.FillIn, new[] { "  1921 " }, "1921")]
    [InlineData(QuestionType.FillIn, new[] { " " }, null)]
    [InlineData(QuestionType.Multiple, new string[0], null)]
    public void Form_ToAnswer(QuestionType type, string[] values, string? expected) => AnswerText.FromForm(type, values).ShouldBe(expected);

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(59, "0:59")]
    [InlineData(600, "10:00")]
    [InlineData(3599, "59:59")]
    [InlineData(3600, "1:00:00")]
    [InlineData(-5, "0:00")]
    public void Clock_MinutesAndSeconds(int seconds, string expected) => AnswerText.Clock(seconds).ShouldBe(expected);

    [Theory]
    [InlineData(QuestionType.Multiple, "AC", "C", true)]
    [InlineData(QuestionType.Multiple, "AC", "B", false)]
    [InlineData(QuestionType.Single, "A", "A", true)]
    [InlineData(QuestionType.TrueFalse, "T", "F", false)]
    [InlineData(QuestionType.Single, null, "A", false)]
    public void Picked_ChoiceInGiven(QuestionType type, string? given, string choice, bool picked) => AnswerText.Picked(type, given, choice).ShouldBe(picked);

    private sealed record World(TestTenant Tenant, OrgUnit Branch, HttpClient Manager, HttpClient Member, Guid MemberId, HttpClient Other, Guid OtherId,
        HttpClient SiblingSecretary, HttpClient BranchSecretary, Guid Single, Guid Fill, Guid ExamId);

    /// <summary>A branch with two members holding accounts, a secretary there and one in a sibling branch, and a contest of two questions open now.</summary>
    private async Task<World> WorldAsync(int timeLimitMinutes = 20, int attempts = 2)
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("考试支部"));
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("兄弟支部"));
        var manager = await app.ClientForAsync(await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker));
        var members = await tenant.AddMembersAsync(branch, 2);
        var me = await tenant.AddMemberAccountAsync(branch, members[0].Id);
        var other = await tenant.AddMemberAccountAsync(branch, members[1].Id);
        var single = await QuestionAsync(manager, tenant.Root.Id, new
        {
            type = "Single", stem = "党的最高领导机关是？", options = new[] { "党的全国代表大会和它所产生的中央委员会", "国务院" }, answer = "A",
        });
        var fill = await QuestionAsync(manager, tenant.Root.Id, new { type = "FillIn", stem = "中国共产党成立于____年。", answer = "1921" });
        using var paperResp = await manager.PostAsJsonAsync("/api/v1/education/papers", new
        {
            orgUnitId = tenant.Root.Id, title = "固定卷", mode = "Fixed", items = new[] { new { questionId = single, points = 40 }, new { questionId = fill, points = 60 } },
        });
        var paper = (await paperResp.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var now = app.Clock.GetUtcNow();
        using var examResp = await manager.PostAsJsonAsync("/api/v1/education/exams", new
        {
            orgUnitId = tenant.Root.Id, paperId = paper.Id(), title = TestTenant.Unique("党章知识竞赛"), isContest = true, opensAt = now.AddMinutes(-1),
            closesAt = now.AddDays(1), timeLimitMinutes = timeLimitMinutes, attemptsAllowed = attempts, passMark = 60,
        });
        var exam = (await examResp.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        return new World(tenant, branch, manager, await app.ClientForAsync(me), members[0].Id, await app.ClientForAsync(other), members[1].Id,
            await app.ClientForAsync(await tenant.AddUserAsync(sibling, AppRole.BranchSecretary)),
            await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary)), single, fill, exam.Id());
    }

    private static async Task<Guid> QuestionAsync(HttpClient c, Guid unit, object body)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        json["orgUnitId"] = unit;
        json["category"] = "PartyRules";
        json["difficulty"] = 2;
        json["explanation"] = "见党章";
        using var r = await c.PostAsJsonAsync("/api/v1/education/questions", json);
        return (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    /// <summary>Starts an attempt through the button of 我的考试 and follows the redirect to the attempt's page.</summary>
    private static async Task<Guid> StartThroughPageAsync(HttpClient member, Guid examId)
    {
        using var started = await member.PostFormAsync("/education/exams", "exam-start", new() { ["Start.ExamId"] = examId.ToString() });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var match = AttemptLink().Match(started.Headers.Location!.ToString());
        match.Success.ShouldBeTrue();
        return Guid.Parse(match.Groups[1].Value);
    }

    [Fact]
    public async Task MyExams_StartSaveSubmit_ThroughThePage_ShowsScoreAndKeys()
    {
        var w = await WorldAsync();
        var list = await w.Member.GetStringAsync("/education/exams");
        list.ShouldContain("data-testid=\"my-exams\"");
        list.ShouldContain("已用 0 / 共 2 次");
        list.ShouldContain("data-testid=\"start-attempt\"");
        var attemptId = await StartThroughPageAsync(w.Member, w.ExamId);

        var page = await w.Member.GetStringAsync($"/education/exams/attempts/{attemptId}");
        page.ShouldContain("data-exam-seconds-left=\"1200\"");
        page.ShouldContain("党的最高领导机关是？");
        page.ShouldNotContain("1921");   // no key before the attempt is closed
        page.ShouldContain("/js/education-exams.js");
        // Another member of the same branch: the refusal text, not the attempt.
        var foreign = await w.Other.GetStringAsync($"/education/exams/attempts/{attemptId}");
        foreign.ShouldContain("答卷不存在");
        foreign.ShouldNotContain("党的最高领导机关是？");

        using var saved = await w.Member.PostFormAsync($"/education/exams/attempts/{attemptId}", "attempt-answers",
            new() { [$"q-{w.Single}"] = "B", ["action"] = "save" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldEndWith("?saved=1");
        var stored = await w.Member.GetJsonAsync($"/api/v1/education/attempts/{attemptId}");
        stored["questions"]!.AsArray().Single(q => q!.Id("questionId") == w.Single)!.Str("given").ShouldBe("B");
        (await w.Member.GetStringAsync($"/education/exams/attempts/{attemptId}?saved=1")).ShouldContain("value=\"B\" checked");

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var submitted = await w.Member.PostFormAsync($"/education/exams/attempts/{attemptId}", "attempt-answers",
            new() { [$"q-{w.Single}"] = "A", [$"q-{w.Fill}"] = "１９２１", ["action"] = "submit" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var graded = await w.Member.GetJsonAsync($"/api/v1/education/attempts/{attemptId}");
        graded.Str("status").ShouldBe("Submitted");
        graded["score"]!.GetValue<double>().ShouldBe(100);
        var review = await w.Member.GetStringAsync($"/education/exams/attempts/{attemptId}");
        review.ShouldContain("data-testid=\"attempt-score\">100</strong>");
        review.ShouldContain("data-testid=\"attempt-passed\">及格");
        review.ShouldContain("data-testid=\"key\">1921</strong>");
        review.ShouldNotContain("data-testid=\"attempt-form\"");

        list = await w.Member.GetStringAsync("/education/exams");
        list.ShouldContain("已用 1 / 共 2 次");
        list.ShouldContain("100 / 100 分");
        list.ShouldContain("再考一次");
    }

    [Fact]
    public async Task Attempt_LatePost_ShowsTheServersRefusal_AndTheClosedAttempt()
    {
        var w = await WorldAsync(timeLimitMinutes: 5, attempts: 1);
        var attemptId = await StartThroughPageAsync(w.Member, w.ExamId);
        using var first = await w.Member.PostFormAsync($"/education/exams/attempts/{attemptId}", "attempt-answers",
            new() { [$"q-{w.Fill}"] = "1921", ["action"] = "save" });
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The page was left open past the limit and its grace (no script to hand it in): the server refuses the answer.
        var form = await w.Member.GetStringAsync($"/education/exams/attempts/{attemptId}");
        form.ShouldContain("data-testid=\"attempt-form\"");
        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(31));
        using var late = await w.Member.PostFormAsync($"/education/exams/attempts/{attemptId}", "attempt-answers",
            new() { [$"q-{w.Single}"] = "A", [$"q-{w.Fill}"] = "1921", ["action"] = "submit" });
        // The page shows the server's refusal above the attempt it closed on what was saved in time (60 of 100): the
        // single choice sent late does not count.
        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await late.Content.ReadAsStringAsync();
        html.ShouldContain("这份答卷已经交卷，不能再修改");
        html.ShouldContain("时间到，已自动交卷");
        html.ShouldContain("data-testid=\"attempt-score\">60</strong>");
        html.ShouldNotContain("data-testid=\"attempt-form\"");
        var closed = await w.Member.GetJsonAsync($"/api/v1/education/attempts/{attemptId}");
        closed.Str("status").ShouldBe("TimedOut");
        closed["score"]!.GetValue<double>().ShouldBe(60);
        closed["questions"]!.AsArray().Single(q => q!.Id("questionId") == w.Single)!["given"].ShouldBeNull();
    }

    [Fact]
    public async Task WrongAnswers_PracticeThroughThePage_MarksMastered_AndRankingShowsTheBest()
    {
        var w = await WorldAsync(attempts: 1);
        var attemptId = await StartThroughPageAsync(w.Member, w.ExamId);
        app.Clock.Advance(TimeSpan.FromSeconds(90));
        using var submitted = await w.Member.PostFormAsync($"/education/exams/attempts/{attemptId}", "attempt-answers",
            new() { [$"q-{w.Single}"] = "B", [$"q-{w.Fill}"] = "1921", ["action"] = "submit" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var book = await w.Member.GetStringAsync("/education/exams/wrong-answers");
        book.ShouldContain("党的最高领导机关是？");
        book.ShouldNotContain("中国共产党成立于");
        var wrongId = (await w.Member.GetJsonAsync("/api/v1/education/wrong-answers/mine"))["items"]!.AsArray().Single()!.Id();
        (await w.Other.GetStringAsync("/education/exams/wrong-answers")).ShouldContain("data-testid=\"wrong-empty\"");

        using var wrong = await w.Member.PostFormAsync("/education/exams/wrong-answers", "wrong-practice", new() { ["practice"] = wrongId.ToString(), [$"a-{wrongId}"] = "B" });
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        wrongHtml.ShouldContain("回答错误");
        wrongHtml.ShouldContain("data-testid=\"practice-key\">A</strong>");
        using var right = await w.Member.PostFormAsync("/education/exams/wrong-answers", "wrong-practice", new() { ["practice"] = wrongId.ToString(), [$"a-{wrongId}"] = "A" });
        var rightHtml = await right.Content.ReadAsStringAsync();
        rightHtml.ShouldContain("回答正确");
        rightHtml.ShouldContain("data-testid=\"wrong-empty\"");
        (await w.Member.GetJsonAsync("/api/v1/education/wrong-answers/mine?includeMastered=true"))["items"]!.AsArray().Single()!["masteredAt"].ShouldNotBeNull();

        var ranking = await w.Other.GetStringAsync($"/education/exams/{w.ExamId}/ranking");
        ranking.ShouldContain("data-ranking-refresh=\"10\"");
        ranking.ShouldContain("data-testid=\"ranking-members\"");
        ranking.ShouldContain(">60</td>");
        ranking.ShouldContain(">1:30</td>");
        (await w.SiblingSecretary.GetStringAsync($"/education/exams/{w.ExamId}/ranking?unit={w.Branch.Id}")).ShouldContain("考试不存在");
    }

    [Fact]
    public async Task Archive_ShowsExamScores_ToTheMemberAndTheirSecretary_NotToOthers()
    {
        var w = await WorldAsync();
        var first = await StartThroughPageAsync(w.Member, w.ExamId);
        using var a1 = await w.Member.PostFormAsync($"/education/exams/attempts/{first}", "attempt-answers",
            new() { [$"q-{w.Single}"] = "B", [$"q-{w.Fill}"] = "1921", ["action"] = "submit" });
        var second = await StartThroughPageAsync(w.Member, w.ExamId);
        using var a2 = await w.Member.PostFormAsync($"/education/exams/attempts/{second}", "attempt-answers",
            new() { [$"q-{w.Single}"] = "B", [$"q-{w.Fill}"] = "1920", ["action"] = "submit" });
        var year = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;

        var mine = await w.Member.GetStringAsync("/education/archive");
        mine.ShouldContain("考试成绩");
        mine.ShouldContain("data-testid=\"archive-exam-score\">60</span> / 100");   // the best of the two attempts
        mine.ShouldContain("data-testid=\"archive-exam-passed\">及格");
        var bySecretary = await w.BranchSecretary.GetStringAsync($"/education/archive?member={w.MemberId}&year={year}");
        bySecretary.ShouldContain("data-testid=\"archive-exam-score\">60</span>");
        // The other member sees their own (none), and a sibling branch's secretary not this member's.
        (await w.Other.GetStringAsync("/education/archive")).ShouldContain("data-testid=\"archive-exams-none\"");
        (await w.SiblingSecretary.GetStringAsync($"/education/archive?member={w.MemberId}&year={year}")).ShouldNotContain("archive-exam-score");
        // Another year holds no score.
        (await w.Member.GetStringAsync($"/education/archive?year={year - 1}")).ShouldNotContain("archive-exam-score");
    }

    [Fact]
    public async Task MemberPages_InEnglish_SpeakEnglish()
    {
        var w = await WorldAsync();
        var attemptId = await StartThroughPageAsync(w.Member, w.ExamId);
        w.Member.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var list = await w.Member.GetStringAsync("/education/exams");
        list.ShouldContain("My exams");
        list.ShouldContain("Continue");
        list.ShouldNotContain("我的考试");
        var attempt = await w.Member.GetStringAsync($"/education/exams/attempts/{attemptId}");
        attempt.ShouldContain("Hand in");
        attempt.ShouldContain("Single choice");
        attempt.ShouldNotContain("单选题");
        (await w.Member.GetStringAsync($"/education/exams/{w.ExamId}/ranking")).ShouldContain("Nobody has handed in yet");
        (await w.Member.GetStringAsync("/education/exams/wrong-answers")).ShouldContain("The wrong-answer book is empty");
        (await w.Member.GetStringAsync("/education")).ShouldContain("Exams and contests");
    }
}

using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;

namespace Dangjian.Tests.Modules.Education.Exams;

/// <summary>The question bank, papers, server-timed attempts and their grading, the contest ranking and the wrong-answer book.</summary>
public sealed class ExamTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TrueFalseWords Words = QuestionBank.Words;

    [Theory]
    [InlineData(QuestionType.Single, "C", "c", 5, false, true, 5.0)]
    [InlineData(QuestionType.Single, "C", "B", 5, false, false, 0.0)]
    [InlineData(QuestionType.Multiple, "ACD", "A, C, D", 6, false, true, 6.0)]
    [InlineData(QuestionType.Multiple, "ACD", "AC", 6, false, false, 0.0)]   // all or nothing
    [InlineData(QuestionType.Multiple, "ACD", "AC", 6, true, false, 4.0)]    // partial: 2 of 3
    [InlineData(QuestionType.Multiple, "ACD", "ACB", 6, true, false, 0.0)]   // a wrong choice earns nothing
    [InlineData(QuestionType.TrueFalse, "T", "对", 2, false, true, 2.0)]
    [InlineData(QuestionType.TrueFalse, "T", "false", 2, false, false, 0.0)]
    [InlineData(QuestionType.FillIn, "为人民服务|全心全意为人民服务", "  全心全意为人民服务 ", 4, false, true, 4.0)]
    [InlineData(QuestionType.FillIn, "1921", "１９２１", 4, false, true, 4.0)]  // full-width digits
    [InlineData(QuestionType.FillIn, "CPC", "ｃｐｃ", 4, false, true, 4.0)]
    [InlineData(QuestionType.FillIn, "1921", "", 4, false, false, 0.0)]
    public void Grading_EachType(QuestionType type, string key, string given, int points, bool partial, bool correct, double earned) =>
        AnswerRules.Grade(type, key, given, points, partial, Words).ShouldBe((correct, earned));

    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, 0, 1, "NotYetOpen")]
    [InlineData(0, 0, 1, "None")]          // opens at the minute
    [InlineData(60, 0, 1, "Closed")]       // closes at the minute
    [InlineData(59, 0, 1, "None")]
    [InlineData(10, 1, 1, "NoAttemptsLeft")]
    [InlineData(10, 2, 3, "None")]
    [InlineData(10, 3, 3, "NoAttemptsLeft")]
    public void Start_WindowAndAttempts(int minutesAfterOpen, int used, int allowed, string expected) =>
        AttemptRules.MayStart(T0.AddMinutes(minutesAfterOpen), T0, T0.AddMinutes(60), used, allowed).ToString().ShouldBe(expected);

    [Theory]
    [InlineData(30, 0, true)]
    [InlineData(30, 30, true)]    // the last second of the grace
    [InlineData(30, 31, false)]
    [InlineData(0, 1, false)]
    public void Answers_TakenUntilDeadlinePlusGrace(int grace, int secondsAfterDeadline, bool accepted) =>
        AttemptRules.Accepts(T0.AddSeconds(secondsAfterDeadline), T0, grace).ShouldBe(accepted);

    [Theory]
    [InlineData(30, 120, 30)]
    [InlineData(30, 10, 10)]   // the exam closes first
    public void Deadline_LimitOrClose(int limit, int closesAfter, int expectedMinutes) =>
        AttemptRules.Deadline(T0, limit, T0.AddMinutes(closesAfter)).ShouldBe(T0.AddMinutes(expectedMinutes));

    [Fact]
    public void Ranking_ScoreThenTime_TiesShareARank()
    {
        var ranked = RankingRules.Order([("a", 90.0, 300), ("b", 90.0, 200), ("c", 80.0, 100), ("d", 90.0, 200)], x => x.Item2, x => x.Item3, x => x.Item1);
        ranked.Select(r => (r.Rank, r.Item.Item1)).ShouldBe([(1, "b"), (1, "d"), (3, "a"), (4, "c")]);
    }

    private sealed record World(TestTenant Tenant, OrgUnit Branch, OrgUnit Sibling, HttpClient Manager, HttpClient Member, Guid MemberId, HttpClient Other);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("考试支部"));
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("兄弟支部"));
        var manager = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        var members = await tenant.AddMembersAsync(branch, 2);
        var me = await tenant.AddMemberAccountAsync(branch, members[0].Id);
        var other = await tenant.AddMemberAccountAsync(branch, members[1].Id);
        return new World(tenant, branch, sibling, await app.ClientForAsync(manager), await app.ClientForAsync(me), members[0].Id, await app.ClientForAsync(other));
    }

    private static async Task<Guid> QuestionAsync(HttpClient c, Guid unit, string type, string stem, string answer, string[]? options = null, string category = "PartyRules",
        int difficulty = 2)
    {
        using var r = await c.PostAsJsonAsync("/api/v1/education/questions", new { orgUnitId = unit, type, category, difficulty, stem, options, answer, explanation = "解析" });
        return (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    [Fact]
    public async Task Bank_CreateEditRetire_AndChecks()
    {
        var w = await WorldAsync();
        var id = await QuestionAsync(w.Manager, w.Tenant.Root.Id, "Multiple", "党的纪律包括哪些？", "a, c", ["政治纪律", "自由散漫", "组织纪律"]);
        var q = await w.Manager.GetJsonAsync($"/api/v1/education/questions/{id}");
        q.Str("answer").ShouldBe("AC");
        using var bad = await w.Manager.PostAsJsonAsync("/api/v1/education/questions",
            new { orgUnitId = w.Tenant.Root.Id, type = "Single", category = "Theory", stem = "x", options = new[] { "a", "b" }, answer = "D" });
        (await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["answer"]);
        q["drawn"]!.GetValue<bool>().ShouldBeFalse();
        using var edited = await w.Manager.PutAsJsonAsync($"/api/v1/education/questions/{id}",
            new { type = "TrueFalse", category = "PartyRules", difficulty = 1, stem = "党的纪律包括政治纪律。", answer = "对" });
        (await edited.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("answer").ShouldBe("T");
        (await w.Manager.GetJsonAsync($"/api/v1/education/questions?orgUnitId={w.Tenant.Root.Id}&type=TrueFalse"))["total"]!.GetValue<int>().ShouldBe(1);
        using var retired = await w.Manager.PostAsync($"/api/v1/education/questions/{id}/retire", null);
        (await retired.ShouldHaveStatusAsync(HttpStatusCode.OK))!["retired"]!.GetValue<bool>().ShouldBeTrue();
        (await w.Manager.GetJsonAsync($"/api/v1/education/questions?orgUnitId={w.Tenant.Root.Id}"))["total"]!.GetValue<int>().ShouldBe(0);
        (await w.Manager.GetJsonAsync($"/api/v1/education/questions?orgUnitId={w.Tenant.Root.Id}&includeRetired=true"))["total"]!.GetValue<int>().ShouldBe(1);
        // A member does not manage the bank.
        using var byMember = await w.Member.GetAsync($"/api/v1/education/questions/{id}");
        byMember.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RandomPaper_NotEnoughQuestions_IsRefused()
    {
        var w = await WorldAsync();
        for (var i = 0; i < 3; i++) await QuestionAsync(w.Manager, w.Tenant.Root.Id, "TrueFalse", $"判断{i}", "对", difficulty: 2);
        using var tooMany = await w.Manager.PostAsJsonAsync("/api/v1/education/papers", new
        {
            orgUnitId = w.Branch.Id, title = "随机卷", mode = "Random", rules = new object[] { new { category = "PartyRules", difficulty = 2, count = 2, points = 5 }, new { count = 2, points = 5 } },
        });
        var refused = (await tooMany.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        refused.ToJsonString().ShouldContain("PAPER_BANK_SHORT");
        using var ok = await w.Manager.PostAsJsonAsync("/api/v1/education/papers", new
        {
            orgUnitId = w.Branch.Id, title = "随机卷", mode = "Random", rules = new object[] { new { category = "PartyRules", difficulty = 2, count = 2, points = 5 }, new { count = 1, points = 5 } },
        });
        (await ok.ShouldHaveStatusAsync(HttpStatusCode.Created))!["totalPoints"]!.GetValue<int>().ShouldBe(15);
    }

    [Fact]
    public async Task Attempt_HidesAnswers_EnforcesTime_BestOfN_WrongBook_Ranking()
    {
        var w = await WorldAsync();
        var single = await QuestionAsync(w.Manager, w.Tenant.Root.Id, "Single", "党的最高领导机关是？", "A", ["党的全国代表大会和它所产生的中央委员会", "国务院"]);
        var fill = await QuestionAsync(w.Manager, w.Tenant.Root.Id, "FillIn", "中国共产党成立于____年。", "1921");
        using var paperResp = await w.Manager.PostAsJsonAsync("/api/v1/education/papers", new
        {
            orgUnitId = w.Tenant.Root.Id, title = "固定卷", mode = "Fixed", items = new[] { new { questionId = single, points = 40 }, new { questionId = fill, points = 60 } },
        });
        var paper = (await paperResp.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var now = app.Clock.GetUtcNow();
        using var examResp = await w.Manager.PostAsJsonAsync("/api/v1/education/exams", new
        {
            orgUnitId = w.Tenant.Root.Id, paperId = paper.Id(), title = "党章知识竞赛", isContest = true, opensAt = now.AddMinutes(-1), closesAt = now.AddDays(1),
            timeLimitMinutes = 20, attemptsAllowed = 2, passMark = 60,
        });
        var exam = (await examResp.ShouldHaveStatusAsync(HttpStatusCode.Created))!;

        using var started = await w.Member.PostAsync($"/api/v1/education/exams/{exam.Id()}/attempts", null);
        var attempt = (await started.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        attempt["secondsLeft"]!.GetValue<int>().ShouldBe(20 * 60);
        foreach (var q in attempt["questions"]!.AsArray()) q!["answer"].ShouldBeNull();
        var body = attempt.ToJsonString();
        body.ShouldNotContain("1921");
        body.ShouldNotContain("解析");
        // Another member cannot see or answer it.
        (await w.Other.GetAsync($"/api/v1/education/attempts/{attempt.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var saved = await w.Member.PutAsJsonAsync($"/api/v1/education/attempts/{attempt.Id()}/answers", new { answers = new[] { new { questionId = single, answer = "B" } } });
        await saved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        // Past the limit and the grace: the answer is refused and the attempt closes on what was saved.
        app.Clock.Advance(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(31));
        using var late = await w.Member.PutAsJsonAsync($"/api/v1/education/attempts/{attempt.Id()}/answers", new { answers = new[] { new { questionId = fill, answer = "1921" } } });
        (await late.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.ToJsonString().ShouldContain("ATTEMPT_TIME_UP");
        var closed = await w.Member.GetJsonAsync($"/api/v1/education/attempts/{attempt.Id()}");
        closed.Str("status").ShouldBe("TimedOut");
        closed["score"]!.GetValue<double>().ShouldBe(0);
        closed["questions"]!.AsArray().Single(q => q!.Id("questionId") == fill)!.Str("answer").ShouldBe("1921");

        // The second (last) attempt: submitted right, with the full-width year; the best counts.
        using var second = await w.Member.PostAsync($"/api/v1/education/exams/{exam.Id()}/attempts", null);
        var again = (await second.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        using var submitted = await w.Member.PostAsJsonAsync($"/api/v1/education/attempts/{again.Id()}/submit",
            new { answers = new[] { new { questionId = single, answer = "A" }, new { questionId = fill, answer = "１９２１" } } });
        var graded = (await submitted.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        graded["score"]!.GetValue<double>().ShouldBe(100);
        graded["passed"]!.GetValue<bool>().ShouldBeTrue();
        using var third = await w.Member.PostAsync($"/api/v1/education/exams/{exam.Id()}/attempts", null);
        (await third.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.ToJsonString().ShouldContain("EXAM_NO_ATTEMPTS");

        // A question drawn for an attempt is no longer changed (EX-6); retiring it still works, the attempts keep showing it.
        (await w.Manager.GetJsonAsync($"/api/v1/education/questions/{single}"))["drawn"]!.GetValue<bool>().ShouldBeTrue();
        using var changed = await w.Manager.PutAsJsonAsync($"/api/v1/education/questions/{single}",
            new { type = "Single", category = "Theory", difficulty = 2, stem = "改过的题干", options = new[] { "甲", "乙" }, answer = "B" });
        var drawnRefusal = (await changed.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.ToJsonString();
        drawnRefusal.ShouldContain("QUESTION_DRAWN");
        drawnRefusal.ShouldContain("education.md#ex-6");
        (await w.Member.GetJsonAsync($"/api/v1/education/attempts/{again.Id()}"))["questions"]!.AsArray()
            .Single(x => x!.Id("questionId") == single)!.Str("stem").ShouldBe("党的最高领导机关是？");

        // The wrong-answer book holds both questions of the first attempt until each is practised right.
        var book = await w.Member.GetJsonAsync("/api/v1/education/wrong-answers/mine");
        book["total"]!.GetValue<int>().ShouldBe(2);
        var wrongFill = book["items"]!.AsArray().Single(x => x!.Id("questionId") == fill)!;
        wrongFill.Str("answer").ShouldBe("1921");
        using var practised = await w.Member.PostAsJsonAsync($"/api/v1/education/wrong-answers/{wrongFill.Id()}/practice", new { answer = "1921" });
        (await practised.ShouldHaveStatusAsync(HttpStatusCode.OK))!["mastered"]!.GetValue<bool>().ShouldBeTrue();
        (await w.Member.GetJsonAsync("/api/v1/education/wrong-answers/mine"))["total"]!.GetValue<int>().ShouldBe(1);
        using var notMine = await w.Other.PostAsJsonAsync($"/api/v1/education/wrong-answers/{wrongFill.Id()}/practice", new { answer = "1921" });
        notMine.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The ranking: the member's best, seen by a participant; results per branch for the manager.
        var ranking = await w.Other.GetJsonAsync($"/api/v1/education/contests/{exam.Id()}/ranking");
        ranking["members"]!.AsArray().Single()!["score"]!.GetValue<double>().ShouldBe(100);
        ranking["members"]!.AsArray().Single()!["seconds"]!.GetValue<int>().ShouldBe(180);
        var results = await w.Manager.GetJsonAsync($"/api/v1/education/exams/{exam.Id()}/results");
        results["took"]!.GetValue<int>().ShouldBe(1);
        results["branches"]!.AsArray().Single(b => b!.Id("orgUnitId") == w.Branch.Id)!["passRate"]!.GetValue<double>().ShouldBe(100);
        using var export = await w.Manager.GetAsync($"/api/v1/education/exams/{exam.Id()}/results/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxReader.ReadRows(new MemoryStream(await export.Content.ReadAsByteArrayAsync())).ToList();
        rows.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Submit_ManyAtOnce_GradedOnce()
    {
        var w = await WorldAsync();
        var single = await QuestionAsync(w.Manager, w.Tenant.Root.Id, "Single", "党的根本宗旨是？", "A", ["全心全意为人民服务", "发展经济"]);
        var fill = await QuestionAsync(w.Manager, w.Tenant.Root.Id, "FillIn", "党的组织原则是____。", "民主集中制");
        using var paperResp = await w.Manager.PostAsJsonAsync("/api/v1/education/papers", new
        {
            orgUnitId = w.Tenant.Root.Id, title = "并发卷", mode = "Fixed", items = new[] { new { questionId = single, points = 50 }, new { questionId = fill, points = 50 } },
        });
        var paper = (await paperResp.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var now = app.Clock.GetUtcNow();
        using var examResp = await w.Manager.PostAsJsonAsync("/api/v1/education/exams", new
        {
            orgUnitId = w.Tenant.Root.Id, paperId = paper.Id(), title = "并发交卷", isContest = false, opensAt = now.AddMinutes(-1), closesAt = now.AddDays(1),
            timeLimitMinutes = 20, attemptsAllowed = 1, passMark = 60,
        });
        var exam = (await examResp.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        using var started = await w.Member.PostAsync($"/api/v1/education/exams/{exam.Id()}/attempts", null);
        var attempt = (await started.ShouldHaveStatusAsync(HttpStatusCode.OK))!;

        // A double tap and retries: eight hand-ins of the same attempt at once, one of them wrong on the fill-in.
        var answers = new { answers = new[] { new { questionId = single, answer = "A" }, new { questionId = fill, answer = "集体领导" } } };
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var r = await w.Member.PostAsJsonAsync($"/api/v1/education/attempts/{attempt.Id()}/submit", answers);
            return r.StatusCode;
        }));
        replies.Count(s => s == HttpStatusCode.OK).ShouldBe(1);
        replies.Count(s => s == HttpStatusCode.Conflict).ShouldBe(7);

        var closed = await w.Member.GetJsonAsync($"/api/v1/education/attempts/{attempt.Id()}");
        closed.Str("status").ShouldBe("Submitted");
        closed["score"]!.GetValue<double>().ShouldBe(50);
        // Graded once: the wrong answer is in the book once, counted once.
        var book = await w.Member.GetJsonAsync("/api/v1/education/wrong-answers/mine");
        book["total"]!.GetValue<int>().ShouldBe(1);
        book["items"]!.AsArray().Single()!["times"]!.GetValue<int>().ShouldBe(1);
        // Answers sent after the hand-in are refused, not kept beside the grade.
        using var late = await w.Member.PutAsJsonAsync($"/api/v1/education/attempts/{attempt.Id()}/answers", new { answers = new[] { new { questionId = fill, answer = "民主集中制" } } });
        (await late.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.ToJsonString().ShouldContain("ATTEMPT_CLOSED");
    }

    [Fact]
    public async Task Import_ValidAndInvalidRows_ErrorWorkbook_AndRoundTrip()
    {
        var w = await WorldAsync();
        using var sheet = new MemoryStream();
        string?[] Row(params string?[] cells) => cells;
        string?[][] data =
        [
            Row("单选题", "党章党规党纪", "2", "党的最高领导机关是？", "党的全国代表大会和它所产生的中央委员会", "国务院", null, "A", "党章第十条"),
            Row("多选题", "廉洁教育", "3", "中央八项规定精神要求哪些？", "改进调查研究", "精简会议活动", "铺张浪费", "AB", null),
            Row("判断题", "党史学习", "1", "遵义会议是党的历史上一个生死攸关的转折点。", null, null, null, "对", null),
            Row("填空题", "理论武装", "2", "党的根本宗旨是全心全意为人民____。", null, null, null, "服务｜为人民服务", null),
            Row("问答题", "理论武装", "2", "不认识的题型", null, null, null, "x", null),
            Row("单选题", "理论武装", "9", "难度超出", "甲", "乙", null, "A", null),
            Row("单选题", "理论武装", "2", "答案不在选项中", "甲", "乙", null, "C", null),
        ];
        XlsxWriter.Write(sheet, "题库", ["题型", "类别", "难度", "题干", "选项A", "选项B", "选项C", "答案", "解析"],
            data.Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToList()));
        using var up = await w.Manager.PostAsync($"/api/v1/education/question-imports?orgUnitId={w.Branch.Id}&fileName=bank.xlsx", new ByteArrayContent(sheet.ToArray()));
        var preview = (await up.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        preview["import"]!["validRows"]!.GetValue<int>().ShouldBe(4);
        preview["import"]!["invalidRows"]!.GetValue<int>().ShouldBe(3);
        var errors = preview["import"]!["errors"]!.AsArray();
        errors.Select(e => (e!["row"]!.GetValue<int>(), e.Str("column"))).ShouldBe([(6, "题型"), (7, "难度"), (8, "答案")]);
        var importId = preview["import"]!.Id();
        using var errorBook = await w.Manager.GetAsync($"/api/v1/education/question-imports/{importId}/errors");
        var errorRows = XlsxReader.ReadRows(new MemoryStream(await errorBook.Content.ReadAsByteArrayAsync())).ToList();
        errorRows.Count.ShouldBe(4);
        using var applied = await w.Manager.PostAsync($"/api/v1/education/question-imports/{importId}/apply", null);
        (await applied.ShouldHaveStatusAsync(HttpStatusCode.OK))!["import"]!["created"]!.GetValue<int>().ShouldBe(4);
        var bank = await w.Manager.GetJsonAsync($"/api/v1/education/questions?orgUnitId={w.Branch.Id}&pageSize=50");
        bank["items"]!.AsArray().Single(q => q!.Str("type") == "FillIn")!.Str("answer").ShouldBe("服务|为人民服务");

        // Round trip: export, import into the sibling branch, the same questions.
        using var exported = await w.Manager.GetAsync($"/api/v1/education/questions/export?orgUnitId={w.Branch.Id}");
        exported.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var up2 = await w.Manager.PostAsync($"/api/v1/education/question-imports?orgUnitId={w.Sibling.Id}&fileName=export.xlsx",
            new ByteArrayContent(await exported.Content.ReadAsByteArrayAsync()));
        var preview2 = (await up2.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        preview2["import"]!["invalidRows"]!.GetValue<int>().ShouldBe(0);
        using var applied2 = await w.Manager.PostAsync($"/api/v1/education/question-imports/{preview2["import"]!.Id()}/apply", null);
        await applied2.ShouldHaveStatusAsync(HttpStatusCode.OK);
        static string Key(System.Text.Json.Nodes.JsonNode? q) =>
            $"{q!.Str("type")}|{q!.Str("category")}|{q!["difficulty"]}|{q!.Str("stem")}|{q["options"]!.ToJsonString()}|{q.Str("answer")}|{q["explanation"]}";
        var a = (await w.Manager.GetJsonAsync($"/api/v1/education/questions?orgUnitId={w.Branch.Id}&pageSize=50"))["items"]!.AsArray().Select(Key).Order().ToList();
        var b = (await w.Manager.GetJsonAsync($"/api/v1/education/questions?orgUnitId={w.Sibling.Id}&pageSize=50"))["items"]!.AsArray().Select(Key).Order().ToList();
        b.ShouldBe(a);
        // Importing the export again into the same branch changes nothing.
        using var up3 = await w.Manager.PostAsync($"/api/v1/education/question-imports?orgUnitId={w.Sibling.Id}&fileName=export.xlsx",
            new ByteArrayContent(await exported.Content.ReadAsByteArrayAsync()));
        (await up3.ShouldHaveStatusAsync(HttpStatusCode.Created))!["import"]!["unchanged"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task Sibling_BranchManager_CannotReachTheOtherBranch()
    {
        var w = await WorldAsync();
        var secretary = await w.Tenant.AddUserAsync(w.Sibling, AppRole.BranchSecretary);
        using var sib = await app.ClientForAsync(secretary);
        var q = await QuestionAsync(w.Manager, w.Branch.Id, "TrueFalse", "支部题", "对");
        (await sib.GetAsync($"/api/v1/education/questions/{q}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sib.GetAsync($"/api/v1/education/questions?orgUnitId={w.Branch.Id}")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        using var retire = await sib.PostAsync($"/api/v1/education/questions/{q}/retire", null);
        retire.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;

namespace Dangjian.Tests.Modules.Education.Exams.Manage;

/// <summary>
/// The managers' pages of the exams, through HTTP as a browser uses them: the bank (create, edit, retire), papers fixed and
/// random, publishing an exam, its results per branch with who has not taken it; and that a sibling branch sees none of it.
/// </summary>
public sealed class ExamsManagePagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record World(TestTenant Tenant, OrgUnit Branch, OrgUnit Sibling, HttpClient Manager, HttpClient Member, Guid MemberId,
        IReadOnlyList<Dangjian.Web.Modules.Members.Member> Members);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("考试支部"));
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("兄弟支部"));
        var manager = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        var members = await tenant.AddMembersAsync(branch, 3);
        var me = await tenant.AddMemberAccountAsync(branch, members[0].Id);
        return new World(tenant, branch, sibling, await app.ClientForAsync(manager), await app.ClientForAsync(me), members[0].Id, members);
    }

    private static Dictionary<string, string> QuestionFields(string type, string stem, string options, string answer) => new()
    {
        ["Form.Type"] = type, ["Form.Category"] = "PartyRules", ["Form.Difficulty"] = "2", ["Form.Stem"] = stem, ["Form.Options"] = options,
        ["Form.Answer"] = answer, ["Form.Explanation"] = "",
    };

    [Fact]
    public async Task Bank_CreateEditRetire_ThroughThePages()
    {
        var w = await WorldAsync();
        var root = w.Tenant.Root.Id;
        using var created = await w.Manager.PostFormAsync($"/education/exams/manage/questions?unit={root}", "question-create",
            QuestionFields("Multiple", "党的纪律包括哪些？", "政治纪律\r\n自由散漫\r\n组织纪律\r\n", "a c"));
        created.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.Found);
        var bank = await w.Manager.GetJsonAsync($"/api/v1/education/questions?orgUnitId={root}");
        var q = bank["items"]!.AsArray().Single()!;
        q.Str("answer").ShouldBe("AC");
        q["options"]!.AsArray().Select(o => o!.GetValue<string>()).ShouldBe(["政治纪律", "自由散漫", "组织纪律"]);

        // A refusal shows the field's message on the page and writes nothing.
        using var refused = await w.Manager.PostFormAsync($"/education/exams/manage/questions?unit={root}", "question-create",
            QuestionFields("Single", "答案不在选项里", "甲\n乙", "D"));
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("A-B");
        (await w.Manager.GetJsonAsync($"/api/v1/education/questions?orgUnitId={root}"))["total"]!.GetValue<int>().ShouldBe(1);

        var page = await w.Manager.GetStringAsync($"/education/exams/manage/questions?unit={root}&type=Multiple");
        page.ShouldContain("党的纪律包括哪些？");
        (await w.Manager.GetStringAsync($"/education/exams/manage/questions?unit={root}&type=FillIn")).ShouldNotContain("党的纪律包括哪些？");

        var id = q.Id();
        using var edited = await w.Manager.PostFormAsync($"/education/exams/manage/questions/{id}", "question-edit",
            QuestionFields("TrueFalse", "党的纪律包括政治纪律。", "", "对"));
        edited.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.Found);
        (await w.Manager.GetJsonAsync($"/api/v1/education/questions/{id}")).Str("answer").ShouldBe("T");
        var detail = await w.Manager.GetStringAsync($"/education/exams/manage/questions/{id}");
        detail.ShouldContain("data-confirm=");
        using var retired = await w.Manager.PostFormAsync($"/education/exams/manage/questions/{id}", "question-retire", []);
        (await w.Manager.GetJsonAsync($"/api/v1/education/questions/{id}"))["retired"]!.GetValue<bool>().ShouldBeTrue();
        (await w.Manager.GetStringAsync($"/education/exams/manage/questions/{id}")).ShouldNotContain("data-testid=\"retire\"");
    }

    private static async Task<List<Guid>> QuestionsAsync(HttpClient c, Guid unit, int count, string category = "PartyRules")
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            using var r = await c.PostAsJsonAsync("/api/v1/education/questions",
                new { orgUnitId = unit, type = "Single", category, difficulty = 2, stem = $"题目{category}{i}", options = new[] { "甲", "乙" }, answer = "A" });
            ids.Add((await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id());
        }
        return ids;
    }

    [Fact]
    public async Task Papers_FixedWithPointsPerQuestion_AndRandomByRules_ThroughThePages()
    {
        var w = await WorldAsync();
        var root = w.Tenant.Root.Id;
        var ids = await QuestionsAsync(w.Manager, root, 3);
        await QuestionsAsync(w.Manager, root, 2, "Integrity");
        // A branch's manager picks from the bank above: two questions, one worth 10, the other the default 5.
        using var fixedPost = await w.Manager.PostFormAsync($"/education/exams/manage/papers?unit={w.Branch.Id}", "paper-fixed", new()
        {
            ["Fixed.Title"] = "固定卷", ["Fixed.DefaultPoints"] = "5", ["Fixed.Selected"] = ids[0].ToString(), [$"Fixed.Points[{ids[0]}]"] = "10",
        });
        var papers = await w.Manager.GetJsonAsync($"/api/v1/education/papers?orgUnitId={w.Branch.Id}");
        var paper = papers["items"]!.AsArray().Single()!;
        paper.Str("mode").ShouldBe("Fixed");
        paper["totalPoints"]!.GetValue<int>().ShouldBe(10);

        using var random = await w.Manager.PostFormAsync($"/education/exams/manage/papers?unit={root}", "paper-random", new()
        {
            ["Random.Title"] = "随机卷", ["Random.Rules[0].Category"] = "Integrity", ["Random.Rules[0].Difficulty"] = "", ["Random.Rules[0].Count"] = "2",
            ["Random.Rules[0].Points"] = "5", ["Random.Rules[1].Category"] = "", ["Random.Rules[1].Count"] = "3", ["Random.Rules[1].Points"] = "10",
            ["Random.Rules[2].Count"] = "",
        });
        var made = (await w.Manager.GetJsonAsync($"/api/v1/education/papers?orgUnitId={root}"))["items"]!.AsArray().Single(p => p!.Str("title") == "随机卷")!;
        made["totalPoints"]!.GetValue<int>().ShouldBe(40);
        made["questionCount"]!.GetValue<int>().ShouldBe(5);
        (await w.Manager.GetStringAsync($"/education/exams/manage/papers/{made.Id()}")).ShouldContain("40");

        // The bank cannot fill it: refused with the rule's article, nothing written.
        using var tooMany = await w.Manager.PostFormAsync($"/education/exams/manage/papers?unit={root}", "paper-random", new()
        {
            ["Random.Title"] = "太多", ["Random.Rules[0].Category"] = "Integrity", ["Random.Rules[0].Count"] = "3", ["Random.Rules[0].Points"] = "5",
        });
        (await tooMany.Content.ReadAsStringAsync()).ShouldContain(PaperRules.Article);
        (await w.Manager.GetJsonAsync($"/api/v1/education/papers?orgUnitId={root}"))["total"]!.GetValue<int>().ShouldBe(1);   // the branch's fixed paper is not listed above it
    }

    [Fact]
    public async Task Publish_Results_Absentees_AndTheSiblingSeesNothing()
    {
        var w = await WorldAsync();
        var root = w.Tenant.Root.Id;
        var ids = await QuestionsAsync(w.Manager, root, 2);
        using var paperResp = await w.Manager.PostAsJsonAsync("/api/v1/education/papers", new
        {
            orgUnitId = root, title = "固定卷", mode = "Fixed", items = ids.Select(id => new { questionId = id, points = 50 }).ToArray(),
        });
        var paper = (await paperResp.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var opens = app.Clock.GetUtcNow().AddMinutes(-5).ToOffset(ChinaTime.Offset);
        using var published = await w.Manager.PostFormAsync($"/education/exams/manage?unit={w.Branch.Id}", "exam-publish", new()
        {
            ["Form.UnitId"] = w.Branch.Id.ToString(), ["Form.PaperId"] = paper.Id().ToString(), ["Form.Title"] = "支部知识竞赛", ["Form.IsContest"] = "true",
            ["Form.OpensAt"] = opens.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Form.ClosesAt"] = opens.AddDays(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Form.TimeLimitMinutes"] = "20", ["Form.AttemptsAllowed"] = "2", ["Form.PassMark"] = "",
        });
        var exam = (await w.Manager.GetJsonAsync($"/api/v1/education/exams?orgUnitId={w.Branch.Id}"))["items"]!.AsArray().Single()!;
        exam.Str("title").ShouldBe("支部知识竞赛");
        exam["isContest"]!.GetValue<bool>().ShouldBeTrue();
        exam["passMark"]!.GetValue<int>().ShouldBe(60);   // 60% of 100 by default
        exam.Str("state").ShouldBe("Open");
        // The window was written in China time: it opens at the minute given.
        DateTimeOffset.Parse(exam.Str("opensAt"), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(new DateTimeOffset(opens.Year, opens.Month, opens.Day, opens.Hour, opens.Minute, 0, ChinaTime.Offset));
        (await w.Manager.GetStringAsync($"/education/exams/manage?unit={w.Branch.Id}")).ShouldContain("支部知识竞赛");

        // One member takes it and passes; the other two have not taken it.
        using var started = await w.Member.PostAsync($"/api/v1/education/exams/{exam.Id()}/attempts", null);
        var attempt = (await started.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        using var submitted = await w.Member.PostAsJsonAsync($"/api/v1/education/attempts/{attempt.Id()}/submit",
            new { answers = ids.Select(id => new { questionId = id, answer = "A" }).ToArray() });
        await submitted.ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await w.Manager.GetStringAsync($"/education/exams/manage?unit={w.Branch.Id}")).ShouldContain("1 人 · 1 份答卷");
        var results = await w.Manager.GetStringAsync($"/education/exams/manage/{exam.Id()}");
        results.ShouldContain(w.Members[0].Name);
        results.ShouldContain($"/education/exams/{exam.Id()}/ranking");
        results.ShouldContain($"/api/v1/education/exams/{exam.Id()}/results/export");
        var absent = results[results.IndexOf("data-testid=\"results-absent\"", StringComparison.Ordinal)..];
        absent.ShouldNotContain(w.Members[0].Name);
        var names = w.Members.Skip(1).Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
        absent.IndexOf(names[0], StringComparison.Ordinal).ShouldBeLessThan(absent.IndexOf(names[1], StringComparison.Ordinal));
        absent.IndexOf(names[0], StringComparison.Ordinal).ShouldBeGreaterThan(0);
        foreach (var m in w.Members.Skip(1)) results.ShouldContain(m.Name);

        // The sibling branch's secretary: no exam, no names, no absentees.
        var secretary = await w.Tenant.AddUserAsync(w.Sibling, AppRole.BranchSecretary);
        using var sib = await app.ClientForAsync(secretary);
        var seen = await sib.GetStringAsync($"/education/exams/manage/{exam.Id()}");
        seen.ShouldNotContain(w.Members[0].Name);
        seen.ShouldNotContain("支部知识竞赛");
        (await sib.GetStringAsync("/education/exams/manage")).ShouldNotContain("支部知识竞赛");
        (await sib.GetStringAsync($"/education/exams/manage?unit={w.Branch.Id}")).ShouldNotContain("支部知识竞赛");
        var aimed = await sib.GetStringAsync($"/education/exams/manage/{exam.Id()}?unit={w.Sibling.Id}");
        foreach (var m in w.Members) aimed.ShouldNotContain(m.Name);
    }

    [Fact]
    public async Task Import_PreviewWithErrors_ThenApplyValid_ThroughThePages()
    {
        var w = await WorldAsync();
        (await w.Manager.GetStringAsync($"/education/exams/bank/import?unit={w.Branch.Id}")).ShouldContain("/education/exams/bank/import/upload");
        using var sheet = new MemoryStream();
        Dangjian.Web.Platform.Export.XlsxWriter.Write(sheet, "题库", ["题型", "类别", "难度", "题干", "选项A", "选项B", "答案"],
        [
            ["判断题", "党史学习", "1", "遵义会议是党的历史上一个生死攸关的转折点。", null, null, "对"],
            ["单选题", "理论武装", "2", "答案不在选项中", "甲", "乙", "C"],
        ]);
        using var up = await w.Manager.PostAsync($"/api/v1/education/question-imports?orgUnitId={w.Branch.Id}&fileName=bank.xlsx", new ByteArrayContent(sheet.ToArray()));
        var id = (await up.ShouldHaveStatusAsync(HttpStatusCode.Created))!["import"]!.Id();
        var preview = await w.Manager.GetStringAsync($"/education/exams/bank/import/{id}");
        preview.ShouldContain("遵义会议是党的历史上一个生死攸关的转折点。");
        preview.ShouldContain($"/api/v1/education/question-imports/{id}/errors");
        (await w.Manager.GetJsonAsync($"/api/v1/education/questions?orgUnitId={w.Branch.Id}"))["total"]!.GetValue<int>().ShouldBe(0);
        using var applied = await w.Manager.PostFormAsync($"/education/exams/bank/import/{id}", "apply-valid", []);
        (await w.Manager.GetJsonAsync($"/api/v1/education/questions?orgUnitId={w.Branch.Id}"))["total"]!.GetValue<int>().ShouldBe(1);
        (await w.Manager.GetStringAsync($"/education/exams/bank/import/{id}")).ShouldContain("data-testid=\"import-applied\"");
        // Another manager's upload is not theirs to see.
        var secretary = await w.Tenant.AddUserAsync(w.Sibling, AppRole.BranchSecretary);
        using var sib = await app.ClientForAsync(secretary);
        (await sib.GetStringAsync($"/education/exams/bank/import/{id}")).ShouldNotContain("遵义会议");
    }

    [Fact]
    public async Task HomeTile_ShownToManagersOnly()
    {
        var w = await WorldAsync();
        (await w.Manager.GetStringAsync("/education")).ShouldContain("/education/exams/manage");
        (await w.Member.GetStringAsync("/education")).ShouldNotContain("/education/exams/manage");
    }
}

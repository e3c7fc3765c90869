using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Assessment.Evaluation;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Assessment.Evaluation;

/// <summary>A scheme from template to publication over HTTP: sources, online scoring by who may, a branch computed by hand, who sees what.</summary>
public sealed class EvaluationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Compute_OneBranchByHand_ScoringScoped_PublishedToItsOwn()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var b1 = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("一支部"));
        var b2 = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("二支部"));
        var committee = await app.ClientForAsync(await tenant.AddUserAsync(tenant.Root, AppRole.OrganizationCommissioner));
        var sec1 = await app.ClientForAsync(await tenant.AddUserAsync(b1, AppRole.BranchSecretary));
        var sec2 = await app.ClientForAsync(await tenant.AddUserAsync(b2, AppRole.BranchSecretary));
        var members = await tenant.AddMembersAsync(b1, 3);
        var member = await app.ClientForAsync(await tenant.AddMemberAccountAsync(b1, members[0].Id));
        var year = tenant.Today.Year;

        // b1's closed rolls: 10 expected, 6 present and 1 late, 1 on leave, 2 absent → 7 / (10 − 1).
        var outcomes = new[] { 0, 0, 0, 0, 0, 0, 1, 2, 3, 3 }.Select(i => (AttendanceOutcome)i).ToList();
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            var now = app.Clock.GetUtcNow();
            db.MeetingAttendances.AddRange(outcomes.Select((o, i) => new MeetingAttendance
            {
                Id = Guid.NewGuid(), MeetingId = Guid.NewGuid(), MemberId = members[i % 3].Id, OrgPath = b1.Path, MeetingType = MeetingType.BranchGeneralMeeting,
                StartsAt = now, Month = year * 100 + 1, Outcome = o,
            }));
            await db.SaveChangesAsync();
        });

        using var created = await committee.PostAsJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/evaluation/schemes", new { year, name = "年度党建考评", template = "PA2" });
        var scheme = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var id = scheme.Id();
        var indicators = scheme["indicators"]!.AsArray().Select(i => i!).ToList();
        Guid Named(string key) => indicators.Single(i => i.Str("name") == SchemeTemplates.W(key)).Id();
        var leader = Named("Tpl.Leader");
        scheme["problems"]!.AsArray().ShouldBeEmpty();

        // Scores before opening are refused; then open.
        using (var early = await committee.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks", Sheet(b1.Id, "Superior", leader, 14)))
            await early.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        using (var open = await committee.PostAsync($"/api/v1/evaluation/schemes/{id}/open", null))
            (await open.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Open");

        // Who scores: a secretary never their own branch, never as the superior; a sibling's secretary as a peer.
        using (var own = await sec1.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks", Sheet(b1.Id, "Peers", leader, 12)))
            (await own.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("code").ShouldBe("SCORER_OWNBRANCH");
        using (var notAbove = await sec1.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks", Sheet(b2.Id, "Superior", leader, 12)))
            (await notAbove.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("code").ShouldBe("SCORER_NOTSUPERIOR");
        var peerSheet = await sec2.GetJsonAsync($"/api/v1/evaluation/schemes/{id}/scoring?kind=Peers");
        peerSheet["branches"]!.AsArray().Select(b => b!.Id("orgUnitId")).ShouldBe([b1.Id]);
        using (var peer = await sec2.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks", Sheet(b1.Id, "Peers", leader, 12)))
            await peer.ShouldHaveStatusAsync(HttpStatusCode.OK);
        // Out of the indicator's range: refused naming the field and the rule.
        using (var tooHigh = await committee.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks", Sheet(b1.Id, "Superior", leader, 15.01m)))
        {
            var problem = (await tooHigh.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!;
            problem["errors"]!["items[0].score"].ShouldNotBeNull();
            problem.ToJsonString().ShouldContain("pa-16");
        }
        using (var sup = await committee.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks", Sheet(b1.Id, "Superior", leader, 13)))
            await sup.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using (var again = await committee.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks", Sheet(b1.Id, "Superior", leader, 14)))
            await again.ShouldHaveStatusAsync(HttpStatusCode.OK);   // a scorer changes their score, never adds a second
        using (var masses = await committee.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks", Sheet(b1.Id, "Masses", leader, 9, 30)))
            await masses.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using (var computed = await committee.PostAsync($"/api/v1/evaluation/schemes/{id}/compute", null))
            (await computed.ShouldHaveStatusAsync(HttpStatusCode.OK))!["branches"]!.GetValue<int>().ShouldBe(2);
        var ranking = await committee.GetJsonAsync($"/api/v1/evaluation/schemes/{id}/results");
        var resultId = ranking["items"]!.AsArray().Single(r => r!.Id("orgUnitId") == b1.Id)!.Id();
        var result = await committee.GetJsonAsync($"/api/v1/evaluation/results/{resultId}");
        var lines = result["lines"]!.AsArray().Select(l => l!).ToDictionary(l => l.Id("indicatorId"));

        // By hand: (14 × 60 % + 12 × 20 % + 9 × 20 %) = 12.6 of 15; attendance 7/9 = 0.7778 → 7 × (0.7778 − 0.6) / 0.35 = 3.56;
        // no open development case → on track (1) → 5 of 5; dues: three members, nothing paid → 0.
        var l = lines[leader];
        l["points"]!.GetValue<decimal>().ShouldBe(12.6m);
        (l["superiorAverage"]!.GetValue<decimal>(), l["superiorCount"]!.GetValue<int>()).ShouldBe((14m, 1));
        (l["peersAverage"]!.GetValue<decimal>(), l["peersCount"]!.GetValue<int>()).ShouldBe((12m, 1));
        l["massesAverage"]!.GetValue<decimal>().ShouldBe(9m);
        var attendance = lines[Named("Tpl.Attendance")];
        attendance["rawValue"]!.GetValue<decimal>().ShouldBe(0.7778m);
        attendance["points"]!.GetValue<decimal>().ShouldBe(3.56m);
        attendance.Str("sourceKey").ShouldBe("meetings.attendance");
        lines[Named("Tpl.Development")]["points"]!.GetValue<decimal>().ShouldBe(5m);
        var dues = lines[Named("Tpl.Dues")];
        (dues["rawValue"]!.GetValue<decimal>(), dues["points"]!.GetValue<decimal>()).ShouldBe((0m, 0m));
        result["total"]!.GetValue<decimal>().ShouldBe(lines.Values.Sum(x => x["points"]!.GetValue<decimal>()));
        result["of"]!.GetValue<int>().ShouldBe(2);

        // Before publication only the managers see it; after, the branch's secretary and members, never the sibling.
        await sec1.GetJsonAsync($"/api/v1/evaluation/results/{resultId}", HttpStatusCode.NotFound);
        await member.GetJsonAsync($"/api/v1/evaluation/results/{resultId}", HttpStatusCode.NotFound);
        using (var published = await committee.PostAsync($"/api/v1/evaluation/schemes/{id}/publish", null))
            (await published.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Published");
        (await sec1.GetJsonAsync($"/api/v1/evaluation/results/{resultId}"))["total"]!.GetValue<decimal>().ShouldBe(result["total"]!.GetValue<decimal>());
        await member.GetJsonAsync($"/api/v1/evaluation/results/{resultId}");
        await sec2.GetJsonAsync($"/api/v1/evaluation/results/{resultId}", HttpStatusCode.NotFound);
        await sec2.GetJsonAsync($"/api/v1/evaluation/schemes/{id}/results", HttpStatusCode.NotFound);
        var listed = await sec1.GetJsonAsync($"/api/v1/org-units/{b1.Id}/evaluation/schemes");
        listed.AsArray().Single(s => s!.Id() == id)!.Id("resultId").ShouldBe(resultId);
        using (var recompute = await committee.PostAsync($"/api/v1/evaluation/schemes/{id}/compute", null))
            await recompute.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        using var workbook = await committee.GetAsync($"/api/v1/evaluation/schemes/{id}/results.xlsx");
        workbook.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await workbook.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Open_RefusesUnknownSource_VetoForcesTheLowestGrade_YoungBranchNotGraded()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var b1 = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("否决支部"));
        var b2 = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("正常支部"));
        var committee = await app.ClientForAsync(await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker));
        var year = tenant.Today.Year;
        using var created = await committee.PostAsJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/evaluation/schemes", new { year, name = "国企支部定级", template = "PA3" });
        var scheme = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var id = scheme.Id();
        scheme["skipYoungBranches"]!.GetValue<bool>().ShouldBeTrue();

        // A source no feature offers: refused when opened, the key named.
        using (var add = await committee.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/indicators",
                   new { name = "外部指标", kind = "Quantitative", points = 5, sourceKey = "nope.key", floor = 0, target = 1 }))
            scheme = (await add.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        using (var refused = await committee.PostAsync($"/api/v1/evaluation/schemes/{id}/open", null))
            (await refused.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.ToJsonString().ShouldContain("nope.key");
        var extra = scheme["indicators"]!.AsArray().Single(i => i!["sourceKey"]?.GetValue<string>() == "nope.key")!.Id();
        using (var removed = await committee.DeleteAsync($"/api/v1/evaluation/indicators/{extra}"))
            await removed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using (var open = await committee.PostAsync($"/api/v1/evaluation/schemes/{id}/open", null))
            scheme = (await open.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        var indicators = scheme["indicators"]!.AsArray().Select(i => i!).ToList();
        var veto = indicators.First(i => i.Str("kind") == "Veto").Id();
        var role = indicators.Single(i => i.Str("name") == SchemeTemplates.W("Tpl.Role")).Id();

        using (var v = await committee.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks",
                   new { orgUnitId = b1.Id, kind = "Superior", items = new object[] { new { indicatorId = veto, score = 1 }, new { indicatorId = role, score = 45 } } }))
            await v.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using (var half = await committee.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks", Sheet(b1.Id, "Superior", veto, 0.5m)))
            await half.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);   // a veto is raised or not
        using (var s2 = await committee.PostAsJsonAsync($"/api/v1/evaluation/schemes/{id}/marks", Sheet(b2.Id, "Superior", role, 45)))
            await s2.ShouldHaveStatusAsync(HttpStatusCode.OK);

        // Both branches were founded today: too young, not graded.
        using (var c = await committee.PostAsync($"/api/v1/evaluation/schemes/{id}/compute", null)) await c.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var young = await Rows(committee, id);
        young.Values.ShouldAllBe(r => r["notGraded"]!.GetValue<bool>() && r["grade"] == null);

        using (var put = await committee.PutAsJsonAsync($"/api/v1/evaluation/schemes/{id}", new
               {
                   name = scheme.Str("name"), totalPoints = 100, gradeBands = scheme.Str("gradeBands"), skipYoungBranches = false,
               }))
            await put.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using (var c = await committee.PostAsync($"/api/v1/evaluation/schemes/{id}/compute", null)) await c.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var rows = await Rows(committee, id);
        rows[b1.Id]["vetoed"]!.GetValue<bool>().ShouldBeTrue();
        rows[b1.Id].Str("grade").ShouldBe(SchemeTemplates.W("Grade.Fail"));
        var t2 = rows[b2.Id]["total"]!.GetValue<decimal>();
        t2.ShouldBeGreaterThanOrEqualTo(45m);
        rows[b2.Id]["vetoed"]!.GetValue<bool>().ShouldBeFalse();
        rows[b2.Id].Str("grade").ShouldBe(GradeRules.Grade(t2, GradeRules.ParseGrades(scheme.Str("gradeBands"))!, [], false, false).Grade);
        rows[b1.Id]["total"]!.GetValue<decimal>().ShouldBe(t2);   // the same points: the veto alone makes the difference
    }

    private static object Sheet(Guid unit, string kind, Guid indicator, decimal score, int? respondents = null) =>
        new { orgUnitId = unit, kind, respondents, items = new[] { new { indicatorId = indicator, score } } };

    private static async Task<Dictionary<Guid, JsonNode>> Rows(HttpClient client, Guid schemeId) =>
        (await client.GetJsonAsync($"/api/v1/evaluation/schemes/{schemeId}/results"))["items"]!.AsArray().Select(r => r!).ToDictionary(r => r.Id("orgUnitId"));
}

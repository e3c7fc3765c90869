using Dangjian.Web.Modules.Meetings;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Meetings.Appraisal;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>The app with the cap on 优秀 switched off (docs/rules/organisation.md#o-21: 100 is no cap), for a three-member appraisal with two 优秀 (one is allowed).</summary>
public sealed class AppraisalNoCapFixture : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Rules:Assessment:Appraisal:ExcellentCapPercent", "100")];
}

/// <summary>民主评议党员: self-appraisal, one ballot each, tallies and the proposed grade, closed onto the records.</summary>
public sealed class AppraisalTests(AppraisalNoCapFixture app) : IClassFixture<AppraisalNoCapFixture>
{
    [Theory]
    [InlineData(10, 6, 4, 0, 0, AppraisalGrade.Excellent)]      // more than half 优秀
    [InlineData(10, 5, 5, 0, 0, AppraisalGrade.Qualified)]      // exactly half is not more than half
    [InlineData(10, 0, 4, 3, 3, AppraisalGrade.BasicallyQualified)] // 基本合格 and 不合格 together more than half
    [InlineData(10, 0, 4, 0, 6, AppraisalGrade.Unqualified)]
    [InlineData(10, 0, 5, 0, 5, AppraisalGrade.Qualified)]      // 5 of 10 不合格: not more than half
    [InlineData(0, 0, 0, 0, 0, AppraisalGrade.Qualified)]
    public void Proposed_FromTheTally(int voters, int e, int q, int b, int u, AppraisalGrade expected) =>
        AppraisalRules.Proposed(voters, e, q, b, u).ShouldBe(expected);

    [Fact]
    public async Task Appraisal_SelfVotesClose_GradesOnTheRecords()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var members = await tenant.AddMembersAsync(branch, 3);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var phones = new List<HttpClient>();
        foreach (var m in members)
        {
            var user = await tenant.AddMemberAccountAsync(branch, m.Id);
            phones.Add(await app.ClientForAsync(user));
        }
        var start = app.Clock.GetUtcNow().AddMinutes(-10);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "DemocraticAppraisal", topic = "2026年度民主评议党员", startsAt = start, endsAt = start.AddHours(3),
        });
        var id = (await created.ReadJsonAsync()).Id();

        using var self = await phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/self", new { text = "对照党章党规查找差距", grade = "Qualified" });
        await self.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var badBallot = await phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/votes", new
        {
            votes = new object[] { new { memberId = members[1].Id, grade = "Great" }, new { memberId = Guid.NewGuid(), grade = "Qualified" } },
        });
        (await badBallot.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).OrderBy(k => k)
            .ShouldBe(["votes[0].grade", "votes[1].memberId"]);

        // Members 0 and 1 rate member 2 优秀, member 2 rates them 合格.
        foreach (var (phone, i) in phones.Select((p, i) => (p, i)))
        {
            var ballot = members.Select((m, j) => new { memberId = m.Id, grade = j == 2 && i != 2 ? "Excellent" : "Qualified" }).ToArray();
            (await phone.PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/votes", new { votes = ballot })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await phones[0].PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/votes", new { votes = new[] { new { memberId = members[0].Id, grade = "Excellent" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var tally = await secretary.GetJsonAsync($"/api/v1/meetings/{id}/appraisal");
        tally["voted"]!.GetValue<int>().ShouldBe(3);
        var third = tally["members"]!.AsArray().Single(x => x!.Id("memberId") == members[2].Id)!;
        (third["excellent"]!.GetValue<int>(), third.Str("proposed")).ShouldBe((2, "Excellent"));

        // The meeting decides member 0 is 优秀 too; the phones cannot close it.
        (await phones[1].PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/close", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var closed = await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/close", new
        {
            overrides = new[] { new { memberId = members[0].Id, grade = "Excellent" } },
        });
        (await closed.ShouldHaveStatusAsync(HttpStatusCode.OK))!["closed"]!.GetValue<bool>().ShouldBeTrue();
        var grades = await app.InTenantAsync(tenant.TenantId, db => db.AppraisalResults.ToDictionaryAsync(r => r.MemberId, r => (r.Grade, r.Year)));
        grades[members[0].Id].ShouldBe((AppraisalGrade.Excellent, 2026));
        grades[members[1].Id].ShouldBe((AppraisalGrade.Qualified, 2026));
        grades[members[2].Id].ShouldBe((AppraisalGrade.Excellent, 2026));
        (await phones[2].PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/self", new { text = "迟到的自评", grade = "Qualified" })).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);
    }
}

using Dangjian.Web.Platform.Clock;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Assessment.Honours;
using Dangjian.Web.Modules.Meetings.Appraisal;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Members.Records;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Assessment.Honours;

/// <summary>
/// A campaign of a 党委 from nomination to award through the API: quotas within the total, nominations within the quota
/// of eligible members of the branch's own subtree, one vote per member and nominee, approvals within the quota, the
/// notice with its objections, and the award on the record of honours and in the ledger.
/// </summary>
public sealed class HonourCampaignTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Base = "/api/v1/assessment/honours";

    private sealed record World(TestTenant Tenant, OrgUnit BranchA, OrgUnit BranchB, HttpClient Committee, HttpClient SecretaryA, HttpClient SecretaryB,
        IReadOnlyList<Member> MembersA, IReadOnlyList<Member> MembersB, TestUser CommitteeUser);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var a = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("一支部"));
        var b = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("二支部"));
        var membersA = await tenant.AddMembersAsync(a, 4);
        var membersB = await tenant.AddMembersAsync(b, 2);
        var committee = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        return new World(tenant, a, b, await app.ClientForAsync(committee), await app.ClientForAsync(await tenant.AddUserAsync(a, AppRole.BranchSecretary)),
            await app.ClientForAsync(await tenant.AddUserAsync(b, AppRole.BranchSecretary)), membersA, membersB, committee);
    }

    private object Campaign(World w, int noticeFrom = 10, int noticeTo = 20, int award = 21)
    {
        var today = app.Clock.Today();
        return new
        {
            orgUnitId = w.Tenant.Root.Id, year = today.Year, title = TestTenant.Unique("两优一先评选"), excellentMembers = 2, excellentWorkers = 0, advancedOrganisations = 1,
            nominationOpensOn = today, nominationClosesOn = today.AddDays(5), voteClosesOn = today.AddDays(8), noticeStartsOn = today.AddDays(noticeFrom),
            noticeEndsOn = today.AddDays(noticeTo), awardOn = today.AddDays(award),
        };
    }

    private static async Task<JsonNode> OkAsync(Task<HttpResponseMessage> call, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await call;
        return (await response.ShouldHaveStatusAsync(status))!;
    }

    [Fact]
    public async Task Campaign_FromNominationToAward_WithinQuotasAndRules()
    {
        var w = await WorldAsync();
        var today = app.Clock.Today();

        // A notice of too few working days, and dates out of order, are refused with their rule.
        var shortNotice = await OkAsync(w.Committee.PostAsJsonAsync($"{Base}/campaigns", Campaign(w, 10, 11, 12)), HttpStatusCode.UnprocessableEntity);
        shortNotice.Str("article").ShouldBe("docs/rules/points-and-assessment.md#pa-18");
        var backwards = await OkAsync(w.Committee.PostAsJsonAsync($"{Base}/campaigns", Campaign(w, 10, 20, 20)), HttpStatusCode.UnprocessableEntity);
        backwards.Str("article").ShouldBe("docs/rules/points-and-assessment.md#pa-17");
        // A branch cannot start a campaign for the 党委 above it.
        using (var notTheirs = await w.SecretaryA.PostAsJsonAsync($"{Base}/campaigns", Campaign(w))) notTheirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var campaign = await OkAsync(w.Committee.PostAsJsonAsync($"{Base}/campaigns", Campaign(w)), HttpStatusCode.Created);
        var id = campaign.Id();
        campaign.Str("status").ShouldBe("Nomination");

        // Quotas: one each for the two branches; two for one of them would exceed the total of two.
        await OkAsync(w.Committee.PutAsJsonAsync($"{Base}/campaigns/{id}/quotas", new { orgUnitId = w.BranchA.Id, kind = "ExcellentMember", number = 1 }));
        await OkAsync(w.Committee.PutAsJsonAsync($"{Base}/campaigns/{id}/quotas", new { orgUnitId = w.BranchB.Id, kind = "ExcellentMember", number = 1 }));
        var over = await OkAsync(w.Committee.PutAsJsonAsync($"{Base}/campaigns/{id}/quotas", new { orgUnitId = w.BranchA.Id, kind = "ExcellentMember", number = 2 }),
            HttpStatusCode.UnprocessableEntity);
        over.Str("code").ShouldBe("HONOUR_QUOTA_TOTAL");
        await OkAsync(w.Committee.PutAsJsonAsync($"{Base}/campaigns/{id}/quotas", new { orgUnitId = w.BranchA.Id, kind = "ExcellentWorker", number = 1 }),
            HttpStatusCode.BadRequest); // the campaign awards no 优秀党务工作者
        using (var branchSets = await w.SecretaryA.PutAsJsonAsync($"{Base}/campaigns/{id}/quotas", new { orgUnitId = w.BranchA.Id, kind = "ExcellentMember", number = 1 }))
            branchSets.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The branch sees its candidates: 不合格 this year and 留党察看 are not eligible; no points without the Points feature.
        var (a1, a2, unqualified, probation) = (w.MembersA[0], w.MembersA[1], w.MembersA[2], w.MembersA[3]);
        await app.InTenantAsync(w.Tenant.TenantId, async db =>
        {
            db.Set<AppraisalResult>().Add(new AppraisalResult
            {
                Id = Guid.NewGuid(), MeetingId = Guid.NewGuid(), MemberId = unqualified.Id, Year = today.Year, Grade = AppraisalGrade.Unqualified, Voters = 5, Unqualified = 3,
                DecidedAt = app.Clock.GetUtcNow(),
            });
            db.Set<MemberRecordEntry>().Add(new MemberRecordEntry
            {
                Id = Guid.NewGuid(), MemberId = probation.Id, OrgUnitId = w.BranchA.Id, Kind = RecordKind.RewardPunishment, Category = RecordKinds.Punishment,
                Title = RecordKinds.PartyProbation, StartedOn = today.AddMonths(-3), CreatedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        });
        var candidates = await w.SecretaryA.GetJsonAsync($"{Base}/campaigns/{id}/candidates?orgUnitId={w.BranchA.Id}&kind=ExcellentMember");
        candidates["quota"]!.GetValue<int>().ShouldBe(1);
        candidates["pointsShown"]!.GetValue<bool>().ShouldBe(app.Services.GetService<Dangjian.Web.Modules.Assessment.IMemberPointsTotals>() is not null);
        var why = candidates["candidates"]!["items"]!.AsArray().ToDictionary(c => c!.Id(), c => c!["ineligible"]?.GetValue<string>());
        why[a1.Id].ShouldBeNull();
        why[unqualified.Id].ShouldBe("GradedUnqualified");
        why[probation.Id].ShouldBe("UnderPartyProbation");
        why.ContainsKey(w.MembersB[0].Id).ShouldBeFalse();

        // Nominations: the ineligible refused with the rule, another branch's member not found, over quota refused naming the unit.
        var ineligible = await OkAsync(w.SecretaryA.PostAsJsonAsync($"{Base}/campaigns/{id}/nominations",
            new { orgUnitId = w.BranchA.Id, kind = "ExcellentMember", nomineeId = unqualified.Id, reason = "表现突出" }), HttpStatusCode.UnprocessableEntity);
        (ineligible.Str("code"), ineligible.Str("article")).ShouldBe(("HONOUR_INELIGIBLE", "docs/rules/points-and-assessment.md#pa-18"));
        await OkAsync(w.SecretaryA.PostAsJsonAsync($"{Base}/campaigns/{id}/nominations",
            new { orgUnitId = w.BranchA.Id, kind = "ExcellentMember", nomineeId = w.MembersB[0].Id, reason = "表现突出" }), HttpStatusCode.NotFound);
        await OkAsync(w.SecretaryA.PostAsJsonAsync($"{Base}/campaigns/{id}/nominations",
            new { orgUnitId = w.BranchB.Id, kind = "ExcellentMember", nomineeId = w.MembersB[0].Id, reason = "表现突出" }), HttpStatusCode.NotFound);
        var first = await OkAsync(w.SecretaryA.PostAsJsonAsync($"{Base}/campaigns/{id}/nominations",
            new { orgUnitId = w.BranchA.Id, kind = "ExcellentMember", nomineeId = a1.Id, reason = "带头攻坚克难" }));
        var full = await OkAsync(w.SecretaryA.PostAsJsonAsync($"{Base}/campaigns/{id}/nominations",
            new { orgUnitId = w.BranchA.Id, kind = "ExcellentMember", nomineeId = a2.Id, reason = "表现突出" }), HttpStatusCode.UnprocessableEntity);
        full.Str("code").ShouldBe("HONOUR_QUOTA_FULL");
        full.Str("title").ShouldContain(w.BranchA.Name);
        var second = await OkAsync(w.SecretaryB.PostAsJsonAsync($"{Base}/campaigns/{id}/nominations",
            new { orgUnitId = w.BranchB.Id, kind = "ExcellentMember", nomineeId = w.MembersB[0].Id, reason = "服务群众" }));
        // The secretary of A sees A's part only.
        var seenByA = await w.SecretaryA.GetJsonAsync($"{Base}/campaigns/{id}");
        seenByA["nominations"]!.AsArray().Select(n => n!.Id()).ShouldBe([first.Id()]);

        // Voting starts only when the committee moves the campaign on, one phase at a time.
        var voterUser = await w.Tenant.AddMemberAccountAsync(w.BranchA, a2.Id);
        var voterAccount = await app.ClientForAsync(voterUser);
        (await OkAsync(voterAccount.PostAsJsonAsync($"{Base}/campaigns/{id}/votes", new { nominationId = first.Id(), yes = true }), HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe("HONOUR_PHASE");
        (await OkAsync(w.Committee.PostAsJsonAsync($"{Base}/campaigns/{id}/advance", new { to = "Approval" }), HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe("HONOUR_NOTNEXT");
        await OkAsync(w.SecretaryA.PostAsJsonAsync($"{Base}/campaigns/{id}/advance", new { to = "Vote" }), HttpStatusCode.Forbidden);
        await OkAsync(w.SecretaryA.GetAsync($"{Base}/campaigns/{id}/export"), HttpStatusCode.Forbidden);
        await OkAsync(w.Committee.PostAsJsonAsync($"{Base}/campaigns/{id}/advance", new { to = "Vote" }));

        // One vote per member and nominee, even sent twice at once; the tally only.
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => voterAccount.PostAsJsonAsync($"{Base}/campaigns/{id}/votes", new { nominationId = first.Id(), yes = true })));
        twice.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        foreach (var r in twice) r.Dispose();
        var tally = await OkAsync(voterAccount.PostAsJsonAsync($"{Base}/campaigns/{id}/votes", new { nominationId = second.Id(), yes = false }));
        (tally["yes"]!.GetValue<int>(), tally["no"]!.GetValue<int>()).ShouldBe((0, 1));
        var seenByVoter = await voterAccount.GetJsonAsync($"{Base}/campaigns/{id}");
        seenByVoter["nominations"]!.AsArray().Single(n => n!.Id() == first.Id())!["yes"]!.GetValue<int>().ShouldBe(1);
        seenByVoter["quotas"]!.AsArray().ShouldBeEmpty();
        // Someone of another tenant does not even see the campaign.
        var other = await TestTenant.CreateAsync(app);
        using var outsider = await app.ClientForAsync(other.Admin);
        await OkAsync(outsider.GetAsync($"{Base}/campaigns/{id}"), HttpStatusCode.NotFound);

        await OkAsync(w.Committee.PostAsJsonAsync($"{Base}/campaigns/{id}/advance", new { to = "Approval" }));
        await OkAsync(w.Committee.PostAsync($"{Base}/campaigns/{id}/nominations/{first.Id()}/approve", null));
        await OkAsync(w.Committee.PostAsync($"{Base}/campaigns/{id}/nominations/{first.Id()}/approve", null), HttpStatusCode.Conflict);
        await OkAsync(w.SecretaryB.PostAsync($"{Base}/campaigns/{id}/nominations/{second.Id()}/approve", null), HttpStatusCode.Forbidden);
        await OkAsync(w.Committee.PostAsync($"{Base}/campaigns/{id}/nominations/{second.Id()}/approve", null));

        // The notice: posted today, an objection lodged, the award refused while it runs and while an objection waits.
        var notice = await OkAsync(w.Committee.PostAsJsonAsync($"{Base}/campaigns/{id}/advance", new { to = "Notice" }));
        notice.Str("noticeStartsOn").ShouldBe(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var posted = await voterAccount.GetJsonAsync($"{Base}/campaigns/{id}/notice");
        posted["items"]!.AsArray().Select(i => i!.Str("nomineeName")).Order().ShouldBe(new[] { a1.Name, w.MembersB[0].Name }.Order());
        var objection = await OkAsync(voterAccount.PostAsJsonAsync($"{Base}/campaigns/{id}/objections", new { nominationId = second.Id(), text = "群众反映该同志工作作风问题" }));
        var running = await OkAsync(w.Committee.PostAsJsonAsync($"{Base}/campaigns/{id}/advance", new { to = "Awarded" }), HttpStatusCode.UnprocessableEntity);
        (running.Str("code"), running.Str("article")).ShouldBe(("HONOUR_NOTICERUNNING", "docs/rules/points-and-assessment.md#pa-19"));

        app.Clock.Advance(TimeSpan.FromDays(21));
        using var committee = await app.ClientForAsync(w.CommitteeUser);
        voterAccount.Dispose();
        voterAccount = await app.ClientForAsync(voterUser);
        using var voter = await app.ClientForAsync(await w.Tenant.AddMemberAccountAsync(w.BranchA, unqualified.Id));
        (await OkAsync(voter.PostAsJsonAsync($"{Base}/campaigns/{id}/objections", new { nominationId = first.Id(), text = "晚到的异议" }), HttpStatusCode.UnprocessableEntity))
            .Str("code").ShouldBe("HONOUR_OUTSIDE_NOTICE");
        var waiting = await OkAsync(committee.PostAsJsonAsync($"{Base}/campaigns/{id}/advance", new { to = "Awarded" }), HttpStatusCode.UnprocessableEntity);
        (waiting.Str("code"), waiting.Str("article")).ShouldBe(("HONOUR_OBJECTIONSPENDING", "docs/rules/points-and-assessment.md#pa-19"));
        await OkAsync(committee.PostAsJsonAsync($"{Base}/campaigns/{id}/objections/{objection.Id()}/answer", new { upheld = true }), HttpStatusCode.BadRequest); // a reason
        var answered = await OkAsync(committee.PostAsJsonAsync($"{Base}/campaigns/{id}/objections/{objection.Id()}/answer", new { upheld = true, answer = "经核实属实，撤销推荐" }));
        answered.Str("outcome").ShouldBe("Upheld");
        await OkAsync(committee.PostAsJsonAsync($"{Base}/campaigns/{id}/objections/{objection.Id()}/answer", new { upheld = false, answer = "再答" }), HttpStatusCode.Conflict);

        var awarded = await OkAsync(committee.PostAsJsonAsync($"{Base}/campaigns/{id}/advance", new { to = "Awarded" }));
        awarded.Str("status").ShouldBe("Awarded");
        var details = await committee.GetJsonAsync($"{Base}/campaigns/{id}");
        details["awards"]!.AsArray().Select(a => a!.Id("nomineeId")).ShouldBe([a1.Id]);
        details["nominations"]!.AsArray().Single(n => n!.Id() == second.Id())!.Str("status").ShouldBe("Withdrawn");
        var awardId = details["awards"]!.AsArray()[0]!.Str("id");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.LedgerEntries.CountAsync(e => e.Kind == "honour.awarded" && e.SubjectId == awardId))).ShouldBe(1);
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        (await admin.GetJsonAsync("/api/v1/ledger/verify"))["valid"]!.GetValue<bool>().ShouldBeTrue();

        using var winner = await app.ClientForAsync(await w.Tenant.AddMemberAccountAsync(w.BranchA, a1.Id));
        var mine = await winner.GetJsonAsync($"{Base}/mine");
        mine["awards"]!.AsArray().Select(a => a!.Id("campaignId")).ShouldBe([id]);
        var myPage = await winner.GetStringAsync("/assessment/honours/mine");
        myPage.ShouldContain(campaign.Str("title"));
        var objectorView = await voterAccount.GetJsonAsync($"{Base}/mine");
        objectorView["objections"]!.AsArray().Single()!.Str("outcome").ShouldBe("Upheld");

        // The workbook of nominees and results, and the notice to post.
        using var export = await committee.GetAsync($"{Base}/campaigns/{id}/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe(Dangjian.Web.Platform.Export.XlsxWriter.ContentType);
        using var pdf = await voterAccount.GetAsync($"{Base}/campaigns/{id}/notice.pdf");
        var text = await PdfText.CompactTextAsync(await pdf.ReadPdfAsync());
        text.ShouldContain(a1.Name);
        voterAccount.Dispose();
        await OkAsync(committee.GetAsync($"{Base}/campaigns/{Guid.NewGuid()}/export"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Approvals_NoMoreThanTheQuota_AndPagesShowTheCampaign()
    {
        var w = await WorldAsync();
        var c = await OkAsync(w.Committee.PostAsJsonAsync($"{Base}/campaigns", Campaign(w)), HttpStatusCode.Created);
        var id = c.Id();
        // 先进基层党组织: a branch nominates itself.
        await OkAsync(w.Committee.PutAsJsonAsync($"{Base}/campaigns/{id}/quotas", new { orgUnitId = w.BranchA.Id, kind = "AdvancedOrganisation", number = 1 }));
        var unitCandidates = await w.SecretaryA.GetJsonAsync($"{Base}/campaigns/{id}/candidates?orgUnitId={w.BranchA.Id}&kind=AdvancedOrganisation");
        unitCandidates["candidates"]!["items"]!.AsArray().Select(x => x!.Id()).ShouldBe([w.BranchA.Id]);
        var self = await OkAsync(w.SecretaryA.PostAsJsonAsync($"{Base}/campaigns/{id}/nominations",
            new { orgUnitId = w.BranchA.Id, kind = "AdvancedOrganisation", nomineeId = w.BranchA.Id, reason = "组织生活规范" }));
        await OkAsync(w.SecretaryA.PostAsJsonAsync($"{Base}/campaigns/{id}/nominations",
            new { orgUnitId = w.BranchA.Id, kind = "AdvancedOrganisation", nomineeId = w.BranchB.Id, reason = "x" }), HttpStatusCode.NotFound);

        // The page of the campaign, in the nomination phase: quotas and the candidates of the caller's unit.
        var page = await w.SecretaryA.GetStringAsync($"/assessment/honours/{id}?unit={w.BranchA.Id}&kind=AdvancedOrganisation");
        page.ShouldContain(c.Str("title"));
        page.ShouldContain("data-testid=\"candidates\"");
        // Moving on through the page's form, as the committee.
        var committeeCookie = await app.SignInCookieAsync(w.CommitteeUser);
        using var plain = app.CreateClient();
        using var moved = await plain.PostFormAsync($"/assessment/honours/{id}", "honour-advance", new() { ["Advance.To"] = "Vote" }, committeeCookie);
        ((int)moved.StatusCode).ShouldBeLessThan(400);
        (await w.Committee.GetJsonAsync($"{Base}/campaigns/{id}"))["campaign"]!.Str("status").ShouldBe("Vote");
        // A member votes through the page's form of that nominee.
        var memberUser = await w.Tenant.AddMemberAccountAsync(w.BranchA, w.MembersA[0].Id);
        var memberCookie = await app.SignInCookieAsync(memberUser);
        using (var voted = await plain.PostFormAsync($"/assessment/honours/{id}", $"honour-vote-yes-{self.Id()}", new(), memberCookie))
            ((int)voted.StatusCode).ShouldBeLessThan(400);
        var tallied = await w.Committee.GetJsonAsync($"{Base}/campaigns/{id}");
        tallied["nominations"]!.AsArray().Single()!["yes"]!.GetValue<int>().ShouldBe(1);
        await OkAsync(w.Committee.PostAsJsonAsync($"{Base}/campaigns/{id}/advance", new { to = "Approval" }));
        await OkAsync(w.Committee.PostAsync($"{Base}/campaigns/{id}/nominations/{self.Id()}/approve", null));
        await OkAsync(w.Committee.PostAsJsonAsync($"{Base}/campaigns/{id}/advance", new { to = "Notice" }));
        // An objection through the notice's form, and its answer through the committee's form.
        using (var objected = await plain.PostFormAsync($"/assessment/honours/{id}", "honour-object",
                   new() { ["Objection.NominationId"] = self.Id().ToString(), ["Objection.Text"] = "台账记录不完整" }, memberCookie))
            ((int)objected.StatusCode).ShouldBeLessThan(400);
        var withObjection = await w.Committee.GetJsonAsync($"{Base}/campaigns/{id}");
        var objectionId = withObjection["objections"]!.AsArray().Single()!.Id();
        using (var answered = await plain.PostFormAsync($"/assessment/honours/{id}", $"honour-answer-{objectionId}",
                   new() { ["Answer.Upheld"] = "false", ["Answer.Text"] = "经核查台账完整" }, committeeCookie))
            ((int)answered.StatusCode).ShouldBeLessThan(400);
        var dismissed = (await w.Committee.GetJsonAsync($"{Base}/campaigns/{id}"))["objections"]!.AsArray().Single()!;
        (dismissed.Str("outcome"), dismissed.Str("answer")).ShouldBe(("Dismissed", "经核查台账完整"));
        // The list, and the list page, show the campaign.
        var list = await w.Committee.GetJsonAsync($"{Base}/campaigns?orgUnitId={w.Tenant.Root.Id}");
        list["items"]!.AsArray().Select(x => x!.Id()).ShouldContain(id);
        // A branch lists the campaigns above it that it nominates for; a member's own side needs a member's record.
        var listedForA = await w.SecretaryA.GetJsonAsync($"{Base}/campaigns?orgUnitId={w.BranchA.Id}");
        listedForA["items"]!.AsArray().Select(x => x!.Id()).ShouldBe([id]);
        await OkAsync(w.SecretaryA.GetAsync($"{Base}/campaigns?orgUnitId={w.Tenant.Root.Id}"), HttpStatusCode.NotFound);
        await OkAsync(w.SecretaryA.GetAsync($"{Base}/mine"), HttpStatusCode.NotFound);
        var listPage = await w.Committee.GetStringAsync("/assessment/honours");
        listPage.ShouldContain(c.Str("title"));
    }
}

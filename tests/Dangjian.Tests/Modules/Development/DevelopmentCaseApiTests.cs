using Dangjian.Web.Modules.Development;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Development.Materials;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Development;

/// <summary>A person from the application to full membership through the API, and what the records say on the way.</summary>
public sealed class DevelopmentCaseApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <param name="Commissioner">组织委员 of the 党委: signs the review for the committee.</param>
    /// <param name="Committee">党务工作者 of the 党委: approves for the committee and signs for its organisation department.</param>
    private sealed record World(TestTenant Tenant, OrgUnit Branch, Member Person, IReadOnlyList<Member> Full, HttpClient Secretary, HttpClient Committee,
        HttpClient Commissioner);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var person = (await tenant.AddMembersAsync(branch, 1, MemberCategory.Masses, "申请人"))[0];
        await app.InTenantAsync(tenant.TenantId, db => db.Members.Where(m => m.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.JoinedOn, (DateOnly?)null)));
        var full = await tenant.AddMembersAsync(branch, 2);
        var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var committee = await app.ClientForAsync(await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker));
        var commissioner = await app.ClientForAsync(await tenant.AddUserAsync(tenant.Root, AppRole.OrganizationCommissioner));
        return new World(tenant, branch, person, full, secretary, committee, commissioner);
    }

    private static Task<JsonNode> StepAsync(HttpClient client, Guid caseId, object body) => CaseSteps.RecordAsync(client, caseId, body);

    private static async Task<JsonNode> SignAsync(HttpClient client, Guid caseId, string decision = "Approved", string? reason = null,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/development/cases/{caseId}/reviews", new { decision, reason });
        return (await response.ShouldHaveStatusAsync(expected))!;
    }

    /// <summary>四级联审 with no 党总支: the branch secretary, the committee's 组织委员, its 党务工作者.</summary>
    private static async Task ReviewAsync(World w, Guid id)
    {
        await SignAsync(w.Secretary, id);
        await SignAsync(w.Commissioner, id);
        var done = await SignAsync(w.Committee, id);
        done["review"]!["complete"]!.GetValue<bool>().ShouldBeTrue();
    }

    private static async Task<Guid> OpenAsync(World w, string applied = "2023-09-01")
    {
        using var opened = await w.Secretary.PostAsJsonAsync("/api/v1/development/cases", new { memberId = w.Person.Id, applicationDate = applied });
        return (await opened.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    /// <summary>Steps 2 to 15 with data that satisfies every rule (dates from an application on 2023-09-01).</summary>
    private static async Task ThroughResolutionAsync(World w, Guid id)
    {
        var (s, mentors) = (w.Secretary, w.Full.Select(m => m.Id).ToArray());
        await StepAsync(s, id, new { step = 2, date = "2023-09-15", talker = "王书记" });
        await StepAsync(s, id, new { step = 3, date = "2023-10-10", method = "党员推荐" });
        await StepAsync(s, id, new { step = 4, date = "2023-10-20" });
        await StepAsync(s, id, new { step = 5, date = "2023-10-25", mentorIds = mentors });
        await StepAsync(s, id, new { step = 6, date = "2024-04-01" });
        await StepAsync(s, id, new { step = 6, date = "2024-10-01" });
        await StepAsync(s, id, new { step = 7, date = "2024-10-10" });
        await ReviewAsync(w, id);
        await StepAsync(s, id, new { step = 8, date = "2024-10-15" });
        await StepAsync(s, id, new { step = 9, date = "2024-10-20", sponsorIds = mentors });
        await StepAsync(s, id, new { step = 10, date = "2024-11-01", vettingPassed = true });
        await StepAsync(s, id, new { step = 11, date = "2024-11-10", trainingDays = 3 });
        await StepAsync(s, id, new { step = 12, date = "2024-11-20", noticeFrom = "2024-11-11", noticeTo = "2024-11-15" });
        await StepAsync(s, id, new { step = 13, date = "2024-12-01" });
        await ReviewAsync(w, id);
        await StepAsync(s, id, new { step = 14, date = "2024-12-05" });
        await StepAsync(s, id, new { step = 15, date = "2024-12-10", votersEntitled = 10, votersPresent = 8, votesYes = 7 });
    }

    [Fact]
    public async Task Walk_FromApplicationToFullMembership_UpdatesTheRecordAndTheLedger()
    {
        var w = await WorldAsync();
        var id = await OpenAsync(w);
        var opened = await w.Secretary.GetJsonAsync($"/api/v1/development/cases/{id}");
        opened["nextSteps"]!.AsArray().Select(n => n!["step"]!.GetValue<int>()).ShouldBe([2]);
        opened["nextDue"]!.Str("date").ShouldBe("2023-10-01");
        (await w.Secretary.GetJsonAsync($"/api/v1/members/{w.Person.Id}")).Str("category").ShouldBe("Applicant");

        await ThroughResolutionAsync(w, id);
        var person = await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.AsNoTracking().SingleAsync(m => m.Id == w.Person.Id));
        person.Category.ShouldBe(MemberCategory.Candidate);
        person.ActivistOn.ShouldBe(new DateOnly(2023, 10, 10));
        person.CandidateOn.ShouldBe(new DateOnly(2024, 10, 10));

        var resolved = await w.Secretary.GetJsonAsync($"/api/v1/development/cases/{id}");
        resolved.Str("probationEndsOn").ShouldBe("2025-12-10");
        await StepAsync(w.Secretary, id, new { step = 16, date = "2024-12-20" });

        // A branch secretary cannot decide for the 党委; the committee's worker can.
        using var bySecretary = await w.Secretary.PostAsJsonAsync($"/api/v1/development/cases/{id}/steps", new { step = 17, date = "2025-01-10" });
        bySecretary.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var approved = await StepAsync(w.Committee, id, new { step = 17, date = "2025-01-10" });
        approved.Str("status").ShouldBe("Probation");
        person = await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.AsNoTracking().SingleAsync(m => m.Id == w.Person.Id));
        person.Category.ShouldBe(MemberCategory.Probationary);
        person.JoinedOn.ShouldBe(new DateOnly(2024, 12, 10));

        foreach (var (step, date) in new[] { (18, "2025-01-20"), (19, "2025-01-25"), (20, "2025-02-01"), (21, "2025-06-01"), (22, "2025-11-20") })
            await StepAsync(w.Secretary, id, new { step, date });
        await StepAsync(w.Secretary, id, new
        {
            step = 23, date = "2025-12-15", noticeFrom = "2025-12-01", noticeTo = "2025-12-05", votersEntitled = 10, votersPresent = 9, votesYes = 9,
            outcome = "OnTime",
        });
        await StepAsync(w.Committee, id, new { step = 24, date = "2026-01-10" });
        var done = await StepAsync(w.Secretary, id, new { step = 25, date = "2026-01-12" });

        done.Str("status").ShouldBe("Full");
        done["nextSteps"]!.AsArray().Count.ShouldBe(0);
        done["steps"]!.AsArray().Select(s => s!["step"]!.GetValue<int>()).ShouldBe([1, 2, 3, 4, 5, 6, 6, .. Enumerable.Range(7, 19)]);
        done["warnings"]!.AsArray().Count.ShouldBe(0);
        done["steps"]!.AsArray().Single(s => s!["step"]!.GetValue<int>() == 9)!["people"]!.AsArray().Select(p => p!.GetValue<string>())
            .ShouldBe(w.Full.Select(m => m.Name), ignoreOrder: true);
        person = await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.AsNoTracking().SingleAsync(m => m.Id == w.Person.Id));
        person.Category.ShouldBe(MemberCategory.Full);
        person.FullMemberOn.ShouldBe(new DateOnly(2025, 12, 10)); // 党龄 from the end of probation

        var proof = await w.Secretary.GetJsonAsync($"/api/v1/development/cases/{id}/proof");
        proof["valid"]!.GetValue<bool>().ShouldBeTrue();
        proof["entries"]!.AsArray().Count.ShouldBe(26 + 6); // 26 steps, 3 sign-offs on each of steps 7 and 13
        proof["entries"]!.AsArray().ShouldAllBe(e => e!["hashValid"]!.GetValue<bool>() && e["rowMatches"]!.GetValue<bool>());
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        (await admin.GetJsonAsync("/api/v1/ledger/verify"))["valid"]!.GetValue<bool>().ShouldBeTrue();

        // 入党材料归档: the dossier as a PDF, readable text in Chinese.
        using var dossier = await w.Secretary.GetAsync($"/api/v1/development/cases/{id}/dossier.pdf");
        var text = await PdfText.CompactTextAsync(await dossier.ReadPdfAsync());
        text.ShouldContain("发展党员材料归档目录");
        text.ShouldContain(w.Person.Name);
        text.ShouldContain("材料归档");
        text.ShouldContain("政治审查合格");
        text.ShouldContain("打印时核验通过");
    }

    [Fact]
    public async Task Refusals_Answer422_NamingTheRuleAndArticle()
    {
        var w = await WorldAsync();
        await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.Where(m => m.Id == w.Person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BirthDate, new DateOnly(2008, 6, 2))));
        using var young = await w.Secretary.PostAsJsonAsync("/api/v1/development/cases", new { memberId = w.Person.Id, applicationDate = "2026-06-01" });
        var problem = (await young.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        problem.Str("detail").ShouldContain("第五条");
        problem.Str("detail").ShouldContain("18");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.DevelopmentCases.CountAsync())).ShouldBe(0);

        var id = await OpenAsync(w, "2026-06-02"); // the 18th birthday
        await StepAsync(w.Secretary, id, new { step = 2, date = "2026-06-20", talker = "王书记" });
        await StepAsync(w.Secretary, id, new { step = 3, date = "2026-07-01", method = "群团推优" });
        using var skipped = await w.Secretary.PostAsJsonAsync($"/api/v1/development/cases/{id}/steps", new { step = 7, date = "2026-11-20" });
        (await skipped.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("detail").ShouldContain("第4步");
        await StepAsync(w.Secretary, id, new { step = 4, date = "2026-07-05" });
        await StepAsync(w.Secretary, id, new { step = 5, date = "2026-07-06", mentorIds = w.Full.Select(m => m.Id).ToArray() });
        await StepAsync(w.Secretary, id, new { step = 6, date = "2026-11-01" });
        using var early = await w.Secretary.PostAsJsonAsync($"/api/v1/development/cases/{id}/steps", new { step = 7, date = "2026-11-20" });
        var refusal = (await early.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        refusal.Str("detail").ShouldContain("《中国共产党发展党员工作细则》第十三条");
        refusal.Str("detail").ShouldContain("2027年7月1日");

        using var late = await w.Secretary.PostAsJsonAsync($"/api/v1/development/cases/{id}/steps", new { step = 6, date = "2026-11-21" });
        await late.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var stored = await app.InTenantAsync(w.Tenant.TenantId, db => db.DevelopmentSteps.Where(s => s.CaseId == id).CountAsync());
        stored.ShouldBe(7); // the refused steps left nothing behind
    }

    [Fact]
    public async Task Talk_Late_WarningStaysOnTheRecord_AndMissingFieldsAreNamed()
    {
        var w = await WorldAsync();
        var id = await OpenAsync(w, "2026-01-05");
        using var noTalker = await w.Secretary.PostAsJsonAsync($"/api/v1/development/cases/{id}/steps", new { step = 2, date = "2026-03-01" });
        var missing = (await noTalker.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!;
        missing["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["talker"]);
        missing.Str("article").ShouldContain("第七条");
        using var noDate = await w.Secretary.PostAsJsonAsync($"/api/v1/development/cases/{id}/steps", new { step = 2 });
        (await noDate.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["date"]);

        var talked = await StepAsync(w.Secretary, id, new { step = 2, date = "2026-03-01", talker = "李委员" });
        talked["warnings"]!.AsArray().Single()!.GetValue<string>().ShouldContain("第七条");
        var again = await w.Secretary.GetJsonAsync($"/api/v1/development/cases/{id}");
        again["steps"]!.AsArray()[1]!["warnings"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task OneOpenCasePerPerson_AndOnlyMassesOrApplicants()
    {
        var w = await WorldAsync();
        await OpenAsync(w);
        using var twice = await w.Secretary.PostAsJsonAsync("/api/v1/development/cases", new { memberId = w.Person.Id, applicationDate = "2023-09-02" });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var member = await w.Secretary.PostAsJsonAsync("/api/v1/development/cases", new { memberId = w.Full[0].Id, applicationDate = "2023-09-02" });
        member.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ChangingAStoredStep_BreaksTheProofAndTheLedgerVerification()
    {
        var w = await WorldAsync();
        var id = await OpenAsync(w);
        await StepAsync(w.Secretary, id, new { step = 2, date = "2023-09-15", talker = "王书记" });
        await StepAsync(w.Secretary, id, new { step = 3, date = "2023-10-10", method = "党员推荐" });
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        (await w.Secretary.GetJsonAsync($"/api/v1/development/cases/{id}/proof"))["valid"]!.GetValue<bool>().ShouldBeTrue();
        (await admin.GetJsonAsync("/api/v1/ledger/verify"))["valid"]!.GetValue<bool>().ShouldBeTrue();

        // Back-date the activist step by a year in the database, behind the application's back.
        await app.InTenantAsync(w.Tenant.TenantId, db => db.DevelopmentSteps.Where(s => s.CaseId == id && s.Step == 3)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Date, new DateOnly(2022, 10, 10))));

        var proof = await w.Secretary.GetJsonAsync($"/api/v1/development/cases/{id}/proof");
        proof["valid"]!.GetValue<bool>().ShouldBeFalse();
        proof["entries"]!.AsArray().Count(e => !e!["rowMatches"]!.GetValue<bool>()).ShouldBe(1);
        var verify = await admin.GetJsonAsync("/api/v1/ledger/verify");
        verify["valid"]!.GetValue<bool>().ShouldBeFalse();
        verify.Str("reason").ShouldContain("第3步");
    }

    [Fact]
    public async Task Pipeline_CountsByStage_ForTheBranchAndTheCommittee()
    {
        var w = await WorldAsync();
        var id = await OpenAsync(w);
        await StepAsync(w.Secretary, id, new { step = 2, date = "2023-09-15", talker = "王书记" });
        await StepAsync(w.Secretary, id, new { step = 3, date = "2023-10-10", method = "党员推荐" });
        var other = await w.Tenant.AddUnitAsync(w.Tenant.Root, OrgUnitKind.Branch);
        var applicant = (await w.Tenant.AddMembersAsync(other, 1, MemberCategory.Masses))[0];
        using var committee = await app.ClientForAsync(w.Tenant.Admin);
        (await committee.PostAsJsonAsync("/api/v1/development/cases", new { memberId = applicant.Id, applicationDate = "2026-10-01" })).StatusCode
            .ShouldBe(HttpStatusCode.Created);

        var branch = await w.Secretary.GetJsonAsync($"/api/v1/development/cases?orgUnitId={w.Branch.Id}");
        branch["funnel"]!.AsArray().Select(s => s!["count"]!.GetValue<int>()).ShouldBe([0, 1, 0, 0, 0]);
        branch["cases"]!["items"]!.AsArray().Single()!.Id().ShouldBe(id);
        var all = await committee.GetJsonAsync($"/api/v1/development/cases?orgUnitId={w.Tenant.Root.Id}");
        all["funnel"]!.AsArray().Select(s => s!["count"]!.GetValue<int>()).ShouldBe([1, 1, 0, 0, 0]);
        using var outside = await w.Secretary.GetAsync($"/api/v1/development/cases?orgUnitId={other.Id}");
        outside.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task JointReview_InOrder_RightRolePerLevel_OnePersonPerLevel_ReturnMeansRedo()
    {
        var w = await WorldAsync();
        var id = await OpenAsync(w, "2024-01-05");
        await StepAsync(w.Secretary, id, new { step = 2, date = "2024-01-20", talker = "王书记" });
        await StepAsync(w.Secretary, id, new { step = 3, date = "2024-02-01", method = "党员推荐" });
        await StepAsync(w.Secretary, id, new { step = 4, date = "2024-02-05" });
        await StepAsync(w.Secretary, id, new { step = 5, date = "2024-02-06", mentorIds = w.Full.Select(m => m.Id).ToArray() });
        await StepAsync(w.Secretary, id, new { step = 6, date = "2024-08-01" });
        (await SignAsync(w.Secretary, id, expected: HttpStatusCode.Conflict)).Str("code").ShouldBe("DEV_NO_REVIEW");
        var candidate = await StepAsync(w.Secretary, id, new { step = 7, date = "2025-02-10" });
        candidate["nextSteps"]!.AsArray().Count.ShouldBe(0);
        candidate["review"]!["levels"]!.AsArray().Select(l => l!.Str("status")).ShouldBe(["Awaiting", "Later", "Later"]);

        // Not before its turn, not without the role on that level.
        (await SignAsync(w.Commissioner, id, expected: HttpStatusCode.Forbidden)).Str("detail").ShouldContain("党支部");
        using var blocked = await w.Secretary.PostAsJsonAsync($"/api/v1/development/cases/{id}/steps", new { step = 8, date = "2025-02-15" });
        var pending = (await blocked.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        pending.Str("code").ShouldBe("DEV_REVIEW_PENDING");
        pending.Str("detail").ShouldContain("四级联审");

        await SignAsync(w.Secretary, id);
        (await SignAsync(w.Secretary, id, expected: HttpStatusCode.Forbidden)).Str("detail").ShouldContain("党委");
        (await SignAsync(w.Commissioner, id, "Returned", expected: HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["reason"]);
        var returned = await SignAsync(w.Commissioner, id, "Returned", "缺少群团组织推优意见");
        returned["review"]!["returned"]!.GetValue<bool>().ShouldBeTrue();
        returned["review"]!["levels"]!.AsArray()[1]!.Str("reason").ShouldBe("缺少群团组织推优意见");
        returned["steps"]!.AsArray().Last()!["returned"]!.GetValue<bool>().ShouldBeTrue();
        returned["nextSteps"]!.AsArray().Select(n => n!["step"]!.GetValue<int>()).ShouldBe([6, 7]);
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.AsNoTracking().SingleAsync(m => m.Id == w.Person.Id))).Category
            .ShouldBe(MemberCategory.Activist); // a step under review takes effect only when the last level signs

        // Put right and recorded again: a new round from the branch.
        await StepAsync(w.Secretary, id, new { step = 7, date = "2025-02-20" });
        await ReviewAsync(w, id);
        var person = await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.AsNoTracking().SingleAsync(m => m.Id == w.Person.Id));
        person.Category.ShouldBe(MemberCategory.Candidate);
        person.CandidateOn.ShouldBe(new DateOnly(2025, 2, 20));
        await StepAsync(w.Secretary, id, new { step = 8, date = "2025-02-25" });
        var proof = await w.Secretary.GetJsonAsync($"/api/v1/development/cases/{id}/proof");
        proof["valid"]!.GetValue<bool>().ShouldBeTrue();
        proof["entries"]!.AsArray().Count(e => e!.Str("kind") == "development.review").ShouldBe(5);
    }

    [Fact]
    public async Task JointReview_WithAGeneralBranch_HasFourLevels_AndOnePersonSignsOnlyOne()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var general = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.GeneralBranch);
        var branch = await tenant.AddUnitAsync(general, OrgUnitKind.Branch);
        var person = (await tenant.AddMembersAsync(branch, 1, MemberCategory.Masses))[0];
        var full = await tenant.AddMembersAsync(branch, 2);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var generalSecretary = await app.ClientForAsync(await tenant.AddUserAsync(general, AppRole.BranchSecretary));
        var both = await tenant.AddUserAsync(tenant.Root, AppRole.OrganizationCommissioner);
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.RoleAssignments.Add(new RoleAssignment
            {
                Id = Guid.NewGuid(), UserId = both.Id, OrgUnitId = tenant.Root.Id, Role = AppRole.PartyAffairsWorker, Scope = DataScope.OwnUnitAndBelow,
            });
            await db.SaveChangesAsync();
        });
        using var committee = await app.ClientForAsync(both);

        using var opened = await secretary.PostAsJsonAsync("/api/v1/development/cases", new { memberId = person.Id, applicationDate = "2024-01-05" });
        var id = (await opened.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        await StepAsync(secretary, id, new { step = 2, date = "2024-01-20", talker = "王书记" });
        await StepAsync(secretary, id, new { step = 3, date = "2024-02-01", method = "党员推荐" });
        await StepAsync(secretary, id, new { step = 4, date = "2024-02-05" });
        await StepAsync(secretary, id, new { step = 5, date = "2024-02-06", mentorIds = full.Select(m => m.Id).ToArray() });
        await StepAsync(secretary, id, new { step = 6, date = "2024-08-01" });
        var candidate = await StepAsync(secretary, id, new { step = 7, date = "2025-02-10" });
        candidate["review"]!["levels"]!.AsArray().Select(l => l!.Str("level")).ShouldBe(["Branch", "GeneralBranch", "Committee", "OrgDepartment"]);

        await SignAsync(secretary, id);
        (await SignAsync(committee, id, expected: HttpStatusCode.Forbidden)).Str("detail").ShouldContain("党总支");
        await SignAsync(generalSecretary, id);
        await SignAsync(committee, id);
        (await SignAsync(committee, id, expected: HttpStatusCode.Forbidden)).Str("code").ShouldBe("DEV_REVIEW_SAME_PERSON");
    }

    [Fact]
    public async Task Materials_ARequiredOneMissing_BlocksTheStep_UploadedFilesAreKeptWithTheirHash()
    {
        var w = await WorldAsync();
        var id = await OpenAsync(w, "2024-01-05");
        foreach (var body in new object[]
                 {
                     new { step = 2, date = "2024-01-20", talker = "王书记" }, new { step = 3, date = "2024-02-01", method = "党员推荐" },
                     new { step = 4, date = "2024-02-05" }, new { step = 5, date = "2024-02-06", mentorIds = w.Full.Select(m => m.Id).ToArray() },
                     new { step = 6, date = "2024-08-01" },
                 })
        {
            await StepAsync(w.Secretary, id, body);
        }
        var before = await w.Secretary.GetJsonAsync($"/api/v1/development/cases/{id}");
        var item = before["checklist"]!.AsArray().Single(c => c!["step"]!.GetValue<int>() == 7)!;
        (item.Str("code"), item["required"]!.GetValue<bool>(), item["present"]!.GetValue<bool>()).ShouldBe(("candidate-minutes", true, false));

        using var blocked = await w.Secretary.PostAsJsonAsync($"/api/v1/development/cases/{id}/steps", new { step = 7, date = "2025-02-10" });
        var refusal = (await blocked.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        refusal.Str("code").ShouldBe("DEV_MATERIAL_MISSING");
        refusal.Str("detail").ShouldContain("支委会确定发展对象的会议记录");
        refusal.Str("detail").ShouldContain(MaterialChecklist.Article);

        using var wrongCode = await w.Secretary.PostAsync($"/api/v1/development/cases/{id}/materials?step=7&code=vetting-report", new ByteArrayContent([1]));
        (await wrongCode.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["code"]);
        using var empty = await w.Secretary.PostAsync($"/api/v1/development/cases/{id}/materials?step=7&code=candidate-minutes", new ByteArrayContent([]));
        (await empty.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["file"]);

        var bytes = System.Text.Encoding.UTF8.GetBytes("支委会会议记录：同意确定为发展对象");
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/plain");
        using var uploaded = await w.Secretary.PostAsync($"/api/v1/development/cases/{id}/materials?step=7&code=candidate-minutes&fileName=会议记录.txt", content);
        var material = (await uploaded.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        material.Str("sha256").ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        (await w.Secretary.GetByteArrayAsync($"/api/v1/development/cases/{id}/materials/{material.Id()}")).ShouldBe(bytes);

        await StepAsync(w.Secretary, id, new { step = 7, date = "2025-02-10" });
        using var template = await w.Secretary.GetAsync("/api/v1/development/materials/templates/7/candidate-minutes");
        template.Content.Headers.ContentType!.MediaType.ShouldBe(MaterialTemplate.ContentType);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await template.Content.ReadAsByteArrayAsync()), false))
        {
            docx.MainDocumentPart!.Document.Body!.InnerText.ShouldContain("支委会确定发展对象的会议记录");
        }
        (await w.Secretary.GetAsync("/api/v1/development/materials/templates/7/no-such")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var after = await w.Secretary.GetJsonAsync($"/api/v1/development/cases/{id}");
        after["checklist"]!.AsArray().Single(c => c!.Str("code") == "candidate-minutes")!["present"]!.GetValue<bool>().ShouldBeTrue();
        after["materials"]!.AsArray().Select(m => m!.Str("fileName")).ShouldContain("会议记录.txt");
    }

    [Fact]
    public async Task Plan_CommitteeSplitsTheQuota_AdmissionBeyondItNeedsAReason()
    {
        var w = await WorldAsync();
        var other = await w.Tenant.AddUnitAsync(w.Tenant.Root, OrgUnitKind.Branch);
        async Task<HttpResponseMessage> SetAsync(HttpClient c, Guid unit, int quota) =>
            await c.PutAsJsonAsync("/api/v1/development/plans", new { orgUnitId = unit, year = 2025, quota });

        // The branch cannot set its own quota; the committee sets its own and splits it.
        (await SetAsync(w.Secretary, w.Branch.Id, 5)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SetAsync(w.Committee, w.Tenant.Root.Id, 3)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SetAsync(w.Committee, w.Branch.Id, 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var tooMany = await SetAsync(w.Committee, other.Id, 3);
        (await tooMany.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("code").ShouldBe("DEV_QUOTA_SPLIT");
        (await SetAsync(w.Committee, other.Id, 2)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var belowSplit = await SetAsync(w.Committee, w.Tenant.Root.Id, 2);
        (await belowSplit.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("code").ShouldBe("DEV_QUOTA_BELOW_SPLIT");

        // The branch's one place is taken by someone approved earlier in 2025.
        var earlier = (await w.Tenant.AddMembersAsync(w.Branch, 1, MemberCategory.Probationary))[0];
        await app.InTenantAsync(w.Tenant.TenantId, async db =>
        {
            var c = new Dangjian.Web.Modules.Development.DevelopmentCase
            {
                Id = Guid.NewGuid(), MemberId = earlier.Id, OpenedInUnitId = w.Branch.Id, ApplicationDate = new DateOnly(2022, 1, 1), LastStep = 17,
                Status = Dangjian.Web.Modules.Development.CaseStatus.Probation, CreatedAt = app.Clock.GetUtcNow(),
            };
            db.DevelopmentCases.Add(c);
            db.DevelopmentSteps.Add(new Dangjian.Web.Modules.Development.DevelopmentStepRecord
            {
                Id = Guid.NewGuid(), CaseId = c.Id, Step = 17, Date = new DateOnly(2025, 1, 5), Data = "{}", RecordedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        });
        var plan = await w.Committee.GetJsonAsync($"/api/v1/development/plans?orgUnitId={w.Tenant.Root.Id}&year=2025");
        (plan["quota"]!.GetValue<int>(), plan["admitted"]!.GetValue<int>(), plan["splitToChildren"]!.GetValue<int>()).ShouldBe((3, 1, 3));
        plan["children"]!.AsArray().Single(c => c!.Id("orgUnitId") == w.Branch.Id)!["admitted"]!.GetValue<int>().ShouldBe(1);

        var id = await OpenAsync(w);
        await ThroughResolutionAsync(w, id);
        await StepAsync(w.Secretary, id, new { step = 16, date = "2024-12-20" });
        using var over = await w.Committee.PostAsJsonAsync($"/api/v1/development/cases/{id}/steps", new { step = 17, date = "2025-01-10" });
        var refusal = (await over.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        refusal.Str("code").ShouldBe("DEV_OVER_QUOTA");
        refusal.Str("detail").ShouldContain(w.Branch.Name);
        var approved = await StepAsync(w.Committee, id, new { step = 17, date = "2025-01-10", quotaReason = "生产一线技术骨干，群众基础好" });
        approved["steps"]!.AsArray().Last()!["warnings"]!.AsArray().Single()!.GetValue<string>().ShouldContain("生产一线技术骨干");
    }

    [Fact]
    public async Task Transfer_TheCaseMovesWithThePerson()
    {
        var w = await WorldAsync();
        var id = await OpenAsync(w);
        await ThroughResolutionAsync(w, id);
        await StepAsync(w.Secretary, id, new { step = 16, date = "2024-12-20" });
        await StepAsync(w.Committee, id, new { step = 17, date = "2025-01-10" });
        var to = await w.Tenant.AddUnitAsync(w.Tenant.Root, OrgUnitKind.Branch);
        using var receiver = await app.ClientForAsync(await w.Tenant.AddUserAsync(to, AppRole.BranchSecretary));

        // A probationary member moves to another branch (组织关系转接, accepted by the receiving branch).
        using var issued = await w.Secretary.PostAsJsonAsync($"/api/v1/members/{w.Person.Id}/transfers",
            new { kind = "Internal", toOrgUnitId = to.Id, duesPaidUntil = "2026-10", reason = "工作调动" });
        var letter = (await issued.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        (await receiver.GetAsync($"/api/v1/development/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not before acceptance
        (await receiver.PostAsync($"/api/v1/transfers/{letter.Id()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var moved = await receiver.GetJsonAsync($"/api/v1/development/cases/{id}");
        moved.Id("orgUnitId").ShouldBe(to.Id);
        moved["steps"]!.AsArray().Count.ShouldBe(26 - 8); // steps 1–17 (6 twice) so far
        (await w.Secretary.GetAsync($"/api/v1/development/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await receiver.GetJsonAsync($"/api/v1/development/cases?orgUnitId={to.Id}"))["cases"]!["items"]!.AsArray().Single()!.Id().ShouldBe(id);
        await StepAsync(receiver, id, new { step = 18, date = "2025-01-20" });
        (await receiver.GetJsonAsync($"/api/v1/development/cases/{id}/proof"))["valid"]!.GetValue<bool>().ShouldBeTrue();
    }
}

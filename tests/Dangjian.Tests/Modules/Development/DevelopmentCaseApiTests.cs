using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Development;

/// <summary>A person from the application to full membership through the API, and what the records say on the way.</summary>
public sealed class DevelopmentCaseApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record World(TestTenant Tenant, OrgUnit Branch, Member Person, IReadOnlyList<Member> Full, HttpClient Secretary, HttpClient Committee);

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
        return new World(tenant, branch, person, full, secretary, committee);
    }

    private static async Task<JsonNode> StepAsync(HttpClient client, Guid caseId, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/development/cases/{caseId}/steps", body);
        return (await response.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
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
        await StepAsync(s, id, new { step = 8, date = "2024-10-15" });
        await StepAsync(s, id, new { step = 9, date = "2024-10-20", sponsorIds = mentors });
        await StepAsync(s, id, new { step = 10, date = "2024-11-01", vettingPassed = true });
        await StepAsync(s, id, new { step = 11, date = "2024-11-10", trainingDays = 3 });
        await StepAsync(s, id, new { step = 12, date = "2024-11-20", noticeFrom = "2024-11-11", noticeTo = "2024-11-15" });
        await StepAsync(s, id, new { step = 13, date = "2024-12-01" });
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
        person = await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.AsNoTracking().SingleAsync(m => m.Id == w.Person.Id));
        person.Category.ShouldBe(MemberCategory.Full);
        person.FullMemberOn.ShouldBe(new DateOnly(2025, 12, 10)); // 党龄 from the end of probation

        var proof = await w.Secretary.GetJsonAsync($"/api/v1/development/cases/{id}/proof");
        proof["valid"]!.GetValue<bool>().ShouldBeTrue();
        proof["entries"]!.AsArray().Count.ShouldBe(26);
        proof["entries"]!.AsArray().ShouldAllBe(e => e!["hashValid"]!.GetValue<bool>() && e["rowMatches"]!.GetValue<bool>());
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        (await admin.GetJsonAsync("/api/v1/ledger/verify"))["valid"]!.GetValue<bool>().ShouldBeTrue();
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
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Tests.Modules.Development;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Members.Certificates;
using Dangjian.Web.Modules.Members.Transfers;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Xunit.Abstractions;

namespace Dangjian.Tests.Security;

/// <summary>
/// Double submits: the same request sent several times at once (a double click, a retry on a slow network, a probe)
/// changes state once. Each operation is prepared in a tenant of its own, then <see cref="Copies"/> identical requests
/// of the same user are released together through separate clients of the test host. Whatever the database (SQLite
/// serialises writers, PostgreSQL runs them side by side at READ COMMITTED): no answer is a 5xx; an action (POST) succeeds
/// once and the others get 409 with a problem code; a PUT that replaces a list is applied one request after the other,
/// each answering 200 with the same list; the database holds one change and, where the operation is recorded in the
/// ledger, one entry, and the chain verifies.
/// </summary>
public sealed class DoubleSubmitTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const int Copies = 8;

    /// <summary>How the identical requests are answered.</summary>
    private enum Answer
    {
        /// <summary>One succeeds, every other one gets 409.</summary>
        Once,

        /// <summary>Every one gets the same success answer (the change is made once and found made by the others).</summary>
        Same,
    }

    /// <param name="User">Who sends the requests.</param>
    /// <param name="Send">One copy of the request.</param>
    /// <param name="Rows">Counts the rows the operation writes (its state).</param>
    /// <param name="ExpectedRows">What <paramref name="Rows"/> must count afterwards: the change made once.</param>
    /// <param name="LedgerEntries">Entries the operation appends to the ledger when it is made once.</param>
    /// <param name="English">The requests ask for English (<c>?culture=en-US</c>): every refusal must be in English too.</param>
    private sealed record Scenario(TestTenant Tenant, TestUser User, Func<HttpClient, Task<HttpResponseMessage>> Send, HttpStatusCode Success,
        Answer Answer, Func<AppDbContext, Task<int>> Rows, int ExpectedRows, int LedgerEntries, bool English = false);

    [Theory]
    [InlineData("AppraisalClose")]
    [InlineData("CodeTableSave")]
    [InlineData("RecordLock")]
    [InlineData("RecordLockAfterMinutes")]
    [InlineData("LeaveRequest")]
    [InlineData("CertificateCancel")]
    [InlineData("TransferCancel")]
    [InlineData("DevelopmentStep")]
    [InlineData("DevelopmentStepRepeated")]
    public async Task IdenticalRequestsAtOnce_StateChangesOnce(string operation)
    {
        var s = await ArrangeAsync(operation);
        var ledgerBefore = await app.InTenantAsync(s.Tenant.TenantId, db => db.LedgerEntries.CountAsync());
        var answers = await FireAsync(s);
        // Which way each copy lost (the operation's own 409 when it came after the winner, CONCURRENT_CHANGE when the
        // database refused it beside the winner), for the record of a run.
        output.WriteLine($"{operation} ({TestDatabase.Provider}): " + string.Join(", ", answers
            .GroupBy(a => a.Status >= 400 ? $"{a.Status} {JsonNode.Parse(a.Body)?["code"]?.GetValue<string>()}" : a.Status.ToString())
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}")));

        answers.Where(a => a.Status >= 500).ShouldBeEmpty(Describe(answers));
        var successes = answers.Where(a => a.Status == (int)s.Success).ToList();
        if (s.Answer == Answer.Once)
        {
            successes.Count.ShouldBe(1, Describe(answers));
            var losers = answers.Where(a => a.Status != (int)s.Success).ToList();
            losers.ShouldAllBe(a => a.Status == 409, Describe(answers));
            // A problem the caller can read: its code says why (the operation's own, or the concurrent change).
            losers.ShouldAllBe(a => !string.IsNullOrEmpty(JsonNode.Parse(a.Body)!["code"]!.GetValue<string>()), Describe(answers));
            // In the caller's language, the database's refusal included (it is answered outside the localisation middleware).
            if (s.English)
            {
                losers.ShouldAllBe(a => !JsonNode.Parse(a.Body)!["title"]!.GetValue<string>().Any(c => c >= '\u4e00' && c <= '\u9fff'), Describe(answers));
            }
        }
        else
        {
            successes.Count.ShouldBe(Copies, Describe(answers));
            successes.Select(a => a.Body).Distinct().Count().ShouldBe(1, Describe(answers));
        }

        (await app.InTenantAsync(s.Tenant.TenantId, s.Rows)).ShouldBe(s.ExpectedRows);
        var ledgerAfter = await app.InTenantAsync(s.Tenant.TenantId, db => db.LedgerEntries.CountAsync());
        (ledgerAfter - ledgerBefore).ShouldBe(s.LedgerEntries);
        using var admin = await app.ClientForAsync(s.Tenant.Admin);
        var verified = await admin.GetJsonAsync("/api/v1/ledger/verify");
        verified["valid"]!.GetValue<bool>().ShouldBeTrue(verified.ToJsonString());
        verified["entries"]!.GetValue<long>().ShouldBe(ledgerAfter);
    }

    [Fact]
    public async Task DevelopmentStep_SameStepOnTheSameDateAgain_ConflictNotASecondStep()
    {
        var s = await DevelopmentStepAsync(repeated: true);
        using var client = await app.ClientForAsync(s.User);
        using (var first = await s.Send(client)) await first.ShouldHaveStatusAsync(HttpStatusCode.OK);

        // Sent again after the first answered (a retry): the same 考察 on the same date is not a second one.
        using (var again = await s.Send(client))
        {
            var problem = (await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!;
            problem.Str("code").ShouldBe("DEV_STEP_RECORDED");
            problem.Str("title").ShouldContain("2024年10月1日");
        }
        (await app.InTenantAsync(s.Tenant.TenantId, s.Rows)).ShouldBe(s.ExpectedRows);

        // The next 考察, half a year on, is a step of its own.
        var caseId = await app.InTenantAsync(s.Tenant.TenantId, db => db.DevelopmentCases.Select(c => c.Id).SingleAsync());
        await CaseSteps.RecordAsync(client, caseId, new { step = 6, date = "2025-04-01" });
        (await app.InTenantAsync(s.Tenant.TenantId, s.Rows)).ShouldBe(s.ExpectedRows + 1);
    }

    private sealed record Reply(int Status, string Body);

    /// <summary>
    /// The copies, each through a client of its own with the same token, held at a gate until all are started, then
    /// released together.
    /// </summary>
    private async Task<Reply[]> FireAsync(Scenario s)
    {
        var token = await app.TokenAsync(s.User.UserName, s.User.Password);
        var clients = Enumerable.Range(0, Copies).Select(_ => app.ClientWithToken(token)).ToList();
        try
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sends = clients.Select(c => Task.Run(async () =>
            {
                await gate.Task;
                using var response = await s.Send(c);
                return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync());
            })).ToList();
            gate.SetResult();
            return await Task.WhenAll(sends);
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }

    private static string Describe(IEnumerable<Reply> answers) =>
        string.Join("\n", answers.Select(a => $"{a.Status} {(a.Body.Length > 300 ? a.Body[..300] : a.Body)}"));

    private Task<Scenario> ArrangeAsync(string operation) => operation switch
    {
        "AppraisalClose" => AppraisalCloseAsync(),
        "CodeTableSave" => CodeTableSaveAsync(),
        "RecordLock" => RecordLockAsync(minutesFirst: false),
        "RecordLockAfterMinutes" => RecordLockAsync(minutesFirst: true),
        "LeaveRequest" => LeaveRequestAsync(),
        "CertificateCancel" => CertificateCancelAsync(),
        "TransferCancel" => TransferCancelAsync(),
        "DevelopmentStep" => DevelopmentStepAsync(repeated: false),
        "DevelopmentStepRepeated" => DevelopmentStepAsync(repeated: true),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>The host closes a 民主评议 meeting: one grade per member goes onto the records.</summary>
    private async Task<Scenario> AppraisalCloseAsync()
    {
        var (tenant, branch, secretary, client) = await BranchAsync();
        await tenant.AddMembersAsync(branch, 3);
        var id = await MeetingAsync(client, branch, "DemocraticAppraisal", app.Clock.GetUtcNow().AddMinutes(-10));
        return new Scenario(tenant, secretary, c => c.PostAsJsonAsync($"/api/v1/meetings/{id}/appraisal/close", new { }), HttpStatusCode.OK, Answer.Once,
            db => db.AppraisalResults.CountAsync(r => r.MeetingId == id), 3, 0);
    }

    /// <summary>The administrator saves a code table for the first time: its rows are created (8 built-in + 1 added).</summary>
    private async Task<Scenario> CodeTableSaveAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var items = new object[] { new { name = "大学本科" }, new { name = "研究生" }, new { name = "技工学校" } };
        return new Scenario(tenant, tenant.Admin, c => c.PutAsJsonAsync("/api/v1/code-tables/education", new { items }), HttpStatusCode.OK, Answer.Same,
            async db => await db.CodeItems.CountAsync(i => i.Table == "education") + await db.AuditEntries.CountAsync(a => a.EntityType == "CodeItem"),
            9 + 9, 0);
    }

    /// <summary>The host locks the minutes of a meeting, before anything was written or after the minutes were saved.</summary>
    private async Task<Scenario> RecordLockAsync(bool minutesFirst)
    {
        var (tenant, branch, secretary, client) = await BranchAsync();
        await tenant.AddMembersAsync(branch, 2);
        var id = await MeetingAsync(client, branch, "BranchGeneralMeeting", app.Clock.GetUtcNow().AddHours(-2));
        if (minutesFirst)
        {
            using var saved = await client.PutAsJsonAsync($"/api/v1/meetings/{id}/record", new { minutes = "会议由书记主持……", recorder = "组织委员" });
            await saved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        return new Scenario(tenant, secretary, c => c.PostAsync($"/api/v1/meetings/{id}/record/lock", null), HttpStatusCode.OK, Answer.Once,
            db => db.MeetingRecords.CountAsync(r => r.MeetingId == id && r.Locked), 1, 0);
    }

    /// <summary>A member asks to be excused from a meeting in two hours.</summary>
    private async Task<Scenario> LeaveRequestAsync()
    {
        var (tenant, branch, _, client) = await BranchAsync();
        var members = await tenant.AddMembersAsync(branch, 2);
        var phone = await tenant.AddMemberAccountAsync(branch, members[0].Id);
        var id = await MeetingAsync(client, branch, "ThemeDay", app.Clock.GetUtcNow().AddHours(2));
        return new Scenario(tenant, phone, c => c.PostAsJsonAsync($"/api/v1/meetings/{id}/leaves", new { reason = "出差在外地" }), HttpStatusCode.Created,
            Answer.Once, db => db.MeetingLeaves.CountAsync(l => l.MeetingId == id), 1, 0);
    }

    /// <summary>
    /// The issuing branch cancels a 党员证明信, in English: one cancellation, one ledger entry, one audit entry of the change.
    /// </summary>
    private async Task<Scenario> CertificateCancelAsync()
    {
        var (tenant, branch, secretary, client) = await BranchAsync();
        var member = await tenant.AddPersonAsync(branch, "王芳", "11010519491231002X");
        using var issued = await client.PostAsJsonAsync($"/api/v1/members/{member.Id}/certificates", new
        {
            destination = "中共某市某区某街道工作委员会", reason = "参加培训", fromDate = "2026-12-01", toDate = "2027-02-28",
        });
        var id = (await issued.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        var subject = id.ToString();
        return new Scenario(tenant, secretary, c => c.PostAsync($"/api/v1/certificates/{id}/cancel?culture=en-US", null), HttpStatusCode.OK, Answer.Once,
            async db => await db.MemberCertificates.CountAsync(x => x.Id == id && x.Status == CertificateStatus.Cancelled)
                        + await db.AuditEntries.CountAsync(a => a.EntityId == subject && a.Action == "Modified")
                        + await db.LedgerEntries.CountAsync(e => e.SubjectId == subject && e.Kind == "member.certificate.cancelled"),
            3, 1, English: true);
    }

    /// <summary>The sending branch cancels a transfer letter: one cancellation, one ledger entry, one audit entry of the change.</summary>
    private async Task<Scenario> TransferCancelAsync()
    {
        var (tenant, from, sender, client) = await BranchAsync();
        var to = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(from, 1))[0];
        using var issued = await client.PostAsJsonAsync($"/api/v1/members/{member.Id}/transfers",
            new { kind = "Internal", toOrgUnitId = to.Id, duesPaidUntil = "2026-10", reason = "工作调动" });
        var id = (await issued.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        var subject = id.ToString();
        return new Scenario(tenant, sender, c => c.PostAsync($"/api/v1/transfers/{id}/cancel", null), HttpStatusCode.OK, Answer.Once,
            async db => await db.MemberTransfers.CountAsync(t => t.Id == id && t.Status == TransferStatus.Cancelled)
                        + await db.AuditEntries.CountAsync(a => a.EntityId == subject && a.Action == "Modified")
                        + await db.LedgerEntries.CountAsync(e => e.SubjectId == subject && e.Kind == "member.transfer.cancelled"),
            3, 1);
    }

    /// <summary>
    /// The branch records a step of a development case: step 2 (谈话) after the application, or a further 考察 (step 6, the one
    /// step that may follow itself) after the first: one step row, one ledger entry.
    /// </summary>
    private async Task<Scenario> DevelopmentStepAsync(bool repeated)
    {
        var (tenant, branch, secretary, client) = await BranchAsync();
        var person = (await tenant.AddMembersAsync(branch, 1, MemberCategory.Masses, "申请人"))[0];
        await app.InTenantAsync(tenant.TenantId, db => db.Members.Where(m => m.Id == person.Id)
            .ExecuteUpdateAsync(x => x.SetProperty(m => m.JoinedOn, (DateOnly?)null)));
        var mentors = (await tenant.AddMembersAsync(branch, 2)).Select(m => m.Id).ToArray();
        using var opened = await client.PostAsJsonAsync("/api/v1/development/cases", new { memberId = person.Id, applicationDate = "2023-09-01" });
        var id = (await opened.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();

        object step;
        if (repeated)
        {
            await CaseSteps.RecordAsync(client, id, new { step = 2, date = "2023-09-15", talker = "王书记" });
            await CaseSteps.RecordAsync(client, id, new { step = 3, date = "2023-10-10", method = "党员推荐" });
            await CaseSteps.RecordAsync(client, id, new { step = 4, date = "2023-10-20" });
            await CaseSteps.RecordAsync(client, id, new { step = 5, date = "2023-10-25", mentorIds = mentors });
            await CaseSteps.RecordAsync(client, id, new { step = 6, date = "2024-04-01" });
            step = new { step = 6, date = "2024-10-01" };
        }
        else
        {
            await CaseSteps.UploadMaterialsAsync(client, id, 2);
            step = new { step = 2, date = "2023-09-15", talker = "王书记" };
        }
        var number = repeated ? 6 : 2;
        return new Scenario(tenant, secretary, c => c.PostAsJsonAsync($"/api/v1/development/cases/{id}/steps", step), HttpStatusCode.OK, Answer.Once,
            db => db.DevelopmentSteps.CountAsync(x => x.CaseId == id && x.Step == number), repeated ? 2 : 1, 1);
    }

    /// <summary>A tenant with a branch and its secretary (the user and a client of theirs for the preparation).</summary>
    private async Task<(TestTenant Tenant, OrgUnit Branch, TestUser Secretary, HttpClient Client)> BranchAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        return (tenant, branch, secretary, await app.ClientForAsync(secretary));
    }

    private static async Task<Guid> MeetingAsync(HttpClient client, OrgUnit branch, string type, DateTimeOffset start)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type, topic = "学习贯彻党的二十届四中全会精神", startsAt = start, endsAt = start.AddHours(1),
        });
        return (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }
}

using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dangjian.Web.Platform.Auth;
using Xunit.Abstractions;

namespace Dangjian.Tests.Security;

/// <summary>
/// THE scope test. A user holding a role on branch A calls every operation the app publishes, aimed at its sibling
/// branch B (route ids, query filters and bodies all name B's rows), and must be refused with 403 or 404 without
/// learning anything of B. New endpoints are picked up from the OpenAPI document automatically.
/// </summary>
public sealed class SiblingScopeTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    // The token endpoint is anonymous by design; the inbox only ever reads the caller's own rows (tested below).
    // Refreshing a token is anonymous (the token names its account); a password change is the caller's own.
    // Own inbox, sign-in, the dues calculator and the blank import templates read no branch's data; "my meetings" lists
    // only meetings the caller is expected at (MeetingSignInTests); "my courses" only those of the caller's own member record (CoursesApiTests).
    private static readonly string[] Excluded =
    [
        "/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/password", "/api/v1/notifications", "/api/v1/dues/calculate", "/api/v1/members/import-template", "/api/v1/dues/base-import-template",
        "/api/v1/meetings/mine", "/api/v1/education/courses/mine",
        // Exams: the blank template, and the caller's own exams and wrong-answer book (ExamTests: another member is refused).
        "/api/v1/education/question-import-template", "/api/v1/education/exams/mine", "/api/v1/education/wrong-answers/mine",
    ];

    // Reading the tenant's code tables tells nothing of any branch; changing them is refused below like everything else.
    private static readonly string[] ExcludedReads = ["/api/v1/code-tables", "/api/v1/development/materials/templates"];

    [Theory]
    [InlineData(AppRole.BranchSecretary, DataScope.OwnUnitAndBelow)]
    [InlineData(AppRole.SystemAdmin, DataScope.OwnUnitAndBelow)]
    [InlineData(AppRole.PartyAffairsWorker, DataScope.OwnUnitAndBelow)]
    [InlineData(AppRole.OrganizationCommissioner, DataScope.OwnUnit)]
    [InlineData(AppRole.Member, DataScope.Self)]
    public async Task EveryOperation_AimedAtSiblingBranch_RefusedWithoutLeakingIt(AppRole role, DataScope scope)
    {
        var world = await SiblingWorld.CreateAsync(app);
        var caller = await world.Tenant.AddUserAsync(world.A.Unit, role, scope);
        using var client = await app.ClientForAsync(caller);

        // Not vacuous: the caller does see its own branch, and the leak detector finds A's name in that answer.
        using (var own = await client.GetAsync($"/api/v1/org-units/{world.A.Unit.Id}"))
        {
            own.StatusCode.ShouldBe(HttpStatusCode.OK);
            Leaked(await own.Content.ReadAsStringAsync(), world.A.Names).ShouldContain(world.A.Unit.Name);
        }

        using var anonymous = app.CreateClient();
        var operations = new ApiOperations(await anonymous.GetJsonAsync("/openapi/v1.json"));
        var targeted = operations.All().Where(o => !Excluded.Any(x => o.Path.StartsWith(x, StringComparison.Ordinal)))
            .Where(o => !(o.Method == "GET" && ExcludedReads.Any(x => o.Path.StartsWith(x, StringComparison.Ordinal)))).ToList();
        targeted.Count.ShouldBeGreaterThanOrEqualTo(10, "the OpenAPI enumeration found too few operations to mean anything");
        // Files are refused like JSON: the 三会一课记录簿 as a workbook and as a PDF of B's unit.
        targeted.Select(o => $"{o.Method} {o.Path}").ShouldContain("GET /api/v1/org-units/{id}/meeting-book.xlsx");
        targeted.Select(o => $"{o.Method} {o.Path}").ShouldContain("GET /api/v1/org-units/{id}/meeting-book.pdf");

        var failures = new List<string>();
        var sent = 0;
        foreach (var op in targeted)
        {
            foreach (var request in Requests(op, operations, world))
            {
                sent++;
                using var message = request.Message;
                var sentBody = message.Content is null ? "" : await message.Content.ReadAsStringAsync();
                using var response = await client.SendAsync(message);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                output.WriteLine($"{status} {request.Describe} {sentBody}");
                if (request.MustRefuse && status is not (403 or 404))
                {
                    failures.Add($"{request.Describe}: {status} (expected 403/404) {Trim(body)}");
                }
                if (!request.MustRefuse && status is >= 500)
                {
                    failures.Add($"{request.Describe}: {status} {Trim(body)}");
                }
                var leaks = Leaked(body, world.B.Names);
                if (leaks.Count > 0) failures.Add($"{request.Describe}: {status} leaks {string.Join(", ", leaks)}");
            }
        }

        sent.ShouldBeGreaterThanOrEqualTo(targeted.Count);
        failures.ShouldBeEmpty($"{role}/{scope} on A reached B through:\n" + string.Join("\n", failures));
        await ShouldBeUntouchedAsync(world);
    }

    [Fact]
    public async Task Notifications_SomeoneElsesNotification_NotFoundAndNotListed()
    {
        var world = await SiblingWorld.CreateAsync(app);
        using var a = await app.ClientForAsync(world.A.Secretary);

        using var read = await a.PostAsync($"/api/v1/notifications/{world.B.NotificationId}/read", null);
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Leaked(await read.Content.ReadAsStringAsync(), world.B.Names).ShouldBeEmpty();

        var inbox = await a.GetJsonAsync("/api/v1/notifications?pageSize=200");
        var ids = inbox["items"]!.AsArray().Select(i => i!.Id()).ToList();
        ids.ShouldContain(world.A.NotificationId);
        ids.ShouldNotContain(world.B.NotificationId);

        // The owner's own notice is still unread, and the owner can mark it.
        (await app.InTenantAsync(world.Tenant.TenantId, db => db.Notifications.SingleAsync(n => n.Id == world.B.NotificationId)))
            .ReadAt.ShouldBeNull();
        using var b = await app.ClientForAsync(world.B.Secretary);
        (await b.PostAsync($"/api/v1/notifications/{world.B.NotificationId}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task BranchSecretary_OwnBranch_CanReadAndManageIt()
    {
        // The same requests the scope test sends to B succeed on A: the refusals above come from scope, not from bad input.
        var world = await SiblingWorld.CreateAsync(app);
        using var a = await app.ClientForAsync(world.A.Secretary);

        (await a.GetJsonAsync($"/api/v1/org-units/{world.A.Unit.Id}")).Str("name").ShouldBe(world.A.Unit.Name);
        (await a.GetJsonAsync($"/api/v1/org-units/{world.A.Unit.Id}/terms")).AsArray().Count.ShouldBe(1);
        (await a.GetAsync($"/api/v1/org-units/{world.A.Unit.Id}/warnings")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var patch = await a.PatchAsJsonAsync($"/api/v1/org-units/{world.A.Unit.Id}", new { sortOrder = 3 });
        patch.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var group = await a.PostAsJsonAsync("/api/v1/org-units", new { parentId = world.A.Unit.Id, name = "越权测试", kind = "Group" });
        group.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var member = await a.PostAsJsonAsync($"/api/v1/org-units/{world.A.Unit.Id}/terms/{world.A.Term.Id}/members",
            new { name = "越权测试", post = "CommitteeMember" });
        member.StatusCode.ShouldBe(HttpStatusCode.Created);

        // Its own incoming letters: listed and readable (masked), so the refusals for B's come from scope.
        (await a.GetJsonAsync($"/api/v1/incoming-transfers/{world.A.Incoming.Id}")).Str("issuedBy").ShouldBe(world.A.Incoming.IssuedBy);
        var letters = await a.GetJsonAsync($"/api/v1/incoming-transfers?orgUnitId={world.A.Unit.Id}");
        letters["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([world.A.Incoming.Id]);

        // The top of a secretary's tree is its own branch, not the root or the sibling.
        var tops = await a.GetJsonAsync("/api/v1/org-units");
        tops["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([world.A.Unit.Id]);
    }

    [Theory]
    [InlineData(AppRole.OrganizationCommissioner, DataScope.OwnUnit)]
    [InlineData(AppRole.Member, DataScope.Self)]
    public async Task ListChildren_ExactScopeRole_SubUnitsOutsideReachNotListed(AppRole role, DataScope scope)
    {
        var world = await SiblingWorld.CreateAsync(app);
        var group = await world.Tenant.AddUnitAsync(world.A.Unit, Dangjian.Web.Modules.Organizations.OrgUnitKind.Group);
        using var client = await app.ClientForAsync(await world.Tenant.AddUserAsync(world.A.Unit, role, scope));
        (await client.GetAsync($"/api/v1/org-units/{group.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var list = await client.GetAsync($"/api/v1/org-units?parentId={world.A.Unit.Id}");
        Leaked(await list.Content.ReadAsStringAsync(), [group.Name, group.Id.ToString()]).ShouldBeEmpty();
    }

    private sealed record PlannedRequest(HttpRequestMessage Message, bool MustRefuse, string Describe);

    /// <summary>
    /// Each operation aimed at B: B's ids in the route (for org-unit ids, both the live branch and its dissolved
    /// group), B in the query filters and the body. GETs are also sent without their optional filters: then any
    /// status is fine, but nothing of B may come back.
    /// </summary>
    private static IEnumerable<PlannedRequest> Requests(ApiOperation op, ApiOperations operations, SiblingWorld world)
    {
        var b = world.B;
        var unitIds = new[] { b.Unit.Id, b.DissolvedGroup!.Id };
        foreach (var unitId in unitIds)
        {
            var path = op.Path;
            var usesUnitId = false;
            foreach (var (name, location) in op.Parameters.Where(p => p.In == "path"))
            {
                var value = b.RouteValue(op.Path, name, unitId) ?? throw new ShouldAssertException(
                    $"{op}: no id of branch B is known for route parameter '{name}'. Add one to {nameof(SiblingWorld)}.{nameof(SiblingWorld.Side)}.{nameof(SiblingWorld.Side.RouteValue)}.");
                usesUnitId |= value is Guid g && g == unitId;
                path = path.Replace("{" + name + "}", value.ToString()!, StringComparison.Ordinal);
            }
            // Without an org-unit id in the route, the dissolved-group variant adds nothing.
            if (!usesUnitId && unitId != b.Unit.Id) continue;

            var query = op.Parameters.Where(p => p.In == "query" && p.Name is "orgUnitId" or "parentId")
                .Select(p => $"{p.Name}={unitId}").ToList();
            var url = query.Count == 0 ? path : path + "?" + string.Join('&', query);
            yield return new PlannedRequest(Message(op.Method, url, Body(op, operations, world, unitId)), true, $"{op.Method} {url}");

            // B's row in the route, the caller's own branch in the body: pulling B (or B's account) into A's reach.
            var pulled = Body(op, operations, world, world.A.Unit.Id);
            if (op.Parameters.Any(p => p.In == "path") && pulled is not null && pulled.ToJsonString().Contains(world.A.Unit.Id.ToString()))
            {
                yield return new PlannedRequest(Message(op.Method, url, pulled), true, $"{op.Method} {url} (body names A)");
            }
        }

        if (op.Method == "GET" && !op.Path.Contains('{'))
        {
            yield return new PlannedRequest(Message(op.Method, op.Path, null), false, $"{op.Method} {op.Path} (unfiltered)");
        }
    }

    private static JsonNode? Body(ApiOperation op, ApiOperations operations, SiblingWorld world, Guid bodyUnitId) =>
        world.B.Body(operations, op, bodyUnitId);

    private static HttpRequestMessage Message(string method, string url, JsonNode? body)
    {
        var message = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        else if (method is "POST" or "PUT" or "PATCH") message.Content = new StringContent("", Encoding.UTF8, "application/json");
        return message;
    }

    private static List<string> Leaked(string body, IEnumerable<string> secrets) => Leaks.Find(body, secrets);

    private static string Trim(string body) => body.Length > 300 ? body[..300] + "…" : body;

    private async Task ShouldBeUntouchedAsync(SiblingWorld world)
    {
        var b = world.B;
        foreach (var seed in SiblingWorld.SiblingSeeds()) await seed.CheckUntouchedAsync(app, b.Extra);
        await app.InTenantAsync(world.Tenant.TenantId, async db =>
        {
            var unit = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == b.Unit.Id);
            unit.Name.ShouldBe(b.Unit.Name);
            unit.ParentId.ShouldBe(world.Tenant.Root.Id);
            unit.Path.ShouldBe(b.Unit.Path);
            unit.DissolvedAt.ShouldBeNull();
            unit.SortOrder.ShouldBe(b.Unit.SortOrder);
            (await db.OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == b.DissolvedGroup!.Id)).DissolvedAt.ShouldNotBeNull();
            (await db.OrgUnits.IgnoreQueryFilters().CountAsync(u => u.ParentId == b.Unit.Id)).ShouldBe(1);
            (await db.CommitteeTerms.CountAsync(t => t.OrgUnitId == b.Unit.Id)).ShouldBe(1);
            var committee = await db.CommitteeMembers.Where(m => m.OrgUnitId == b.Unit.Id).ToListAsync();
            committee.Select(m => m.Id).ShouldBe([b.CommitteeMember.Id]);
            committee[0].LeftOn.ShouldBeNull();
            var roles = await db.RoleAssignments.Where(r => r.UserId == b.Secretary.Id).ToListAsync();
            roles.Select(r => (r.OrgUnitId, r.Role)).ShouldBe([(b.Unit.Id, AppRole.BranchSecretary)]);
            (await db.RoleAssignments.CountAsync(r => r.OrgUnitId == b.Unit.Id)).ShouldBe(1);
            (await db.Users.CountAsync(u => u.UserName!.StartsWith("intruder"))).ShouldBe(0);
            var letter = await db.IncomingTransfers.SingleAsync(t => t.Id == b.Incoming.Id);
            letter.Status.ShouldBe(Dangjian.Web.Modules.Members.Transfers.TransferStatus.Pending);
            letter.MemberId.ShouldBeNull();
            (await db.Members.CountAsync(m => m.IdNumberHash == b.Incoming.IdNumberHash)).ShouldBe(0);
            // No letter registered into B or its dissolved group: B's one letter is all there is.
            (await db.IncomingTransfers.CountAsync(t => t.ToPath.StartsWith(b.Unit.Path))).ShouldBe(1);
            (await db.MemberRecordEntries.Where(e => e.MemberId == b.Member.Id).Select(e => e.Id).ToListAsync()).ShouldBe([b.RecordEntryId]);
            (await db.MemberRecordEntries.SingleAsync(e => e.Id == b.RecordEntryId)).UpdatedAt.ShouldBeNull();
            (await db.MobileRegistrations.SingleAsync(r => r.Id == b.MobileRegistrationId)).ReturnedOn.ShouldBeNull();
            (await db.MobileReports.CountAsync(r => r.MemberId == b.Member.Id)).ShouldBe(0);
            (await db.ContactFollowUps.CountAsync(f => f.MemberId == b.Member.Id)).ShouldBe(0);
            (await db.CodeItems.CountAsync()).ShouldBe(0);
            (await db.DuesUsages.Where(u => u.OrgPath == b.Unit.Path).Select(u => u.Id).ToListAsync()).ShouldBe([b.Usage.Id]);
            (await db.DuesBases.CountAsync(x => x.MemberId == b.Member.Id)).ShouldBe(0);
            (await db.ImportUploads.Where(u => u.Id == b.ImportId || u.Id == b.DuesImportId).Select(u => u.AppliedAt).ToListAsync())
                .ShouldAllBe(at => at == null);
            var certificates = await db.MemberCertificates.Where(c => c.MemberId == b.Member.Id).ToListAsync();
            certificates.Select(c => (c.Id, c.Status)).ShouldBe([(b.Certificate.Id, Dangjian.Web.Modules.Members.Certificates.CertificateStatus.Issued)]);
            (await db.MemberTransfers.SingleAsync(t => t.Id == b.Transfer.Id)).Status.ShouldBe(b.Transfer.Status);
        });
    }
}

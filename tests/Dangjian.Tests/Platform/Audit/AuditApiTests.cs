using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Platform.Audit;

/// <summary>The audit log records who changed what, before and after, and is read only within one's reach.</summary>
public sealed class AuditApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record Renamed(TestTenant Tenant, OrgUnit Unit, OrgUnit Sibling, string OldName, string NewName);

    private async Task<Renamed> RenameAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var oldName = TestTenant.Unique("旧名党支部");
        var newName = TestTenant.Unique("新名党支部");
        var unit = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, oldName);
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        using var admin = await app.ClientForAsync(tenant.Admin);
        using var r = await admin.PatchAsJsonAsync($"/api/v1/org-units/{unit.Id}", new { name = newName });
        await r.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return new Renamed(tenant, unit, sibling, oldName, newName);
    }

    private static JsonNode? RenameEntry(JsonNode page, Renamed r) =>
        page["items"]!.AsArray().FirstOrDefault(e => e!.Str("entityType") == "OrgUnit" && e!.Str("entityId") == r.Unit.Id.ToString()
                                                     && e!.Str("action") == "Modified");

    [Fact]
    public async Task List_AfterRename_EntryWithBeforeAndAfterNamesAndWho()
    {
        var r = await RenameAsync();
        using var admin = await app.ClientForAsync(r.Tenant.Admin);
        var page = await admin.GetJsonAsync($"/api/v1/audit?orgUnitId={r.Tenant.Root.Id}&pageSize=200");

        var entry = RenameEntry(page, r);
        entry.ShouldNotBeNull(page.ToJsonString());
        JsonNode.Parse(entry!.Str("before"))!.Str("Name").ShouldBe(r.OldName);
        JsonNode.Parse(entry.Str("after"))!.Str("Name").ShouldBe(r.NewName);
        entry.Str("userName").ShouldBe(r.Tenant.Admin.UserName);
        // Only what changed is recorded.
        JsonNode.Parse(entry.Str("after"))!.AsObject().Select(p => p.Key).ShouldBe(["Name"]);
    }

    [Fact]
    public async Task List_SecretaryOfSiblingBranch_CannotReadRootOrRenamedUnit()
    {
        var r = await RenameAsync();
        using var sibling = await app.ClientForAsync(await r.Tenant.AddUserAsync(r.Sibling, AppRole.BranchSecretary));
        foreach (var id in new[] { r.Tenant.Root.Id, r.Unit.Id })
        {
            using var response = await sibling.GetAsync($"/api/v1/audit?orgUnitId={id}");
            ((int)response.StatusCode).ShouldBeOneOf(403, 404);
            var body = await response.Content.ReadAsStringAsync();
            body.ShouldNotContain(r.NewName);
            body.ShouldNotContain(r.Unit.Id.ToString().ToUpperInvariant());
        }
    }

    [Fact]
    public async Task List_AuditReaderOfSiblingBranch_OwnLogHoldsNothingOfTheRename()
    {
        var r = await RenameAsync();
        using var worker = await app.ClientForAsync(await r.Tenant.AddUserAsync(r.Sibling, AppRole.PartyAffairsWorker));
        var page = await worker.GetJsonAsync($"/api/v1/audit?orgUnitId={r.Sibling.Id}&pageSize=200");
        // Its own unit's creation is there, so the query did return rows of its subtree.
        page["items"]!.AsArray().ShouldContain(e => e!.Str("entityId") == r.Sibling.Id.ToString());
        page["items"]!.AsArray().ShouldNotContain(e => e!.Str("entityId") == r.Unit.Id.ToString());
    }

    [Fact]
    public async Task List_AuditReaderOfTheRenamedUnit_SeesTheRename()
    {
        var r = await RenameAsync();
        using var worker = await app.ClientForAsync(await r.Tenant.AddUserAsync(r.Unit, AppRole.PartyAffairsWorker));
        var page = await worker.GetJsonAsync($"/api/v1/audit?orgUnitId={r.Unit.Id}");
        RenameEntry(page, r).ShouldNotBeNull();
    }

    [Fact]
    public async Task List_BranchSecretaryOnOwnBranch_ForbiddenWithoutAuditPermission()
    {
        var r = await RenameAsync();
        using var secretary = await app.ClientForAsync(await r.Tenant.AddUserAsync(r.Unit, AppRole.BranchSecretary));
        using var response = await secretary.GetAsync($"/api/v1/audit?orgUnitId={r.Unit.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task List_WithoutOrgUnit_BadRequestNamingTheField()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);
        using var response = await admin.GetAsync("/api/v1/audit");
        (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldContain("orgUnitId");
    }

    [Fact]
    public async Task List_AccountCreated_NoSecretsInTheLog()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);
        var page = await admin.GetJsonAsync($"/api/v1/audit?orgUnitId={tenant.Root.Id}&entityType=AppUser&pageSize=200");
        var entry = page["items"]!.AsArray().Single(e => e!.Str("entityId") == tenant.Admin.Id.ToString())!;
        var after = JsonNode.Parse(entry.Str("after"))!.AsObject();
        after.Select(p => p.Key).ShouldContain("UserName");
        after.Select(p => p.Key).ShouldNotContain("PasswordHash");
        after.Select(p => p.Key).ShouldNotContain("SecurityStamp");
        entry.ToJsonString().ShouldNotContain("AQAAAA"); // the prefix of an Identity v3 password hash
    }

    [Fact]
    public async Task SetRoles_RoleReplaced_GrantAndRemovalAudited()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var user = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        using var admin = await app.ClientForAsync(tenant.Admin);
        using var put = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}/roles",
            new { roles = new[] { new { role = "SystemAdmin", orgUnitId = branch.Id, scope = "OwnUnitAndBelow" } } });
        await put.ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var page = await admin.GetJsonAsync($"/api/v1/audit?orgUnitId={branch.Id}&pageSize=200");
        var texts = page["items"]!.AsArray().Select(e => e!.ToJsonString()).ToList();
        texts.ShouldContain(t => t.Contains("SystemAdmin"));
        texts.ShouldContain(t => t.Contains("BranchSecretary") && t.Contains("Deleted"));
    }
}

using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Members.Registry;

/// <summary>
/// Code tables are data: a tenant starts with the built-in values, its top administrator edits them, removed values
/// are deactivated (records keep them, new input may not use them), and the member and org-unit inputs check them.
/// </summary>
public sealed class CodeTablesApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Url = "/api/v1/code-tables";

    [Fact]
    public async Task List_FreshTenant_BuiltInTablesWithDefaults()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);

        var tables = (await admin.GetJsonAsync(Url)).AsArray();
        tables.Select(t => t!.Str("key")).ShouldBe(["ethnicity", "education", "jobPost", "unitType", "outOfContactReason", "hardshipType"]);
        var ethnicity = (await admin.GetJsonAsync($"{Url}/ethnicity")).AsArray();
        ethnicity.Count.ShouldBe(57); // the 56 ethnic groups and 其他
        ethnicity[0]!.Str("name").ShouldBe("汉族");
        var reasons = (await admin.GetJsonAsync($"{Url}/outOfContactReason")).AsArray().Select(i => i!.Str("name")).ToList();
        reasons.ShouldContain("外出务工经商");
        (await admin.GetAsync($"{Url}/nonsense")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Save_ByTopAdmin_ReordersAddsAndDeactivatesWithoutDeleting()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);

        using var saved = await admin.PutAsJsonAsync($"{Url}/education", new
        {
            items = new object[] { new { name = "大学本科" }, new { name = "研究生" }, new { name = "技工学校" } },
        });
        await saved.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var active = (await admin.GetJsonAsync($"{Url}/education")).AsArray().Select(i => i!.Str("name")).ToList();
        active.ShouldBe(["大学本科", "研究生", "技工学校"]);
        var all = (await admin.GetJsonAsync($"{Url}/education?includeInactive=true")).AsArray();
        all.Count.ShouldBe(9); // 8 built-in + 1 added; 6 of them now inactive
        all.Single(i => i!.Str("name") == "高中")!["active"]!.GetValue<bool>().ShouldBeFalse();
        (await app.InTenantAsync(tenant.TenantId, db => db.CodeItems.CountAsync(c => c.Table == "education"))).ShouldBe(9);
        (await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries.CountAsync(a => a.EntityType == "CodeItem"))).ShouldBe(9);
    }

    [Fact]
    public async Task Save_InvalidList_NamesTheItemAndChangesNothing()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);

        using var dup = await admin.PutAsJsonAsync($"{Url}/education", new { items = new object[] { new { name = "研究生" }, new { name = " 研究生 " } } });
        var problem = await dup.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        problem!["errors"]!["items[1].name"].ShouldNotBeNull();
        using var empty = await admin.PutAsJsonAsync($"{Url}/education", new { items = Array.Empty<object>() });
        (await empty.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!["items"].ShouldNotBeNull();
        (await app.InTenantAsync(tenant.TenantId, db => db.CodeItems.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(AppRole.SystemAdmin)] // an administrator of one branch is not an administrator of the tenant
    [InlineData(AppRole.BranchSecretary)]
    public async Task Save_ByBranchRole_Forbidden(AppRole role)
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        using var client = await app.ClientForAsync(await tenant.AddUserAsync(branch, role));

        (await client.GetAsync($"{Url}/education")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var put = await client.PutAsJsonAsync($"{Url}/education", new { items = new object[] { new { name = "研究生" } } });
        put.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.InTenantAsync(tenant.TenantId, db => db.CodeItems.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task MemberInput_ValueOutsideTable_RefusedNamingField_DeactivatedValueKeptOnOldRecords()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        using var admin = await app.ClientForAsync(tenant.Admin);

        using var created = await admin.PostAsJsonAsync("/api/v1/members", new
        {
            orgUnitId = branch.Id, name = "周敏", idNumber = "110101198001010029", category = "Full", joinedOn = "2010-07-01", education = "中专",
        });
        var id = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();

        using var bad = await admin.PostAsJsonAsync("/api/v1/members", new
        {
            orgUnitId = branch.Id, name = "吴刚", idNumber = "110101198001010010", category = "Full", joinedOn = "2010-07-01", education = "博士后",
            ethnicity = "火星族",
        });
        var errors = (await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!;
        errors["education"]![0]!.GetValue<string>().ShouldContain("博士后");
        errors["ethnicity"].ShouldNotBeNull();

        // 中专 is dropped from the table: the old record keeps it, a new value must come from the table.
        using var saved = await admin.PutAsJsonAsync($"{Url}/education", new { items = new object[] { new { name = "研究生" }, new { name = "大学本科" } } });
        await saved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await admin.GetJsonAsync($"/api/v1/members/{id}")).Str("education").ShouldBe("中专");
        using var patchOld = await admin.PatchAsJsonAsync($"/api/v1/members/{id}", new { education = "中专" });
        (await patchOld.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!["education"].ShouldNotBeNull();
        using var patchNew = await admin.PatchAsJsonAsync($"/api/v1/members/{id}", new { education = "研究生" });
        await patchNew.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OrgUnitInput_HostUnitTypeFromTable()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var admin = await app.ClientForAsync(tenant.Admin);

        using var bad = await admin.PostAsJsonAsync("/api/v1/org-units", new { parentId = tenant.Root.Id, name = "新支部", kind = "Branch", hostUnitType = "外星单位" });
        (await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!["hostUnitType"].ShouldNotBeNull();
        using var good = await admin.PostAsJsonAsync("/api/v1/org-units", new { parentId = tenant.Root.Id, name = "新支部", kind = "Branch", hostUnitType = "社区" });
        await good.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Platform.Auth;

/// <summary>Tokens, lockout, "sign out everywhere" on a role change, accounts, and the anonymous endpoints.</summary>
public sealed class AuthApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<HttpResponseMessage> TokenResponseAsync(string userName, string password)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
    }

    [Fact]
    public async Task Token_RightPassword_AccessTokenThatOpensTheApi()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var r = await TokenResponseAsync(tenant.Admin.UserName, tenant.Admin.Password);
        var body = (await r.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        body.Str("accessToken").ShouldNotBeNullOrWhiteSpace();
        body["expiresIn"]!.GetValue<long>().ShouldBeGreaterThan(0);

        using var client = app.ClientWithToken(body.Str("accessToken"));
        (await client.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}")).Str("name").ShouldBe(tenant.Root.Name);
    }

    [Fact]
    public async Task Token_WrongPassword_Unauthorized()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var r = await TokenResponseAsync(tenant.Admin.UserName, tenant.Admin.Password + "x");
        await r.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        r.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Token_UnknownUser_UnauthorizedLikeAWrongPassword()
    {
        var tenant = await TestTenant.CreateAsync(app);
        using var unknown = await TokenResponseAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], "Whatever123");
        using var wrong = await TokenResponseAsync(tenant.Admin.UserName, "Whatever123");
        var a = (await unknown.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized))!;
        var b = (await wrong.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized))!;
        // The answer must not tell which accounts exist.
        a.Str("title").ShouldBe(b.Str("title"));
    }

    [Theory]
    [InlineData("""{"password":"Secret123"}""", "userName")]
    [InlineData("""{"userName":"someone"}""", "password")]
    public async Task Token_MissingField_BadRequestNamingIt(string json, string field)
    {
        using var client = app.CreateClient();
        using var r = await client.PostAsync("/api/v1/auth/token", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field);
    }

    [Fact]
    public async Task Token_FiveWrongPasswordsThenTheRightOne_Locked()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var user = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await TokenResponseAsync(user.UserName, "Wrong-password-" + i);
            ((int)wrong.StatusCode).ShouldBeOneOf(401, 423, 429);
        }

        using var right = await TokenResponseAsync(user.UserName, user.Password);
        ((int)right.StatusCode).ShouldBeOneOf(423, 429);
        right.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await right.ReadJsonAsync();
        problem["status"]!.GetValue<int>().ShouldBe((int)right.StatusCode);
        problem.Str("title").ShouldNotBeNullOrWhiteSpace();
        problem["accessToken"].ShouldBeNull();

        // Another account is not affected by this one's lockout.
        using var admin = await TokenResponseAsync(tenant.Admin.UserName, tenant.Admin.Password);
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_FourWrongPasswordsThenTheRightOne_Ok()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.Observer);
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await TokenResponseAsync(user.UserName, "Wrong-password-" + i);
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        using var right = await TokenResponseAsync(user.UserName, user.Password);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OrgUnits_NoToken_Unauthorized()
    {
        using var client = app.CreateClient();
        using var r = await client.GetAsync("/api/v1/org-units");
        r.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        r.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task OrgUnits_ForgedToken_Unauthorized()
    {
        using var client = app.ClientWithToken("CfDJ8forged" + new string('A', 200));
        using var r = await client.GetAsync("/api/v1/org-units");
        r.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OrgUnits_TokenOlderThanItsLifetime_Unauthorized()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var token = await app.TokenAsync(tenant.Admin.UserName, tenant.Admin.Password);
        using var client = app.ClientWithToken(token);
        (await client.GetAsync("/api/v1/org-units")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var start = app.Clock.GetUtcNow();
        try
        {
            app.Clock.Advance(TimeSpan.FromHours(2));
            (await client.GetAsync("/api/v1/org-units")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [Fact]
    public async Task SetRoles_UsersOldToken_RefusedAndNewTokenCarriesNewRoles()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var a = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var b = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var user = await tenant.AddUserAsync(a, AppRole.BranchSecretary);
        using var admin = await app.ClientForAsync(tenant.Admin);
        using var old = await app.ClientForAsync(user);
        (await old.GetAsync($"/api/v1/org-units/{a.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var put = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}/roles",
            new { roles = new[] { new { role = "BranchSecretary", orgUnitId = b.Id, scope = "OwnUnitAndBelow" } } });
        await put.ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (await old.GetAsync($"/api/v1/org-units/{a.Id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await old.GetAsync($"/api/v1/org-units/{b.Id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var fresh = await app.ClientForAsync(user);
        (await fresh.GetAsync($"/api/v1/org-units/{b.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fresh.GetAsync($"/api/v1/org-units/{a.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateUser_ByAdmin_CreatedAndItsTokenWorksWithinItsRole()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        using var admin = await app.ClientForAsync(tenant.Admin);
        var userName = TestTenant.Unique("secretary").ToLowerInvariant();

        using var r = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, password = "Branch-secret-2026", displayName = "支部书记",
            roles = new[] { new { role = "BranchSecretary", orgUnitId = branch.Id, scope = "OwnUnitAndBelow" } },
        });
        var created = (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        created.Str("userName").ShouldBe(userName);
        r.Headers.Location!.OriginalString.ShouldEndWith(created.Id().ToString());

        using var client = app.ClientWithToken(await app.TokenAsync(userName, "Branch-secret-2026"));
        (await client.GetAsync($"/api/v1/org-units/{branch.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/org-units/{sibling.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var listed = await admin.GetJsonAsync($"/api/v1/users?orgUnitId={tenant.Root.Id}&search={userName}");
        var row = listed["items"]!.AsArray().Single()!;
        row.Str("displayName").ShouldBe("支部书记");
        row["roles"]!.AsArray().Single()!.Id("orgUnitId").ShouldBe(branch.Id);
    }

    public static TheoryData<string, string> BadUsers() => new()
    {
        { """{"password":"Abcdefg123","displayName":"x","roles":[{"role":"Member","orgUnitId":"{branch}"}]}""", "userName" },
        { """{"userName":"a b c","password":"Abcdefg123","displayName":"x","roles":[{"role":"Member","orgUnitId":"{branch}"}]}""", "userName" },
        { """{"userName":"valid.name","password":"Abcdefg123","roles":[{"role":"Member","orgUnitId":"{branch}"}]}""", "displayName" },
        { """{"userName":"valid.name","password":"short1","displayName":"x","roles":[{"role":"Member","orgUnitId":"{branch}"}]}""", "password" },
        { """{"userName":"valid.name","password":"Abcdefg123","displayName":"x","roles":[]}""", "roles" },
        { """{"userName":"valid.name","password":"Abcdefg123","displayName":"x","roles":[{"role":"King","orgUnitId":"{branch}"}]}""", "roles[0].role" },
    };

    [Theory]
    [MemberData(nameof(BadUsers))]
    public async Task CreateUser_BadInput_BadRequestNamingTheField(string template, string field)
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        using var admin = await app.ClientForAsync(tenant.Admin);
        var json = template.Replace("{branch}", branch.Id.ToString());
        using var r = await admin.PostAsync("/api/v1/users", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field);
    }

    [Fact]
    public async Task CreateUser_BranchSecretary_CannotCreateAccounts()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var r = await secretary.PostAsJsonAsync("/api/v1/users", new
        {
            userName = TestTenant.Unique("x").ToLowerInvariant(), password = "Abcdefg123", displayName = "x",
            roles = new[] { new { role = "Member", orgUnitId = branch.Id } },
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateUser_SubtreeAdmin_CannotGrantTenantWideScope()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var committee = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.PartyCommittee);
        using var sub = await app.ClientForAsync(await tenant.AddUserAsync(committee, AppRole.SystemAdmin));
        using var r = await sub.PostAsJsonAsync("/api/v1/users", new
        {
            userName = TestTenant.Unique("x").ToLowerInvariant(), password = "Abcdefg123", displayName = "x",
            roles = new[] { new { role = "SystemAdmin", orgUnitId = committee.Id, scope = "All" } },
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Health_Anonymous_Ok()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApi_Document_ListsOrgUnitsAndOnlyApiPaths()
    {
        using var client = app.CreateClient();
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Select(p => p.TrimEnd('/')).ShouldContain("/api/v1/org-units");
        paths.ShouldContain("/api/v1/org-units/{id}");
        paths.ShouldAllBe(p => p.StartsWith("/api/v1/"));
    }
}

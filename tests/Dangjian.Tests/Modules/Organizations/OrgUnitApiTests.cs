using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Modules.Organizations;

/// <summary>/api/v1/org-units through the whole app: create, rename, move, dissolve, the hierarchy rules and warnings.</summary>
public sealed class OrgUnitApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(TestTenant Tenant, HttpClient Admin)> TenantAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        return (tenant, await app.ClientForAsync(tenant.Admin));
    }

    private static async Task<JsonNode> CreateAsync(HttpClient client, Guid parentId, string name, string kind)
    {
        using var r = await client.PostAsJsonAsync("/api/v1/org-units", new { parentId, name, kind });
        return (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
    }

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage r, HttpStatusCode status)
    {
        var body = (await r.ShouldHaveStatusAsync(status))!;
        r.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return body;
    }

    [Fact]
    public async Task Create_BranchUnderRoot_CreatedWithLocationOfTheNewUnit()
    {
        var (tenant, admin) = await TenantAsync();
        using var r = await admin.PostAsJsonAsync("/api/v1/org-units", new { parentId = tenant.Root.Id, name = "技术研发中心党支部", kind = "Branch" });
        var created = (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var id = created.Id();
        r.Headers.Location.ShouldNotBeNull();
        r.Headers.Location!.OriginalString.ShouldEndWith($"/api/v1/org-units/{id}");

        var fetched = await admin.GetJsonAsync(r.Headers.Location.OriginalString);
        fetched.Str("name").ShouldBe("技术研发中心党支部");
        fetched.Str("kind").ShouldBe("Branch");
        fetched.Id("parentId").ShouldBe(tenant.Root.Id);
        fetched["depth"]!.GetValue<int>().ShouldBe(1);

        var children = await admin.GetJsonAsync($"/api/v1/org-units?parentId={tenant.Root.Id}");
        children["items"]!.AsArray().Select(i => i!.Id()).ShouldContain(id);
    }

    [Fact]
    public async Task Create_DuplicateNameUnderSameParent_Conflict()
    {
        var (tenant, admin) = await TenantAsync();
        await CreateAsync(admin, tenant.Root.Id, "综合办公室党支部", "Branch");
        using var r = await admin.PostAsJsonAsync("/api/v1/org-units", new { parentId = tenant.Root.Id, name = " 综合办公室党支部 ", kind = "Branch" });
        (await ProblemAsync(r, HttpStatusCode.Conflict)).Str("code").ShouldBe("ORG_DUPLICATE_NAME");
    }

    [Fact]
    public async Task Update_Rename_OkWithTheNewName()
    {
        var (tenant, admin) = await TenantAsync();
        var id = (await CreateAsync(admin, tenant.Root.Id, "旧名称党支部", "Branch")).Id();
        using var r = await admin.PatchAsJsonAsync($"/api/v1/org-units/{id}", new { name = "新名称党支部" });
        (await r.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("name").ShouldBe("新名称党支部");
        (await admin.GetJsonAsync($"/api/v1/org-units/{id}")).Str("name").ShouldBe("新名称党支部");
    }

    [Fact]
    public async Task Move_BranchToAnotherGeneralBranch_OkUnderTheNewParent()
    {
        var (tenant, admin) = await TenantAsync();
        var from = (await CreateAsync(admin, tenant.Root.Id, "机关党总支", "GeneralBranch")).Id();
        var to = (await CreateAsync(admin, tenant.Root.Id, "生产党总支", "GeneralBranch")).Id();
        var branch = (await CreateAsync(admin, from, "设备管理部党支部", "Branch")).Id();

        using var r = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch}/move", new { newParentId = to });
        var moved = (await r.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        moved.Id("parentId").ShouldBe(to);
        moved["ancestors"]!.AsArray().Select(a => a!.Id()).ShouldBe([tenant.Root.Id, to]);
        (await admin.GetJsonAsync($"/api/v1/org-units/{from}"))["childCount"]!.GetValue<int>().ShouldBe(0);
        (await admin.GetJsonAsync($"/api/v1/org-units/{to}"))["childCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Dissolve_EmptyBranch_NoContentAndGoneFromTree()
    {
        var (tenant, admin) = await TenantAsync();
        var id = (await CreateAsync(admin, tenant.Root.Id, "临时党支部", "Branch")).Id();
        using var r = await admin.DeleteAsync($"/api/v1/org-units/{id}");
        await r.ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        using var get = await admin.GetAsync($"/api/v1/org-units/{id}");
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var children = await admin.GetJsonAsync($"/api/v1/org-units?parentId={tenant.Root.Id}");
        children["items"]!.AsArray().Select(i => i!.Id()).ShouldNotContain(id);
        // Kept for the record, marked dissolved.
        (await app.InTenantAsync(tenant.TenantId, db => db.OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == id)))
            .DissolvedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Create_BranchUnderGroup_UnprocessableNamingTheArticle()
    {
        var (tenant, admin) = await TenantAsync();
        var branch = (await CreateAsync(admin, tenant.Root.Id, "第一党支部", "Branch")).Id();
        var group = (await CreateAsync(admin, branch, "第一党小组", "Group")).Id();

        using var r = await admin.PostAsJsonAsync("/api/v1/org-units", new { parentId = group, name = "错误的支部", kind = "Branch" });
        var problem = await ProblemAsync(r, HttpStatusCode.UnprocessableEntity);
        problem.Str("code").ShouldBe("ORG_HIERARCHY");
        var article = problem.Str("article");
        article.ShouldContain("《");
        problem.Str("detail").ShouldContain(article);
        (await admin.GetJsonAsync($"/api/v1/org-units/{group}"))["childCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Move_IntoOwnSubtree_RefusedAndTreeUnchanged()
    {
        var (tenant, admin) = await TenantAsync();
        var upper = (await CreateAsync(admin, tenant.Root.Id, "第一分公司党委", "PartyCommittee")).Id();
        // A 党委 may hold a 党委, so only the subtree rule stands in the way.
        var lower = (await CreateAsync(admin, upper, "第一车间党委", "PartyCommittee")).Id();

        using var r = await admin.PostAsJsonAsync($"/api/v1/org-units/{upper}/move", new { newParentId = lower });
        var problem = await ProblemAsync(r, HttpStatusCode.UnprocessableEntity);
        problem.Str("code").ShouldBe("ORG_MOVE_INTO_SELF");
        problem.Str("article").ShouldNotBeNullOrWhiteSpace();

        using var self = await admin.PostAsJsonAsync($"/api/v1/org-units/{upper}/move", new { newParentId = upper });
        (await ProblemAsync(self, HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("ORG_MOVE_INTO_SELF");

        (await admin.GetJsonAsync($"/api/v1/org-units/{upper}")).Id("parentId").ShouldBe(tenant.Root.Id);
        (await admin.GetJsonAsync($"/api/v1/org-units/{lower}")).Id("parentId").ShouldBe(upper);
    }

    [Fact]
    public async Task Dissolve_UnitWithMembers_UnprocessableHasMembers()
    {
        var (tenant, admin) = await TenantAsync();
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var group = await tenant.AddUnitAsync(branch, OrgUnitKind.Group);
        await tenant.AddMembersAsync(group, 2);

        // The group's own people, and through it the branch above.
        using var g = await admin.DeleteAsync($"/api/v1/org-units/{group.Id}");
        var problem = await ProblemAsync(g, HttpStatusCode.UnprocessableEntity);
        problem.Str("code").ShouldBe("ORG_HAS_MEMBERS");
        problem.Str("article").ShouldNotBeNullOrWhiteSpace();
        using var b = await admin.DeleteAsync($"/api/v1/org-units/{branch.Id}");
        (await ProblemAsync(b, HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("ORG_HAS_MEMBERS");

        (await admin.GetJsonAsync($"/api/v1/org-units/{group.Id}")).Str("name").ShouldBe(group.Name);
    }

    [Fact]
    public async Task Dissolve_UnitWithSubUnits_UnprocessableHasChildren()
    {
        var (tenant, admin) = await TenantAsync();
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        await tenant.AddUnitAsync(branch, OrgUnitKind.Group);
        using var r = await admin.DeleteAsync($"/api/v1/org-units/{branch.Id}");
        (await ProblemAsync(r, HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("ORG_HAS_CHILDREN");
    }

    [Fact]
    public async Task Move_PartyCommitteeWithSubtree_DescendantsAndMemberCountsFollow()
    {
        var (tenant, admin) = await TenantAsync();
        var from = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.PartyCommittee, "第一分公司党委");
        var to = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.PartyCommittee, "第二分公司党委");
        var moving = await tenant.AddUnitAsync(from, OrgUnitKind.PartyCommittee, "项目部党委");
        var branch = await tenant.AddUnitAsync(moving, OrgUnitKind.Branch, "项目一部党支部");
        var group = await tenant.AddUnitAsync(branch, OrgUnitKind.Group, "第一党小组");
        await tenant.AddMembersAsync(branch, 4);
        await tenant.AddMembersAsync(branch, 1, MemberCategory.Probationary);
        await tenant.AddMembersAsync(group, 2);
        await tenant.AddMembersAsync(group, 1, MemberCategory.Activist);
        const int party = 7;

        (await admin.GetJsonAsync($"/api/v1/org-units/{from.Id}"))["partyMemberCount"]!.GetValue<int>().ShouldBe(party);
        var rootBefore = (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}"))["partyMemberCount"]!.GetValue<int>();

        using var r = await admin.PostAsJsonAsync($"/api/v1/org-units/{moving.Id}/move", new { newParentId = to.Id });
        await r.ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await admin.GetJsonAsync($"/api/v1/org-units/{from.Id}"))["partyMemberCount"]!.GetValue<int>().ShouldBe(0);
        (await admin.GetJsonAsync($"/api/v1/org-units/{to.Id}"))["partyMemberCount"]!.GetValue<int>().ShouldBe(party);
        (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}"))["partyMemberCount"]!.GetValue<int>().ShouldBe(rootBefore);

        var groupNow = await admin.GetJsonAsync($"/api/v1/org-units/{group.Id}");
        groupNow["ancestors"]!.AsArray().Select(a => a!.Id()).ShouldBe([tenant.Root.Id, to.Id, moving.Id, branch.Id]);
        groupNow["depth"]!.GetValue<int>().ShouldBe(4);
        groupNow["partyMemberCount"]!.GetValue<int>().ShouldBe(2);

        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            var toPath = (await db.OrgUnits.SingleAsync(u => u.Id == to.Id)).Path;
            var groupPath = (await db.OrgUnits.SingleAsync(u => u.Id == group.Id)).Path;
            groupPath.ShouldStartWith(toPath);
            (await db.Members.Where(m => m.OrgUnitId == group.Id || m.OrgUnitId == branch.Id).ToListAsync())
                .ShouldAllBe(m => m.OrgPath.StartsWith(toPath));
        });
    }

    public static TheoryData<string, string> BadInputs() => new()
    {
        { """{"name":"无上级的支部","kind":"Branch"}""", "parentId" },
        { """{"parentId":"{root}","name":"","kind":"Branch"}""", "name" },
        { """{"parentId":"{root}","name":"   ","kind":"Branch"}""", "name" },
        { """{"parentId":"{root}","name":"{long}","kind":"Branch"}""", "name" },
        { """{"parentId":"{root}","name":"无类别的支部"}""", "kind" },
        { """{"parentId":"{root}","name":"类别错误的支部","kind":"Nonsense"}""", "kind" },
        { """{"parentId":"{root}","name":"类别为数字的支部","kind":"2"}""", "kind" },
        { """{"parentId":"{root}","name":"组建方式错误","kind":"Branch","setup":"Sometimes"}""", "setup" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Create_BadInput_BadRequestNamingTheField(string template, string field)
    {
        var (tenant, admin) = await TenantAsync();
        var json = template.Replace("{root}", tenant.Root.Id.ToString()).Replace("{long}", new string('党', 101));
        using var r = await admin.PostAsync("/api/v1/org-units", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(r, HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field);
        (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}"))["childCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Move_WithoutNewParent_BadRequestNamingTheField()
    {
        var (tenant, admin) = await TenantAsync();
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        using var r = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/move", new { });
        (await ProblemAsync(r, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).ShouldContain("newParentId");
    }

    [Fact]
    public async Task Warnings_BranchWithSevenFullMembersAndNoCommittee_NeedsCommitteeWithArticle()
    {
        var (tenant, admin) = await TenantAsync();
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        await tenant.AddMembersAsync(branch, 7);

        var warnings = (await admin.GetJsonAsync($"/api/v1/org-units/{branch.Id}/warnings")).AsArray();
        var needs = warnings.SingleOrDefault(w => w!.Str("code") == "BRANCH_NEEDS_COMMITTEE");
        needs.ShouldNotBeNull(warnings.ToJsonString());
        needs!.Str("article").ShouldNotBeNullOrWhiteSpace();
        needs.Str("message").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Warnings_BranchWithSixFullMembersInGroupAndBranch_NoCommitteeNeeded()
    {
        // Six full members plus probationary ones: the threshold counts full members only, across the branch's groups.
        var (tenant, admin) = await TenantAsync();
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var group = await tenant.AddUnitAsync(branch, OrgUnitKind.Group);
        await tenant.AddMembersAsync(branch, 3);
        await tenant.AddMembersAsync(group, 3);
        await tenant.AddMembersAsync(group, 4, MemberCategory.Probationary);
        var codes = (await admin.GetJsonAsync($"/api/v1/org-units/{branch.Id}/warnings")).AsArray().Select(w => w!.Str("code")).ToList();
        codes.ShouldNotContain("BRANCH_NEEDS_COMMITTEE");

        await tenant.AddMembersAsync(group, 1);
        codes = (await admin.GetJsonAsync($"/api/v1/org-units/{branch.Id}/warnings")).AsArray().Select(w => w!.Str("code")).ToList();
        codes.ShouldContain("BRANCH_NEEDS_COMMITTEE");
    }

    [Fact]
    public async Task RecordElection_BranchNeedingCommittee_ThreeYearTermAndWarningGone()
    {
        var (tenant, admin) = await TenantAsync();
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        await tenant.AddMembersAsync(branch, 8);

        using var r = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/terms", new
        {
            startOn = "2026-11-01", electedOn = "2026-10-28", electionMethod = "差额选举", votersEntitled = 8, votersPresent = 8,
            members = new object[] { new { name = "张伟", post = "Secretary" }, new { name = "李娜", post = "OrganizationCommissioner" }, new { name = "王磊" } },
        });
        var term = (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        term.Str("endOn").ShouldBe("2029-10-31");

        var codes = (await admin.GetJsonAsync($"/api/v1/org-units/{branch.Id}/warnings")).AsArray().Select(w => w!.Str("code")).ToList();
        codes.ShouldNotContain("BRANCH_NEEDS_COMMITTEE");
        var terms = (await admin.GetJsonAsync($"/api/v1/org-units/{branch.Id}/terms")).AsArray();
        terms.Count.ShouldBe(1);
        terms[0]!["members"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task RecordElection_Group_UnprocessableNoCommittee()
    {
        var (tenant, admin) = await TenantAsync();
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var group = await tenant.AddUnitAsync(branch, OrgUnitKind.Group);
        using var r = await admin.PostAsJsonAsync($"/api/v1/org-units/{group.Id}/terms", new { startOn = "2026-11-01" });
        (await ProblemAsync(r, HttpStatusCode.UnprocessableEntity)).Str("code").ShouldBe("GROUP_NO_COMMITTEE");
    }

    [Fact]
    public async Task Get_SiblingWhoseKeyExtendsThisKey_CountsStayApart()
    {
        // Keys chosen so one sibling's path starts with the other's as a string; the subtree range must use the '/'.
        var (tenant, admin) = await TenantAsync();
        var now = app.Clock.GetUtcNow();
        OrgUnit Unit(OrgUnit parent, string key) => new()
        {
            Id = Guid.CreateVersion7(now), TenantId = tenant.TenantId, ParentId = parent.Id, Key = key, Path = OrgPaths.Child(parent.Path, key),
            Depth = parent.Depth + 1, Name = "支部" + key, Kind = OrgUnitKind.Branch, CreatedAt = now,
        };
        var shorter = Unit(tenant.Root, "abcdefghi");
        var longer = Unit(tenant.Root, "abcdefghij");
        var after = Unit(tenant.Root, "abcdefghi2");
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.OrgUnits.AddRange(shorter, longer, after);
            await db.SaveChangesAsync();
        });
        var group = await tenant.AddUnitAsync(shorter, OrgUnitKind.Group);
        await tenant.AddMembersAsync(shorter, 1);
        await tenant.AddMembersAsync(group, 2);
        await tenant.AddMembersAsync(longer, 4);
        await tenant.AddMembersAsync(after, 8);

        (await admin.GetJsonAsync($"/api/v1/org-units/{shorter.Id}"))["partyMemberCount"]!.GetValue<int>().ShouldBe(3);
        (await admin.GetJsonAsync($"/api/v1/org-units/{longer.Id}"))["partyMemberCount"]!.GetValue<int>().ShouldBe(4);
        (await admin.GetJsonAsync($"/api/v1/org-units/{after.Id}"))["partyMemberCount"]!.GetValue<int>().ShouldBe(8);
        (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}"))["partyMemberCount"]!.GetValue<int>().ShouldBe(15);
    }

    [Fact]
    public async Task List_SeededTenant_ChildrenCountsAddUpToTheRoot()
    {
        var (tenant, seed) = await TestTenant.SeedAsync(app, members: 300);
        var admin = await app.ClientForAsync(tenant.Admin);

        var tops = await admin.GetJsonAsync("/api/v1/org-units");
        tops["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([seed.RootId]);

        var root = await admin.GetJsonAsync($"/api/v1/org-units/{seed.RootId}");
        var children = await admin.GetJsonAsync($"/api/v1/org-units?parentId={seed.RootId}&pageSize=200");
        var items = children["items"]!.AsArray();
        items.Count.ShouldBe(root["childCount"]!.GetValue<int>());
        items.Count.ShouldBeGreaterThan(1);
        var rootParty = root["partyMemberCount"]!.GetValue<int>();
        rootParty.ShouldBeInRange(1, seed.Members);
        // Nobody is on the root's own roll, so the subtrees below it hold everyone.
        root["directMemberCount"]!.GetValue<int>().ShouldBe(0);
        items.Sum(i => i!["partyMemberCount"]!.GetValue<int>()).ShouldBe(rootParty);

        var inDb = await app.InTenantAsync(tenant.TenantId, db => db.Members.CountAsync(m => m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary));
        rootParty.ShouldBe(inDb);
    }
}

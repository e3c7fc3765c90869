using Dangjian.Web.Modules.Members;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dangjian.Tests.Modules.Members;

/// <summary>
/// /api/v1/members through the whole app: the 公民身份号码 checked, unique per tenant and stored only encrypted; lists and
/// exports masked; a reveal only for roles with personal-data rights and always written to the person's access log,
/// which the person reads through their own account; changes audited; statistics count the party members.
/// </summary>
public sealed partial class MembersApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Url = "/api/v1/members";

    // Valid numbers, check characters worked out by hand (see IdNumberRulesTests for the sums).
    private const string IdX = "11010519491231002X";        // 1949-12-31, female
    private const string IdMale1980 = "110101198001010010"; // 1980-01-01, male
    private const string IdFemale1980 = "110101198001010029"; // 1980-01-01, female
    private const string Mobile = "13812345678";

    /// <summary>A tenant with a branch (and a 党小组 under it) and a sibling branch, all under the root 党委.</summary>
    private sealed record World(TestTenant Tenant, OrgUnit Branch, OrgUnit Group, OrgUnit Sibling);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var group = await tenant.AddUnitAsync(branch, OrgUnitKind.Group);
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        return new World(tenant, branch, group, sibling);
    }

    /// <summary>
    /// A valid 18-character number for a birth date and sequence, its check character computed here independently of
    /// the app (ISO 7064 MOD 11-2), so the slice tests can make many distinct people.
    /// </summary>
    private static string IdFor(DateOnly birth, int sequence, string area = "110105")
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var first17 = area + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    private static object Person(Guid unitId, string name, string idNumber, string category = "Full", string? joinedOn = "2010-07-01",
        string? mobile = null) => new
    {
        orgUnitId = unitId, name, idNumber, category, joinedOn,
        fullMemberOn = category == "Full" && joinedOn is not null ? "2011-07-01" : null, mobile,
    };

    private static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        using var r = await client.PostAsJsonAsync(Url, body);
        return (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    private Task<int> CountMembersAsync(TestTenant t) => app.InTenantAsync(t.TenantId, db => db.Members.CountAsync());

    private Task<int> CountLogAsync(TestTenant t, Guid memberId) =>
        app.InTenantAsync(t.TenantId, db => db.MemberAccessLogs.CountAsync(a => a.MemberId == memberId));

    [GeneratedRegex(@"\d{17}[\dXx]")]
    private static partial Regex EighteenCharacterId();

    // ---------------------------------------------------------------- create

    [Theory]
    [InlineData("110105194912310021")]  // check character should be X
    [InlineData("11010519491231002")]   // 17 characters
    [InlineData("11010519491231002X1")] // 19 characters
    [InlineData("110105202302300016")]  // 30 February
    [InlineData("310104202611230016")]  // born tomorrow
    [InlineData("")]
    public async Task Create_BadIdNumber_BadRequestNamingIdNumberAndNothingStored(string idNumber)
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        using var r = await admin.PostAsJsonAsync(Url, Person(w.Branch.Id, "李四", idNumber));
        var errors = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["idNumber"]);
        errors["idNumber"]![0]!.GetValue<string>().ShouldContain("公民身份号码");
        (await CountMembersAsync(w.Tenant)).ShouldBe(0);
    }

    [Fact]
    public async Task Create_ValidNumber_CreatedWithIdAndMaskedNumberAndFactsFromTheNumber()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        using var r = await admin.PostAsJsonAsync(Url, Person(w.Branch.Id, "王芳", IdX.ToLowerInvariant()));
        var body = (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var id = body.Id();
        id.ShouldNotBe(Guid.Empty);
        body.Str("idNumberMasked").ShouldBe("1101**********002X");
        body.ToJsonString().ShouldNotContain("19491231");
        r.Headers.Location!.OriginalString.ShouldBe($"/api/v1/members/{id}");

        var m = await admin.GetJsonAsync($"{Url}/{id}");
        m.Str("name").ShouldBe("王芳");
        m.Str("gender").ShouldBe("Female");        // 17th digit 2
        m.Str("birthDate").ShouldBe("1949-12-31");
        m["age"]!.GetValue<int>().ShouldBe(76);    // 2026 − 1949 = 77, but 31 December has not come yet
        m.Str("category").ShouldBe("Full");
        m.Str("orgUnitName").ShouldBe(w.Branch.Name);
    }

    [Fact]
    public async Task Create_SameNumberTwiceInTenant_ConflictAndOnlyOneStored()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX));
        // The same number, written differently, in another unit of the tenant.
        using var again = await admin.PostAsJsonAsync(Url, Person(w.Sibling.Id, "王芳芳", " " + IdX.ToLowerInvariant()));
        var problem = (await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!;
        problem.ToJsonString().ShouldContain("MEMBER_ID_EXISTS");
        (await CountMembersAsync(w.Tenant)).ShouldBe(1);
    }

    [Fact]
    public async Task Create_SameNumberConcurrently_OneCreatedOthersConflict()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => admin.PostAsJsonAsync(Url, Person(w.Branch.Id, $"并发{i}", IdX))));
        var codes = responses.Select(r => (int)r.StatusCode).Order().ToList();
        foreach (var r in responses) r.Dispose();
        codes.ShouldBe([201, 409, 409, 409, 409, 409]);
        (await CountMembersAsync(w.Tenant)).ShouldBe(1);
    }

    [Fact]
    public async Task Create_SameNumberInAnotherTenant_Created()
    {
        var a = await WorldAsync();
        var b = await WorldAsync();
        using var adminA = await app.ClientForAsync(a.Tenant.Admin);
        using var adminB = await app.ClientForAsync(b.Tenant.Admin);
        await CreateAsync(adminA, Person(a.Branch.Id, "王芳", IdX));
        await CreateAsync(adminB, Person(b.Branch.Id, "王芳", IdX));
        (await CountMembersAsync(b.Tenant)).ShouldBe(1);
    }

    [Theory]
    [InlineData("Probationary")]
    [InlineData("Full")]
    [InlineData("full")]
    public async Task Create_PartyMemberWithoutJoinedOn_BadRequestNamingJoinedOn(string category)
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        using var r = await admin.PostAsJsonAsync(Url, new { orgUnitId = w.Branch.Id, name = "赵六", idNumber = IdMale1980, category });
        var errors = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["joinedOn"]);
        (await CountMembersAsync(w.Tenant)).ShouldBe(0);
    }

    [Theory]
    [InlineData("Candidate")]
    [InlineData("Activist")]
    [InlineData("Masses")]
    public async Task Create_NotYetPartyMemberWithoutJoinedOn_Created(string category)
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, new { orgUnitId = w.Branch.Id, name = "赵六", idNumber = IdMale1980, category });
        (await admin.GetJsonAsync($"{Url}/{id}")).Str("category").ShouldBe(category);
    }

    [Fact]
    public async Task Create_SeveralBadFields_EachNamed()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        using var r = await admin.PostAsJsonAsync(Url, new
        {
            orgUnitId = w.Branch.Id, name = "", idNumber = "123", category = "Soldier", mobile = "12345", joinedOn = "2027-01-01",
        });
        var errors = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).Order(StringComparer.Ordinal).ShouldBe(["category", "idNumber", "joinedOn", "mobile", "name"]);
    }

    [Fact]
    public async Task Create_SecretaryIntoSiblingBranch_NotFoundAndNothingCreated()
    {
        var w = await WorldAsync();
        using var secretary = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.BranchSecretary));
        using var r = await secretary.PostAsJsonAsync(Url, Person(w.Sibling.Id, "越权", IdX));
        ((int)r.StatusCode).ShouldBeOneOf(403, 404);
        // The unit is refused before the input is looked at: nothing about the number is said either.
        (await r.Content.ReadAsStringAsync()).ShouldNotContain("idNumber");
        (await CountMembersAsync(w.Tenant)).ShouldBe(0);

        // Its own branch works, so the refusal was about the unit.
        await CreateAsync(secretary, Person(w.Branch.Id, "本支部", IdX));
        (await CountMembersAsync(w.Tenant)).ShouldBe(1);
    }

    [Fact]
    public async Task Create_SecretaryIntoParentCommittee_RefusedAndNothingCreated()
    {
        var w = await WorldAsync();
        using var secretary = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.BranchSecretary));
        using var r = await secretary.PostAsJsonAsync(Url, Person(w.Tenant.Root.Id, "越权", IdX));
        ((int)r.StatusCode).ShouldBeOneOf(403, 404);
        (await CountMembersAsync(w.Tenant)).ShouldBe(0);
    }

    [Fact]
    public async Task Create_PublicityCommissionerOnOwnBranch_ForbiddenAndNothingCreated()
    {
        var w = await WorldAsync();
        using var publicity = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.PublicityCommissioner));
        using var r = await publicity.PostAsJsonAsync(Url, Person(w.Branch.Id, "宣传", IdX));
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountMembersAsync(w.Tenant)).ShouldBe(0);
    }

    [Fact]
    public async Task Create_NoToken_Unauthorized()
    {
        var w = await WorldAsync();
        using var anonymous = app.CreateClient();
        using var r = await anonymous.PostAsJsonAsync(Url, Person(w.Branch.Id, "匿名", IdX));
        r.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await CountMembersAsync(w.Tenant)).ShouldBe(0);
    }

    // ---------------------------------------------------------------- list

    /// <summary>Seven people with ID numbers in the branch (five) and its group (two), three without in the sibling.</summary>
    private async Task<(World W, List<(Guid Id, string IdNumber)> People)> RosterAsync()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var people = new List<(Guid, string)>();
        // Born 1980-01-01 + i days; the sequence's last digit alternates the sex (odd = male).
        for (var i = 0; i < 7; i++)
        {
            var idNumber = IdFor(new DateOnly(1980, 1, 1).AddDays(i), 100 + i);
            var unit = i < 5 ? w.Branch : w.Group;
            people.Add((await CreateAsync(admin, Person(unit.Id, $"成员{i}", idNumber, mobile: $"1390000000{i}")), idNumber));
        }
        await w.Tenant.AddMembersAsync(w.Sibling, 3);
        return (w, people);
    }

    [Fact]
    public async Task List_SubtreeInPages_EveryPersonOnceAndTotals()
    {
        var (w, _) = await RosterAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var seen = new List<string>();
        foreach (var (page, size) in new[] { (1, 4), (2, 4), (3, 4) })
        {
            var p = await admin.GetJsonAsync($"{Url}?orgUnitId={w.Tenant.Root.Id}&includeSubtree=true&page={page}&pageSize=4");
            p["total"]!.GetValue<int>().ShouldBe(10);
            p["pageNumber"]!.GetValue<int>().ShouldBe(page);
            p["pageSize"]!.GetValue<int>().ShouldBe(size);
            p["pageCount"]!.GetValue<int>().ShouldBe(3);
            var items = p["items"]!.AsArray();
            items.Count.ShouldBe(page < 3 ? 4 : 2);
            seen.AddRange(items.Select(i => i!.Str("id")));
        }
        seen.Count.ShouldBe(10);
        seen.Distinct().Count().ShouldBe(10);

        var past = await admin.GetJsonAsync($"{Url}?orgUnitId={w.Tenant.Root.Id}&page=4&pageSize=4");
        past["items"]!.AsArray().Count.ShouldBe(0);
        past["total"]!.GetValue<int>().ShouldBe(10);
    }

    [Fact]
    public async Task List_BranchWithAndWithoutSubtree_GroupCountedOnlyWithSubtree()
    {
        var (w, _) = await RosterAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        (await admin.GetJsonAsync($"{Url}?orgUnitId={w.Branch.Id}&includeSubtree=true"))["total"]!.GetValue<int>().ShouldBe(7);
        (await admin.GetJsonAsync($"{Url}?orgUnitId={w.Branch.Id}"))["total"]!.GetValue<int>().ShouldBe(7);
        (await admin.GetJsonAsync($"{Url}?orgUnitId={w.Branch.Id}&includeSubtree=false"))["total"]!.GetValue<int>().ShouldBe(5);
        (await admin.GetJsonAsync($"{Url}?orgUnitId={w.Sibling.Id}"))["total"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task List_AnyPage_NoFullIdNumberOrMobileInTheResponse()
    {
        var (w, people) = await RosterAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        using var r = await admin.GetAsync($"{Url}?orgUnitId={w.Tenant.Root.Id}&pageSize=200");
        var raw = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, raw);
        foreach (var (_, idNumber) in people)
        {
            raw.ShouldNotContain(idNumber);
            raw.ShouldContain(idNumber[..4] + "**********" + idNumber[^4..]);
        }
        EighteenCharacterId().IsMatch(raw).ShouldBeFalse(raw);
        raw.ShouldNotContain("13900000000");
    }

    [Fact]
    public async Task List_FilterByCategoryAndGender_OnlyMatchingPeople()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        await CreateAsync(admin, Person(w.Branch.Id, "男正式", IdMale1980));
        await CreateAsync(admin, Person(w.Branch.Id, "女正式", IdFemale1980));
        await CreateAsync(admin, Person(w.Branch.Id, "女预备", IdX, category: "Probationary", joinedOn: "2026-06-01"));
        await CreateAsync(admin, new { orgUnitId = w.Branch.Id, name = "男积极分子", idNumber = "110101199003071233", category = "Activist" });

        async Task<string[]> Names(string query) =>
            (await admin.GetJsonAsync($"{Url}?orgUnitId={w.Branch.Id}&{query}"))["items"]!.AsArray().Select(i => i!.Str("name")).Order().ToArray();

        (await Names("category=Full")).ShouldBe(["女正式", "男正式"]);
        (await Names("category=Probationary")).ShouldBe(["女预备"]);
        (await Names("gender=Female")).ShouldBe(["女正式", "女预备"]);
        (await Names("gender=Male&category=Activist")).ShouldBe(["男积极分子"]);
        (await Names("gender=Male&category=Probationary")).ShouldBeEmpty();
    }

    [Fact]
    public async Task List_FilterByAge_BirthdayTodayCountsTheNewYear()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        // Today is 2026-11-22: born 1986-11-22 is 40 today, born 1986-11-23 is still 39, born 1976-11-23 is 49.
        await CreateAsync(admin, Person(w.Branch.Id, "四十", IdFor(new DateOnly(1986, 11, 22), 11)));
        await CreateAsync(admin, Person(w.Branch.Id, "三十九", IdFor(new DateOnly(1986, 11, 23), 11)));
        await CreateAsync(admin, Person(w.Branch.Id, "四十九", IdFor(new DateOnly(1976, 11, 23), 11)));
        await CreateAsync(admin, Person(w.Branch.Id, "五十", IdFor(new DateOnly(1976, 11, 22), 11)));

        async Task<string[]> Names(string query) =>
            (await admin.GetJsonAsync($"{Url}?orgUnitId={w.Branch.Id}&{query}"))["items"]!.AsArray().Select(i => i!.Str("name")).Order().ToArray();

        (await Names("ageFrom=40")).ShouldBe(["五十", "四十", "四十九"]);
        (await Names("ageTo=39")).ShouldBe(["三十九"]);
        (await Names("ageFrom=40&ageTo=49")).ShouldBe(["四十", "四十九"]);
        (await Names("ageFrom=50&ageTo=50")).ShouldBe(["五十"]);

        var row = (await admin.GetJsonAsync($"{Url}?orgUnitId={w.Branch.Id}&search=三十九"))["items"]!.AsArray().Single()!;
        row["age"]!.GetValue<int>().ShouldBe(39);
    }

    [Theory]
    [InlineData("category=Soldier", "category")]
    [InlineData("gender=Unknown", "gender")]
    [InlineData("ageFrom=-1", "ageFrom")]
    [InlineData("ageTo=151", "ageTo")]
    public async Task List_BadFilter_BadRequestNamingIt(string query, string field)
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        using var r = await admin.GetAsync($"{Url}?orgUnitId={w.Branch.Id}&{query}");
        (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe([field]);
    }

    [Fact]
    public async Task List_SecretaryOfSibling_CannotListTheBranch()
    {
        var (w, people) = await RosterAsync();
        using var sibling = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Sibling, AppRole.BranchSecretary));
        using var r = await sibling.GetAsync($"{Url}?orgUnitId={w.Branch.Id}");
        ((int)r.StatusCode).ShouldBeOneOf(403, 404);
        (await r.Content.ReadAsStringAsync()).ShouldNotContain("成员0");
        // Nor does its own list reach over.
        var own = await sibling.GetJsonAsync($"{Url}?orgUnitId={w.Sibling.Id}");
        own["total"]!.GetValue<int>().ShouldBe(3);
        own["items"]!.AsArray().Select(i => i!.Id()).ShouldNotContain(people[0].Id);
    }

    [Fact]
    public async Task List_SecretaryWithOwnUnitScope_GroupBelowNotListedExportedOrCounted()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        await CreateAsync(admin, Person(w.Branch.Id, "支部成员", IdMale1980));
        var inGroup = await CreateAsync(admin, Person(w.Group.Id, "小组成员", IdFemale1980));
        using var exact = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.BranchSecretary, DataScope.OwnUnit));

        // The record itself is out of an exact-unit role's reach…
        (await exact.GetAsync($"{Url}/{inGroup}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // …so the list, the export and the statistics of the branch must not bring it back.
        var names = (await exact.GetJsonAsync($"{Url}?orgUnitId={w.Branch.Id}"))["items"]!.AsArray().Select(i => i!.Str("name")).ToList();
        names.ShouldBe(["支部成员"]);
        var (rows, _) = await ExportAsync(exact, $"orgUnitId={w.Branch.Id}&reveal=true");
        rows.Skip(1).Select(r => r[0]).ShouldBe(["支部成员"]);
        (await CountLogAsync(w.Tenant, inGroup)).ShouldBe(0);
        (await exact.GetJsonAsync($"{Url}/statistics?orgUnitId={w.Branch.Id}"))["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Export_RevealWithPersonalDataRightsOnlyOnOwnUnit_GroupBelowStaysMasked()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        await CreateAsync(admin, Person(w.Branch.Id, "支部成员", IdMale1980));
        var inGroup = await CreateAsync(admin, Person(w.Group.Id, "小组成员", IdFemale1980));
        // Sees the whole subtree (观察员, own unit and below) but personal data only on the branch itself (书记, own unit).
        var user = await w.Tenant.AddUserAsync(w.Branch, AppRole.Observer);
        using (var put = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}/roles", new
               {
                   roles = new[]
                   {
                       new { role = "Observer", orgUnitId = w.Branch.Id, scope = "OwnUnitAndBelow" },
                       new { role = "BranchSecretary", orgUnitId = w.Branch.Id, scope = "OwnUnit" },
                   },
               }))
        {
            await put.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }
        using var client = await app.ClientForAsync(user);

        // The group member's full record is refused to this user…
        (await client.GetAsync($"{Url}/{inGroup}?reveal=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetJsonAsync($"{Url}/{inGroup}")).Str("idNumber").ShouldBe("1101**********0029");
        // …so a full export of the branch must not hand it out either.
        using var r = await client.GetAsync($"{Url}/export?orgUnitId={w.Branch.Id}&reveal=true");
        if (r.StatusCode == HttpStatusCode.OK)
        {
            var rows = ReadSheet(await r.Content.ReadAsByteArrayAsync());
            string.Join("|", rows.SelectMany(x => x)).ShouldNotContain(IdFemale1980);
        }
        else
        {
            r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    // ---------------------------------------------------------------- one record, reveal, access log

    [Fact]
    public async Task Get_WithoutReveal_MaskedAndNotLogged()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX, mobile: Mobile));
        using var r = await admin.GetAsync($"{Url}/{id}");
        var raw = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, raw);
        var m = JsonNode.Parse(raw)!;
        m.Str("idNumber").ShouldBe("1101**********002X");
        m["idNumberRevealed"]!.GetValue<bool>().ShouldBeFalse();
        m.Str("mobile").ShouldBe("138****5678");
        raw.ShouldNotContain(IdX);
        raw.ShouldNotContain(Mobile);
        (await CountLogAsync(w.Tenant, id)).ShouldBe(0);
    }

    [Fact]
    public async Task Get_RevealBySecretary_FullNumberAndOneLogEntryWithTheViewer()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX, mobile: Mobile));
        var secretaryUser = await w.Tenant.AddUserAsync(w.Branch, AppRole.BranchSecretary, displayName: TestTenant.Unique("李书记"));
        using var secretary = await app.ClientForAsync(secretaryUser);

        var m = await secretary.GetJsonAsync($"{Url}/{id}?reveal=true");
        m.Str("idNumber").ShouldBe(IdX);
        m["idNumberRevealed"]!.GetValue<bool>().ShouldBeTrue();
        m.Str("mobile").ShouldBe(Mobile);
        (await CountLogAsync(w.Tenant, id)).ShouldBe(1);

        var log = await secretary.GetJsonAsync($"{Url}/{id}/access-log");
        log["total"]!.GetValue<int>().ShouldBe(1);
        var entry = log["items"]!.AsArray().Single()!;
        entry.Str("userName").ShouldContain(secretaryUser.DisplayName);
        entry.Str("userName").ShouldContain(secretaryUser.UserName);
        entry.Str("action").ShouldBe("view");
        DateTimeOffset.Parse(entry.Str("at"), CultureInfo.InvariantCulture).ShouldBe(FakeTimeProvider.DefaultStart);
        // Reading the log is not itself a reveal.
        (await CountLogAsync(w.Tenant, id)).ShouldBe(1);
    }

    [Fact]
    public async Task Get_RevealTwice_TwoLogEntriesNewestFirst()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX));
        await admin.GetJsonAsync($"{Url}/{id}?reveal=true");
        var organiser = await w.Tenant.AddUserAsync(w.Branch, AppRole.OrganizationCommissioner, displayName: TestTenant.Unique("组织委员"));
        using var second = await app.ClientForAsync(organiser);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        try
        {
            await second.GetJsonAsync($"{Url}/{id}?reveal=true");
        }
        finally
        {
            app.Clock.Set(FakeTimeProvider.DefaultStart);
        }
        var items = (await admin.GetJsonAsync($"{Url}/{id}/access-log"))["items"]!.AsArray();
        items.Count.ShouldBe(2);
        items[0]!.Str("userName").ShouldContain(organiser.DisplayName);
        items[1]!.Str("userName").ShouldContain(w.Tenant.Admin.DisplayName);
    }

    [Fact]
    public async Task Get_RevealByUserWithLongestDisplayName_LoggedWithTheName()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX));
        // Accounts allow display names of up to 100 characters and user names of up to 50.
        var longName = new string('李', 100);
        using var viewer = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.BranchSecretary, displayName: longName));
        (await viewer.GetJsonAsync($"{Url}/{id}?reveal=true")).Str("idNumber").ShouldBe(IdX);
        var entry = (await admin.GetJsonAsync($"{Url}/{id}/access-log"))["items"]!.AsArray().Single()!;
        entry.Str("userName").ShouldStartWith(new string('李', 20));
    }

    [Theory]
    [InlineData(AppRole.PublicityCommissioner)]
    [InlineData(AppRole.DisciplineCommissioner)]
    [InlineData(AppRole.Observer)]
    public async Task Get_RevealByRoleWithoutPersonalDataRights_ForbiddenAndNothingLogged(AppRole role)
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX, mobile: Mobile));
        using var viewer = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, role));

        // The masked record is fine for this role…
        (await viewer.GetJsonAsync($"{Url}/{id}")).Str("idNumber").ShouldBe("1101**********002X");
        // …the full one is not, and the refusal carries nothing of it.
        using var r = await viewer.GetAsync($"{Url}/{id}?reveal=true");
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var raw = await r.Content.ReadAsStringAsync();
        raw.ShouldNotContain(IdX);
        raw.ShouldNotContain(Mobile);
        (await CountLogAsync(w.Tenant, id)).ShouldBe(0);
        (await viewer.GetAsync($"{Url}/{id}/access-log")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetJsonAsync($"{Url}/{id}/access-log"))["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Get_SecretaryOfSibling_NotFoundEvenWithReveal()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX));
        using var sibling = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Sibling, AppRole.BranchSecretary));
        foreach (var url in new[] { $"{Url}/{id}", $"{Url}/{id}?reveal=true", $"{Url}/{id}/access-log" })
        {
            using var r = await sibling.GetAsync(url);
            r.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await r.Content.ReadAsStringAsync()).ShouldNotContain("王芳");
        }
        (await CountLogAsync(w.Tenant, id)).ShouldBe(0);
    }

    [Fact]
    public async Task Get_MemberOfAnotherTenant_NotFound()
    {
        var a = await WorldAsync();
        var b = await WorldAsync();
        using var adminA = await app.ClientForAsync(a.Tenant.Admin);
        using var adminB = await app.ClientForAsync(b.Tenant.Admin);
        var id = await CreateAsync(adminA, Person(a.Branch.Id, "王芳", IdX));
        (await adminB.GetAsync($"{Url}/{id}?reveal=true")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CountLogAsync(a.Tenant, id)).ShouldBe(0);
    }

    // ---------------------------------------------------------------- storage

    private async Task<List<string>> CellsAsync(string table)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        try
        {
            await using DbCommand cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await cmd.ExecuteReaderAsync();
            var cells = new List<string>();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!await reader.IsDBNullAsync(i)) cells.Add(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "");
                }
            }
            return cells;
        }
        finally
        {
            await conn.CloseAsync();
        }
    }

    [Fact]
    public async Task Create_StoredRow_NoClearTextNumberOrMobileAndAKeyedHash()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        const string address = "北京市东城区测试胡同 8 号";
        var id = await CreateAsync(admin, new
        {
            orgUnitId = w.Branch.Id, name = "王芳", idNumber = IdX, category = "Full", joinedOn = "2010-07-01", mobile = Mobile,
            homeAddress = address,
        });
        // A reveal, so the access log has a row of this person to look into as well.
        (await admin.GetJsonAsync($"{Url}/{id}?reveal=true")).Str("homeAddress").ShouldBe(address);

        var row = await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));
        row.IdNumberEncrypted.ShouldNotBeNull().ShouldStartWith("v1:");
        row.IdNumberEncrypted.ShouldNotContain(IdX);
        row.IdNumberEncrypted.ShouldNotContain(IdX[..17]);
        row.IdNumberHash.ShouldNotBeNull().ShouldMatch("^[0-9a-f]{64}$");
        row.IdNumberHash.ShouldNotContain(IdX[..17]);
        row.IdNumberMasked.ShouldBe("1101**********002X");
        row.MobileEncrypted.ShouldNotBeNull().ShouldStartWith("v1:");
        row.MobileEncrypted.ShouldNotContain(Mobile);
        row.HomeAddressEncrypted.ShouldNotBeNull().ShouldNotContain("胡同");

        // Every column of every row, as the database holds it; the audit log of the creation holds no clear text either.
        foreach (var table in new[] { "Members", "AuditEntries", "MemberAccessLogs" })
        {
            var cells = await CellsAsync(table);
            cells.ShouldNotBeEmpty(table);
            cells.ShouldNotContain(c => c.Contains(IdX, StringComparison.OrdinalIgnoreCase) || c.Contains(Mobile) || c.Contains("胡同"), table);
        }
    }

    [Fact]
    public async Task Create_TwoPeople_EncryptionUsesFreshNonceButHashIsStable()
    {
        var a = await WorldAsync();
        var b = await WorldAsync();
        using var adminA = await app.ClientForAsync(a.Tenant.Admin);
        using var adminB = await app.ClientForAsync(b.Tenant.Admin);
        var idA = await CreateAsync(adminA, Person(a.Branch.Id, "王芳", IdX));
        var idB = await CreateAsync(adminB, Person(b.Branch.Id, "王芳", IdX));
        var rowA = await app.InTenantAsync(a.Tenant.TenantId, db => db.Members.AsNoTracking().SingleAsync(m => m.Id == idA));
        var rowB = await app.InTenantAsync(b.Tenant.TenantId, db => db.Members.AsNoTracking().SingleAsync(m => m.Id == idB));
        rowA.IdNumberHash.ShouldBe(rowB.IdNumberHash);
        rowA.IdNumberEncrypted.ShouldNotBe(rowB.IdNumberEncrypted);
    }

    // ---------------------------------------------------------------- patch

    [Fact]
    public async Task Patch_Fields_ChangedAndAuditedWithBeforeAndAfter()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, new
        {
            orgUnitId = w.Branch.Id, name = "王芳", idNumber = IdX, category = "Probationary", joinedOn = "2025-12-01", jobPost = "工勤技能人员",
        });

        using var r = await admin.PatchAsJsonAsync($"{Url}/{id}", new
        {
            category = "Full", fullMemberOn = "2026-11-20", jobPost = "公有经济控制企业管理岗位", education = "大学本科", mobile = Mobile,
        });
        var m = (await r.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        m.Str("category").ShouldBe("Full");
        m.Str("fullMemberOn").ShouldBe("2026-11-20");
        m.Str("jobPost").ShouldBe("公有经济控制企业管理岗位");
        m.Str("education").ShouldBe("大学本科");
        m.Str("mobile").ShouldBe("138****5678");
        m.Str("name").ShouldBe("王芳"); // not sent, not changed
        m["partyAgeYears"]!.GetValue<int>().ShouldBe(0);

        var audit = await admin.GetJsonAsync($"/api/v1/audit?orgUnitId={w.Tenant.Root.Id}&entityType=Member&pageSize=200");
        var modified = audit["items"]!.AsArray().Where(e => e!.Str("entityId") == id.ToString() && e!.Str("action") == "Modified").ToList();
        modified.Count.ShouldBe(1);
        var before = JsonNode.Parse(modified[0]!.Str("before"))!;
        var after = JsonNode.Parse(modified[0]!.Str("after"))!;
        before.Str("JobPost").ShouldBe("工勤技能人员");
        after.Str("JobPost").ShouldBe("公有经济控制企业管理岗位");
        before.Str("Category").ShouldBe("Probationary");
        after.Str("Category").ShouldBe("Full");
        after.Str("Education").ShouldBe("大学本科");
        modified[0]!.Str("userName").ShouldBe(w.Tenant.Admin.UserName);
        modified[0]!.ToJsonString().ShouldNotContain(Mobile);
        // The creation is there too.
        audit["items"]!.AsArray().ShouldContain(e => e!.Str("entityId") == id.ToString() && e!.Str("action") == "Added");
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("23812345678")]  // does not start with 1
    [InlineData("1381234567a")]
    [InlineData("138123456789")] // 12 digits
    [InlineData("1381234567")]   // 10 digits
    public async Task Patch_BadMobile_BadRequestNamingMobileAndUnchanged(string mobile)
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX, mobile: Mobile));
        using var r = await admin.PatchAsJsonAsync($"{Url}/{id}", new { mobile, jobPost = "学生" });
        (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["mobile"]);

        var m = await admin.GetJsonAsync($"{Url}/{id}?reveal=true");
        m.Str("mobile").ShouldBe(Mobile);
        m["jobPost"].ShouldBeNull();
    }

    [Fact]
    public async Task Patch_FullMemberDateBeforeJoining_BadRequestNamingFullMemberOn()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX));
        using var r = await admin.PatchAsJsonAsync($"{Url}/{id}", new { joinedOn = "2015-07-01", fullMemberOn = "2015-06-30" });
        (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["fullMemberOn"]);
    }

    [Fact]
    public async Task Patch_CandidateToProbationaryWithoutJoinedOn_BadRequestNamingJoinedOnAndUnchanged()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, new { orgUnitId = w.Branch.Id, name = "王芳", idNumber = IdX, category = "Candidate" });
        using var r = await admin.PatchAsJsonAsync($"{Url}/{id}", new { category = "Probationary" });
        (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["joinedOn"]);
        (await admin.GetJsonAsync($"{Url}/{id}")).Str("category").ShouldBe("Candidate");
    }

    [Fact]
    public async Task Patch_PublicityCommissioner_ForbiddenAndUnchanged()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX));
        using var publicity = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.PublicityCommissioner));
        using var r = await publicity.PatchAsJsonAsync($"{Url}/{id}", new { name = "改名" });
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetJsonAsync($"{Url}/{id}")).Str("name").ShouldBe("王芳");
    }

    // ---------------------------------------------------------------- export

    private static List<List<string>> ReadSheet(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var part = doc.WorkbookPart!.WorksheetParts.Single();
        return part.Worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList())
            .ToList();
    }

    private async Task<(List<List<string>> Rows, string ContentType)> ExportAsync(HttpClient client, string query)
    {
        using var r = await client.GetAsync($"{Url}/export?{query}");
        var bytes = await r.Content.ReadAsByteArrayAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        bytes.Take(2).ShouldBe("PK"u8.ToArray()); // a zip package
        return (ReadSheet(bytes), r.Content.Headers.ContentType!.MediaType!);
    }

    [Fact]
    public async Task Export_Masked_RealWorkbookWithNationalHeadersAndMaskedNumbers()
    {
        var (w, people) = await RosterAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var (rows, type) = await ExportAsync(admin, $"orgUnitId={w.Branch.Id}");
        type.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var header = rows[0];
        header[0].ShouldBe("姓名");
        header.ShouldContain("公民身份号码");
        header.ShouldContain("人员类别");
        header.ShouldContain("所在党支部");
        var idCol = header.IndexOf("公民身份号码");
        var nameCol = header.IndexOf("姓名");
        var mobileCol = header.IndexOf("手机号码");

        var data = rows.Skip(1).ToList();
        data.Count.ShouldBe(7); // the branch and its group, not the sibling
        data.Select(r => r[nameCol]).Order().ShouldBe(Enumerable.Range(0, 7).Select(i => $"成员{i}").Order());
        foreach (var (_, idNumber) in people)
        {
            data.Select(r => r[idCol]).ShouldContain(idNumber[..4] + "**********" + idNumber[^4..]);
        }
        var everything = string.Join("|", rows.SelectMany(r => r));
        EighteenCharacterId().IsMatch(everything).ShouldBeFalse();
        data.ShouldAllBe(r => r[mobileCol] == "");
        data.ShouldAllBe(r => r[header.IndexOf("人员类别")] == "正式党员");
    }

    [Fact]
    public async Task Export_Reveal_FullNumbersAndAnExportEntryForEachPerson()
    {
        var (w, people) = await RosterAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var (rows, _) = await ExportAsync(admin, $"orgUnitId={w.Branch.Id}&reveal=true");
        var header = rows[0];
        var idCol = header.IndexOf("公民身份号码");
        var mobileCol = header.IndexOf("手机号码");
        var data = rows.Skip(1).ToList();
        data.Select(r => r[idCol]).Order(StringComparer.Ordinal).ShouldBe(people.Select(p => p.IdNumber).Order(StringComparer.Ordinal));
        data.Select(r => r[mobileCol]).Order(StringComparer.Ordinal)
            .ShouldBe(Enumerable.Range(0, 7).Select(i => $"1390000000{i}").Order(StringComparer.Ordinal));

        foreach (var (id, _) in people)
        {
            var log = await admin.GetJsonAsync($"{Url}/{id}/access-log");
            var entry = log["items"]!.AsArray().Single()!;
            entry.Str("action").ShouldBe("export");
            entry.Str("detail").ShouldContain("完整");
            entry.Str("userName").ShouldContain(w.Tenant.Admin.DisplayName);
        }
        // The sibling's people were not exported and have nothing in their log.
        var siblingIds = await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.Where(m => m.OrgUnitId == w.Sibling.Id).Select(m => m.Id).ToListAsync());
        foreach (var id in siblingIds) (await CountLogAsync(w.Tenant, id)).ShouldBe(0);
    }

    [Fact]
    public async Task Export_FilteredByGender_OnlyThoseRows()
    {
        var (w, people) = await RosterAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        // Sequences 100..106: the last digit is the 17th of the number; odd = male → 101, 103, 105.
        var (rows, _) = await ExportAsync(admin, $"orgUnitId={w.Branch.Id}&gender=Male");
        rows.Skip(1).Select(r => r[0]).Order().ShouldBe(["成员1", "成员3", "成员5"]);
        rows.Skip(1).ShouldAllBe(r => r[1] == "男");
    }

    [Fact]
    public async Task Export_RevealByPublicityCommissioner_ForbiddenAndNothingLogged()
    {
        var (w, people) = await RosterAsync();
        using var publicity = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.PublicityCommissioner));
        using var r = await publicity.GetAsync($"{Url}/export?orgUnitId={w.Branch.Id}&reveal=true");
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var (id, _) in people) (await CountLogAsync(w.Tenant, id)).ShouldBe(0);
    }

    // ---------------------------------------------------------------- statistics

    [Fact]
    public async Task Statistics_Totals_EqualThePartyMembersCreated()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        // Three full members (two male), two probationary (one male), one candidate, one of the masses.
        await CreateAsync(admin, Person(w.Branch.Id, "正式1", IdFor(new DateOnly(1990, 5, 1), 1)));
        await CreateAsync(admin, Person(w.Branch.Id, "正式2", IdFor(new DateOnly(1960, 5, 1), 3)));
        await CreateAsync(admin, Person(w.Group.Id, "正式3", IdFor(new DateOnly(1985, 5, 1), 2)));
        await CreateAsync(admin, Person(w.Branch.Id, "预备1", IdFor(new DateOnly(2000, 5, 1), 5), category: "Probationary", joinedOn: "2026-06-01"));
        await CreateAsync(admin, Person(w.Group.Id, "预备2", IdFor(new DateOnly(2001, 5, 1), 4), category: "Probationary", joinedOn: "2026-06-01"));
        await CreateAsync(admin, new { orgUnitId = w.Branch.Id, name = "发展对象", idNumber = IdFor(new DateOnly(1995, 5, 1), 7), category = "Candidate" });
        await CreateAsync(admin, new { orgUnitId = w.Branch.Id, name = "群众", idNumber = IdFor(new DateOnly(1995, 5, 2), 7), category = "Masses" });
        await w.Tenant.AddMembersAsync(w.Sibling, 4); // elsewhere: counted only from the root

        var s = await admin.GetJsonAsync($"{Url}/statistics?orgUnitId={w.Branch.Id}");
        s["total"]!.GetValue<int>().ShouldBe(5);
        Counts(s, "byCategory").ShouldBe(["发展对象=1", "正式党员=3", "群众=1", "预备党员=2"]);
        Counts(s, "bySex").ShouldBe(["女=2", "男=3"]);
        // Ages on 2026-11-22: 36, 66, 41, 26, 25.
        Counts(s, "byAgeBand").ShouldBe(["30岁及以下=2", "31-40岁=1", "41-50岁=1", "51-60岁=0", "61岁及以上=1"]);
        // Full members since 2011-07-01 (15 years); probationary members have no 党龄 yet.
        Counts(s, "byPartyAgeBand").ShouldBe(["11-20年=3", "21-30年=0", "30年以上=0", "5-10年=0", "5年以下=0"]);

        (await admin.GetJsonAsync($"{Url}/statistics?orgUnitId={w.Tenant.Root.Id}"))["total"]!.GetValue<int>().ShouldBe(9);
        (await admin.GetJsonAsync($"{Url}/statistics?orgUnitId={w.Group.Id}"))["total"]!.GetValue<int>().ShouldBe(2);
    }

    /// <summary>"key=count" pairs of one dimension, in ordinal order of the text.</summary>
    private static string[] Counts(JsonNode stats, string dimension) =>
        stats[dimension]!.AsArray().Select(i => $"{i!.Str("key")}={i!["count"]!.GetValue<int>()}").Order(StringComparer.Ordinal).ToArray();

    // ---------------------------------------------------------------- the person themself

    [Fact]
    public async Task Me_LinkedAccount_SeesOwnFullRecordAndWhoViewedIt()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX, mobile: Mobile));
        var otherId = await CreateAsync(admin, Person(w.Branch.Id, "别人", IdMale1980));
        var secretaryUser = await w.Tenant.AddUserAsync(w.Branch, AppRole.BranchSecretary, displayName: TestTenant.Unique("李书记"));
        using (var secretary = await app.ClientForAsync(secretaryUser))
        {
            await secretary.GetJsonAsync($"{Url}/{id}?reveal=true");
        }

        var userName = TestTenant.Unique("wangfang").ToLowerInvariant();
        using var create = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, password = "Wangfang-2026", displayName = "王芳", memberId = id,
            roles = new[] { new { role = "Member", orgUnitId = w.Branch.Id } },
        });
        await create.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await admin.GetJsonAsync($"{Url}/{id}"))["hasAccount"]!.GetValue<bool>().ShouldBeTrue();

        using var me = app.ClientWithToken(await app.TokenAsync(userName, "Wangfang-2026"));
        var own = await me.GetJsonAsync("/api/v1/me/member");
        own.Id().ShouldBe(id);
        own.Str("name").ShouldBe("王芳");
        own.Str("idNumber").ShouldBe(IdX);
        own.Str("mobile").ShouldBe(Mobile);

        var log = await me.GetJsonAsync($"{Url}/{id}/access-log");
        log["total"]!.GetValue<int>().ShouldBe(1); // the person looking at themself is not logged
        var entry = log["items"]!.AsArray().Single()!;
        entry.Str("userName").ShouldContain(secretaryUser.DisplayName);
        entry.Str("action").ShouldBe("view");

        // Only themself: not someone else's record, not a change, not the list.
        (await me.GetAsync($"{Url}/{otherId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await me.GetAsync($"{Url}/{otherId}/access-log")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ((int)(await me.GetAsync($"{Url}?orgUnitId={w.Branch.Id}")).StatusCode).ShouldBeOneOf(403, 404);
        using var patch = await me.PatchAsJsonAsync($"{Url}/{id}", new { name = "自改" });
        patch.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetJsonAsync($"{Url}/{id}")).Str("name").ShouldBe("王芳");
    }

    [Fact]
    public async Task Me_SecondAccountForSamePerson_Conflict()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Branch.Id, "王芳", IdX));
        foreach (var expected in new[] { HttpStatusCode.Created, HttpStatusCode.Conflict })
        {
            using var r = await admin.PostAsJsonAsync("/api/v1/users", new
            {
                userName = TestTenant.Unique("wf").ToLowerInvariant(), password = "Wangfang-2026", displayName = "王芳", memberId = id,
                roles = new[] { new { role = "Member", orgUnitId = w.Branch.Id } },
            });
            await r.ShouldHaveStatusAsync(expected);
        }
    }

    [Fact]
    public async Task Me_AccountWithoutRecord_NotFound()
    {
        var w = await WorldAsync();
        using var client = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.Member, DataScope.Self));
        using var r = await client.GetAsync("/api/v1/me/member");
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Me_BranchAdminLinkingPersonOfSiblingBranch_RefusedAndNotLinked()
    {
        var w = await WorldAsync();
        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var id = await CreateAsync(admin, Person(w.Sibling.Id, "王芳", IdX));
        // A branch admin may create accounts on its branch, but not tie them to someone it cannot manage.
        using var branchAdmin = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.SystemAdmin));
        using var r = await branchAdmin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = TestTenant.Unique("wf").ToLowerInvariant(), password = "Wangfang-2026", displayName = "王芳", memberId = id,
            roles = new[] { new { role = "Member", orgUnitId = w.Branch.Id } },
        });
        ((int)r.StatusCode).ShouldBeOneOf(403, 404);
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.SingleAsync(m => m.Id == id))).UserId.ShouldBeNull();
    }
}

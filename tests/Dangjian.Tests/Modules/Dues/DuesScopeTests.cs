using Dangjian.Web.Modules.Dues;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// Who may read and record dues: every new endpoint aimed at the sibling branch B is refused (404, revealing nothing of
/// B) for A's secretary, while the same calls on A succeed; read-only roles may read bills but not record; the
/// person reads their own bills; a role on one unit only does not see the arrears of the groups below it.
/// </summary>
public sealed class DuesScopeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static object Base => new { effectiveMonth = "2026-01", category = "Serving", baseFen = 300_000 };

    private static object Payment => new { month = "2026-11", amountFen = 1_500, paidOn = "2026-11-22" };

    [Fact]
    public async Task EveryDuesEndpoint_SiblingBranch_NotFoundAndUntouched()
    {
        var world = await SiblingWorld.CreateAsync(app);
        using var admin = await app.ClientForAsync(world.Tenant.Admin);
        (await admin.PostAsJsonAsync($"/api/v1/members/{world.B.Member.Id}/dues/bases", Base)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync($"/api/v1/members/{world.B.Member.Id}/dues/payments", Payment)).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var a = await app.ClientForAsync(world.A.Secretary);
        var b = world.B;
        var refused = new List<HttpResponseMessage>
        {
            await a.GetAsync($"/api/v1/members/{b.Member.Id}/dues"),
            await a.GetAsync($"/api/v1/members/{b.Member.Id}/dues?year=2026"),
            await a.PostAsJsonAsync($"/api/v1/members/{b.Member.Id}/dues/bases", Base),
            await a.PostAsJsonAsync($"/api/v1/members/{b.Member.Id}/dues/payments", new { month = "2026-10", amountFen = 1_500, paidOn = "2026-11-22" }),
            await a.GetAsync($"/api/v1/dues/arrears?orgUnitId={b.Unit.Id}"),
            await a.GetAsync($"/api/v1/dues/arrears?orgUnitId={b.DissolvedGroup!.Id}"),
            await a.GetAsync($"/api/v1/dues/collection?orgUnitId={b.Unit.Id}&year=2026"),
        };
        foreach (var r in refused)
        {
            var body = await r.Content.ReadAsStringAsync();
            r.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{r.RequestMessage!.RequestUri} → {body}");
            foreach (var secret in b.Names) body.ShouldNotContain(secret);
            r.Dispose();
        }

        await app.InTenantAsync(world.Tenant.TenantId, async db =>
        {
            (await db.DuesBases.CountAsync(x => x.MemberId == b.Member.Id)).ShouldBe(1);
            (await db.DuesPayments.Where(x => x.MemberId == b.Member.Id).Select(x => x.Month).ToListAsync()).ShouldBe([new DateOnly(2026, 11, 1)]);
        });
    }

    [Fact]
    public async Task EveryDuesEndpoint_OwnBranch_Succeeds()
    {
        // The refusals above come from scope, not from the requests: the same calls on A succeed.
        var world = await SiblingWorld.CreateAsync(app);
        using var a = await app.ClientForAsync(world.A.Secretary);
        var member = world.A.Member.Id;
        (await a.PostAsJsonAsync($"/api/v1/members/{member}/dues/bases", Base)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await a.PostAsJsonAsync($"/api/v1/members/{member}/dues/payments", Payment)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await a.GetJsonAsync($"/api/v1/members/{member}/dues?year=2026"))["bills"]![10]!.Str("status").ShouldBe("paid");
        // November is paid, but arrears count up to October: January–October unpaid is 10 months.
        var arrears = (await a.GetJsonAsync($"/api/v1/dues/arrears?orgUnitId={world.A.Unit.Id}"))["items"]!.AsArray();
        arrears.Select(i => (i!.Id("memberId"), i!["months"]!.GetValue<int>())).ShouldBe([(member, 10)]);
        (await a.GetJsonAsync($"/api/v1/dues/collection?orgUnitId={world.A.Unit.Id}&year=2026"))["totals"]!["paidCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task RecordAndSetBase_ReadOnlyRoleOnTheBranch_ForbiddenButBillsReadable()
    {
        var world = await SiblingWorld.CreateAsync(app);
        var reader = await world.Tenant.AddUserAsync(world.B.Unit, AppRole.PublicityCommissioner);  // ViewMembers, not ManageMembers
        using var client = await app.ClientForAsync(reader);
        var member = world.B.Member.Id;
        (await client.GetAsync($"/api/v1/members/{member}/dues")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync($"/api/v1/members/{member}/dues/bases", Base)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync($"/api/v1/members/{member}/dues/payments", Payment)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/v1/dues/collection?orgUnitId={world.B.Unit.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetBills_ThePersonThemself_OwnBillsOnlyAndCannotRecord()
    {
        var world = await SiblingWorld.CreateAsync(app);
        var self = await world.Tenant.AddMemberAccountAsync(world.A.Unit, world.A.Member.Id);
        var colleague = (await world.Tenant.AddMembersAsync(world.A.Unit, 1))[0];

        using var client = await app.ClientForAsync(self);
        (await client.GetJsonAsync($"/api/v1/members/{world.A.Member.Id}/dues")).Id("memberId").ShouldBe(world.A.Member.Id);
        (await client.GetAsync($"/api/v1/members/{colleague.Id}/dues")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync($"/api/v1/members/{world.A.Member.Id}/dues/payments", Payment)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/v1/dues/arrears?orgUnitId={world.A.Unit.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Arrears_RoleOnTheUnitOnly_GroupsBelowNotIncluded()
    {
        var world = await SiblingWorld.CreateAsync(app);
        var group = await world.Tenant.AddUnitAsync(world.A.Unit, OrgUnitKind.Group);
        var inGroup = (await world.Tenant.AddMembersAsync(group, 1))[0];
        using var admin = await app.ClientForAsync(world.Tenant.Admin);
        (await admin.PostAsJsonAsync($"/api/v1/members/{inGroup.Id}/dues/bases", Base)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var commissioner = await world.Tenant.AddUserAsync(world.A.Unit, AppRole.OrganizationCommissioner, DataScope.OwnUnit);
        using var own = await app.ClientForAsync(commissioner);
        var ownReport = await own.GetJsonAsync($"/api/v1/dues/arrears?orgUnitId={world.A.Unit.Id}");
        ownReport["total"]!.GetValue<int>().ShouldBe(0);
        (await own.GetJsonAsync($"/api/v1/dues/collection?orgUnitId={world.A.Unit.Id}&year=2026"))["totals"]!["dueCount"]!.GetValue<int>().ShouldBe(0);

        using var secretary = await app.ClientForAsync(world.A.Secretary);
        var below = await secretary.GetJsonAsync($"/api/v1/dues/arrears?orgUnitId={world.A.Unit.Id}");
        below["items"]!.AsArray().Select(i => i!.Id("memberId")).ShouldBe([inGroup.Id]);  // January–October: 10 months
        (await secretary.GetJsonAsync($"/api/v1/dues/collection?orgUnitId={world.A.Unit.Id}&year=2026"))["totals"]!["dueCount"]!.GetValue<int>()
            .ShouldBe(11);  // January–November
    }
}

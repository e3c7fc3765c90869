using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Jobs;

namespace Dangjian.Tests.Modules.Members.Registry;

/// <summary>
/// 失联 derived, not typed: the daily job flags party members with no dues payment, follow-up or report for 6 months,
/// tells the branch once, and a follow-up that reaches the member clears the flag at once.
/// </summary>
public sealed class OutOfContactTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task<string> RunJobAsync() =>
        app.Services.GetServices<IJob>().Single(j => j.Name == "out-of-contact").RunAsync(app.Services, CancellationToken.None);

    private sealed record World(TestTenant Tenant, OrgUnit Branch, TestUser Secretary, Member Silent, Member Paid, Member PaidSixMonthsAgo,
        Member Candidate, Member New);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        var old = await tenant.AddMembersAsync(branch, 3, namePrefix: "老党员");
        var candidate = (await tenant.AddMembersAsync(branch, 1, MemberCategory.Candidate, "发展对象"))[0];
        var fresh = (await tenant.AddMembersAsync(branch, 1, namePrefix: "新党员"))[0];
        var today = tenant.Today;
        var sevenMonthsAgo = app.Clock.GetUtcNow().AddMonths(-7);
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            var ids = old.Select(m => m.Id).Append(candidate.Id).ToList();
            await db.Members.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, sevenMonthsAgo));
            await db.Members.Where(m => m.Id == fresh.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, app.Clock.GetUtcNow().AddMonths(-1)));
            db.DuesPayments.Add(Payment(old[1], branch, today.AddMonths(-2)));
            db.DuesPayments.Add(Payment(old[2], branch, today.AddMonths(-6)));
            await db.SaveChangesAsync();
        });
        return new World(tenant, branch, secretary, old[0], old[1], old[2], candidate, fresh);
    }

    private DuesPayment Payment(Member m, OrgUnit unit, DateOnly paidOn) => new()
    {
        Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), MemberId = m.Id, OrgUnitId = unit.Id, OrgPath = unit.Path,
        Month = new DateOnly(paidOn.Year, paidOn.Month, 1), AmountFen = 500, PaidOn = paidOn, Method = DuesPaymentMethod.Self,
    };

    private Task<Dictionary<Guid, DateOnly?>> FlagsAsync(World w) =>
        app.InTenantAsync(w.Tenant.TenantId, db => db.Members.Where(m => m.OrgUnitId == w.Branch.Id).ToDictionaryAsync(m => m.Id, m => m.OutOfContactSince));

    [Fact]
    public async Task Job_SixMonthsWithoutContact_FlagsPartyMembersOnlyAndNotifiesOnce()
    {
        var w = await WorldAsync();

        await RunJobAsync();

        var flags = await FlagsAsync(w);
        flags[w.Silent.Id].ShouldNotBeNull();
        flags[w.PaidSixMonthsAgo.Id].ShouldBe(w.Tenant.Today.AddMonths(-6)); // exactly six months: out, since the payment
        flags[w.Paid.Id].ShouldBeNull();
        flags[w.Candidate.Id].ShouldBeNull();  // not a party member yet
        flags[w.New.Id].ShouldBeNull();        // record only a month old

        var notes = await app.InTenantAsync(w.Tenant.TenantId, db => db.Notifications.Where(n => n.UserId == w.Secretary.Id).ToListAsync());
        notes.Count.ShouldBe(1);
        notes[0].Title.ShouldContain("2 名党员");
        notes[0].Body.ShouldContain(w.Silent.Name);
        notes[0].Body.ShouldContain("第二十四条");

        // A second run the same day changes nothing and sends nothing.
        await RunJobAsync();
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.Notifications.CountAsync(n => n.UserId == w.Secretary.Id))).ShouldBe(1);

        using var secretary = await app.ClientForAsync(w.Secretary);
        var listed = await secretary.GetJsonAsync($"/api/v1/members?orgUnitId={w.Branch.Id}&outOfContact=true");
        listed["items"]!.AsArray().Select(i => i!.Id()).OrderBy(x => x).ShouldBe(new[] { w.Silent.Id, w.PaidSixMonthsAgo.Id }.OrderBy(x => x));
    }

    [Fact]
    public async Task FollowUp_NotReachedKeepsFlagWithReason_ReachedClearsIt()
    {
        var w = await WorldAsync();
        await RunJobAsync();
        using var secretary = await app.ClientForAsync(w.Secretary);
        var url = $"/api/v1/members/{w.Silent.Id}/contact";

        using var notReached = await secretary.PostAsJsonAsync($"{url}/follow-ups",
            new { on = w.Tenant.Today.ToString("yyyy-MM-dd"), method = "Phone", reached = false, reasonCode = "外出务工经商", note = "电话停机" });
        var state = (await notReached.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        state["outOfContact"]!.GetValue<bool>().ShouldBeTrue();
        state.Str("reasonCode").ShouldBe("外出务工经商");
        state.Str("article").ShouldContain("第二十四条");

        using var reached = await secretary.PostAsJsonAsync($"{url}/follow-ups",
            new { on = w.Tenant.Today.ToString("yyyy-MM-dd"), method = "Visit", reached = true, note = "已在外地找到本人" });
        var after = (await reached.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        after["outOfContact"]!.GetValue<bool>().ShouldBeFalse();
        after["followUps"]!.AsArray().Count.ShouldBe(2);
        (await FlagsAsync(w))[w.Silent.Id].ShouldBeNull();

        // The job agrees: the follow-up is contact.
        await RunJobAsync();
        (await FlagsAsync(w))[w.Silent.Id].ShouldBeNull();
    }

    [Fact]
    public async Task FollowUp_BadInput_NamesFields()
    {
        var w = await WorldAsync();
        using var secretary = await app.ClientForAsync(w.Secretary);

        using var bad = await secretary.PostAsJsonAsync($"/api/v1/members/{w.Silent.Id}/contact/follow-ups",
            new { on = w.Tenant.Today.AddDays(1).ToString("yyyy-MM-dd"), reasonCode = "被外星人带走" });
        var errors = (await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).OrderBy(k => k).ShouldBe(["method", "on", "reached", "reasonCode"]);
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.ContactFollowUps.CountAsync())).ShouldBe(0);
    }
}

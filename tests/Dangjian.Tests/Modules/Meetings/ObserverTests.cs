using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>观察员: sent by the organisation above, rates the meeting once it has started.</summary>
public sealed class ObserverTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Observer_AssignedFromAbove_RatesAfterTheStart()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        using var secretary = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        using var committee = await app.ClientForAsync(await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker));
        var observerUser = await tenant.AddUserAsync(tenant.Root, AppRole.Observer, DataScope.OwnUnit, "督导员");
        var start = app.Clock.GetUtcNow().AddHours(1);
        using var created = await secretary.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = branch.Id, type = "OrgLifeMeeting", topic = "年度组织生活会", startsAt = start, endsAt = start.AddHours(3),
        });
        var id = (await created.ReadJsonAsync()).Id();

        (await secretary.PostAsJsonAsync($"/api/v1/meetings/{id}/observers", new { userId = observerUser.Id })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await committee.PostAsJsonAsync($"/api/v1/meetings/{id}/observers", new { userId = observerUser.Id })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await committee.PostAsJsonAsync($"/api/v1/meetings/{id}/observers", new { userId = observerUser.Id })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var observer = await app.ClientForAsync(observerUser);
        (await observer.GetJsonAsync($"/api/v1/meetings/{id}")).Str("topic").ShouldBe("年度组织生活会"); // the observer sees the meeting
        using var early = await observer.PostAsJsonAsync($"/api/v1/meetings/{id}/observers/rating", new { criticism = 4, preparation = 4, participation = 4 });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        app.Clock.Advance(TimeSpan.FromHours(2));
        using var observerLater = await app.ClientForAsync(observerUser);
        using var bad = await observerLater.PostAsJsonAsync($"/api/v1/meetings/{id}/observers/rating", new { criticism = 0, preparation = 6 });
        (await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).OrderBy(k => k)
            .ShouldBe(["criticism", "participation", "preparation"]);
        using var rated = await observerLater.PostAsJsonAsync($"/api/v1/meetings/{id}/observers/rating", new
        {
            criticism = 3, preparation = 5, participation = 4, comment = "批评与自我批评辣味不足",
        });
        (await rated.ShouldHaveStatusAsync(HttpStatusCode.OK))!["criticism"]!.GetValue<int>().ShouldBe(3);
        using var secretaryLater = await app.ClientForAsync(await tenant.AddUserAsync(branch, AppRole.BranchSecretary));
        var list = await secretaryLater.GetJsonAsync($"/api/v1/meetings/{id}/observers");
        list.AsArray().Single()!.Str("comment").ShouldBe("批评与自我批评辣味不足");
    }
}

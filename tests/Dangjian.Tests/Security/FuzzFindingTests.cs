using System.Net;
using System.Text;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Security;

/// <summary>
/// What the fuzz test (<see cref="FuzzTests"/>) found, one request each: every one of these was answered 500 before.
/// Dates at the edge of the calendar overflowed a day added or the change to China time, a year out of range made an
/// impossible date, and a null item in a list was read as an object.
/// </summary>
public sealed class FuzzFindingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/api/v1/org-units/{unit}/attendance?from=0001-01-01", "from")]
    [InlineData("/api/v1/org-units/{unit}/attendance?to=9999-12-31", "to")]
    [InlineData("/api/v1/members/{member}/attendance?from=0001-01-01", "from")]
    [InlineData("/api/v1/members/{member}/attendance?to=9999-12-31", "to")]
    [InlineData("/api/v1/org-units/{unit}/attendance?from=1899-12-31", "from")]
    [InlineData("/api/v1/development/plans?orgUnitId={unit}&year=0", "year")]
    [InlineData("/api/v1/development/plans?orgUnitId={unit}&year=-1", "year")]
    [InlineData("/api/v1/development/plans?orgUnitId={unit}&year=2147483647", "year")]
    public async Task Query_DateOrYearOutOfRange_Refused400NamingIt(string url, string field)
    {
        var (branch, member, client) = await BranchAsync();
        using (client)
        {
            using var response = await client.GetAsync(url.Replace("{unit}", branch.Id.ToString()).Replace("{member}", member.ToString()));
            var errors = (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
            errors.Select(e => e.Key).ShouldBe([field]);
        }
    }

    [Theory]
    [InlineData("/api/v1/members?orgUnitId={unit}&page=2147483647")]
    [InlineData("/api/v1/org-units?parentId={unit}&page=2147483647")]
    [InlineData("/api/v1/meetings?orgUnitId={unit}&page=2147483647")]
    [InlineData("/api/v1/members/{member}/access-log?page=2147483647&pageSize=200")]
    [InlineData("/api/v1/notifications?page=2147483647")]
    public async Task Paging_LastPossiblePage_EmptyPage(string url)
    {
        // (page − 1) × pageSize overflowed an int: a negative OFFSET, which PostgreSQL refuses.
        var (branch, member, client) = await BranchAsync();
        using (client)
        {
            var page = await client.GetJsonAsync(url.Replace("{unit}", branch.Id.ToString()).Replace("{member}", member.ToString()));
            page["items"]!.AsArray().ShouldBeEmpty();
            page["pageNumber"]!.GetValue<int>().ShouldBe(Dangjian.Web.Platform.Paging.PageRequest.MaxPage);
        }
    }

    [Fact]
    public async Task Query_DatesAtTheEdgesOfTheCalendar_Taken()
    {
        var (branch, _, client) = await BranchAsync();
        using (client)
        {
            using var response = await client.GetAsync($"/api/v1/org-units/{branch.Id}/attendance?from=1900-01-01&to=2199-12-31");
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2200-01-01")]
    public async Task Election_StartOnOutOfRange_Refused400(string startOn)
    {
        var (branch, _, client) = await BranchAsync();
        using (client)
        {
            using var response = await client.PostAsync($"/api/v1/org-units/{branch.Id}/terms", Json($"{{\"startOn\":\"{startOn}\"}}"));
            var errors = (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
            errors.Select(e => e.Key).ShouldBe(["startOn"]);
            errors["startOn"]![0]!.GetValue<string>().ShouldBe("startOn 须是 1900 年至 2199 年之间的日期");
        }
    }

    [Fact]
    public async Task Election_NullCommitteeMember_Refused400NamingTheItem()
    {
        var (branch, _, client) = await BranchAsync();
        using (client)
        {
            using var response = await client.PostAsync($"/api/v1/org-units/{branch.Id}/terms",
                Json("{\"startOn\":\"2026-11-01\",\"members\":[{\"name\":\"张伟\",\"post\":\"Secretary\"},null]}"));
            var errors = (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
            errors.Select(e => e.Key).ShouldBe(["members[1]"]);
            errors["members[1]"]![0]!.GetValue<string>().ShouldBe("members[1] 为必填项");
        }
    }

    [Fact]
    public async Task CreateUser_NullRole_Refused400NamingTheItem()
    {
        var (_, _, client) = await BranchAsync();
        using (client)
        {
            using var response = await client.PostAsync("/api/v1/users",
                Json("{\"userName\":\"fuzz-null-role\",\"password\":\"Fuzz-2026-pw\",\"displayName\":\"张伟\",\"roles\":[null]}"));
            var errors = (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
            errors.Select(e => e.Key).ShouldBe(["roles[0]"]);
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<(OrgUnit Branch, Guid Member, HttpClient Secretary)> BranchAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(branch, 3))[0];
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        return (branch, member.Id, await app.ClientForAsync(secretary));
    }
}

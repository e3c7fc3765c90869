using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Members;

/// <summary>
/// The answers that were anonymous objects before they got a named type keep exactly their JSON properties, so API
/// clients written against them still read them.
/// </summary>
public sealed class MemberAnswerShapeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string[] Properties(JsonNode node) => [.. node.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task CreateMember_StartTransfer_Decide_AnswerTheSameProperties()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var from = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var to = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var sender = await app.ClientForAsync(await tenant.AddUserAsync(from, AppRole.BranchSecretary));

        using var created = await sender.PostAsJsonAsync("/api/v1/members",
            new { orgUnitId = from.Id, name = "王芳", idNumber = "11010519491231002X", category = "Full", joinedOn = "2010-07-01", fullMemberOn = "2011-07-01" });
        var member = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        Properties(member).ShouldBe(["id", "idNumberMasked", "name"]);

        using var started = await sender.PostAsJsonAsync($"/api/v1/members/{member.Id()}/transfers",
            new { kind = "Internal", toOrgUnitId = to.Id, duesPaidUntil = "2026-10", reason = "工作调动" });
        var letter = (await started.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        Properties(letter).ShouldBe(["id", "letterNumber", "validUntil"]);
        started.Headers.Location!.ToString().ShouldBe($"/api/v1/transfers/{letter.Id()}");

        using var cancelled = await sender.PostAsync($"/api/v1/transfers/{letter.Id()}/cancel", null);
        var state = (await cancelled.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        Properties(state).ShouldBe(["id", "status"]);
        state.Str("status").ShouldBe("Cancelled");
    }
}

using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Modules.Meetings.FirstTopics;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>第一议题: how long each branch took to study a published topic, against the 24-hour target.</summary>
public sealed class FirstTopicTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateTimeOffset Published = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(24 * 60, null, "InTime")]     // exactly 24 hours
    [InlineData(24 * 60 + 1, null, "Late")]   // a minute more
    [InlineData(0, null, "InTime")]
    [InlineData(null, 24 * 60, "Pending")]    // not studied, target not yet passed
    [InlineData(null, 24 * 60 + 1, "Overdue")]
    public void Response_AgainstTheTarget(int? studiedAfterMinutes, int? nowAfterMinutes, string expected)
    {
        var studied = studiedAfterMinutes is { } s ? Published.AddMinutes(s) : (DateTimeOffset?)null;
        var now = Published.AddMinutes(nowAfterMinutes ?? 60 * 48);
        FirstTopicRules.Of(Published, studied, now, 24).Status.ToString().ShouldBe(expected);
    }

    [Fact]
    public async Task Responses_PerBranch_InTimeLateOverdue()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var quick = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("快支部"));
        var slow = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("慢支部"));
        var silent = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("未学支部"));
        var committeeUser = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        var committee = await app.ClientForAsync(committeeUser);
        using var published = await committee.PostAsJsonAsync("/api/v1/first-topics", new { orgUnitId = tenant.Root.Id, title = "重要讲话精神", source = "人民日报" });
        var topic = (await published.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        var at = DateTimeOffset.Parse(topic.Str("publishedAt"), System.Globalization.CultureInfo.InvariantCulture);

        async Task PlanAsync(OrgUnit unit, double hoursAfter)
        {
            using var created = await committee.PostAsJsonAsync("/api/v1/meetings", new
            {
                orgUnitId = unit.Id, type = "FirstTopicStudy", topic = "学习重要讲话精神", startsAt = at.AddHours(hoursAfter), endsAt = at.AddHours(hoursAfter + 1),
                firstTopicId = topic.Id(),
            });
            await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        await PlanAsync(quick, 10);
        await PlanAsync(slow, 30);
        var early = await committee.GetJsonAsync($"/api/v1/first-topics/{topic.Id()}/responses");
        early["pending"]!.GetValue<int>().ShouldBe(3); // planned meetings do not count until they start

        app.Clock.Advance(TimeSpan.FromHours(31));
        committee = await app.ClientForAsync(committeeUser);
        var result = await committee.GetJsonAsync($"/api/v1/first-topics/{topic.Id()}/responses");
        var byName = result["branches"]!.AsArray().ToDictionary(b => b!.Str("name"), b => (b!.Str("status"), b!["hours"]?.GetValue<double>()));
        byName[quick.Name].ShouldBe(("InTime", 10.0));
        byName[slow.Name].ShouldBe(("Late", 30.0));
        byName[silent.Name].ShouldBe(("Overdue", (double?)null));
        result["branches"]!.AsArray()[0]!.Str("name").ShouldBe(silent.Name); // the ones needing attention first

        // A topic published elsewhere cannot be studied here.
        var other = await TestTenant.CreateAsync(app);
        using var otherAdmin = await app.ClientForAsync(other.Admin);
        using var wrongTopic = await otherAdmin.PostAsJsonAsync("/api/v1/meetings", new
        {
            orgUnitId = other.Root.Id, type = "ThemeDay", topic = "x", startsAt = at.AddDays(2), endsAt = at.AddDays(2).AddHours(1), firstTopicId = topic.Id(),
        });
        (await wrongTopic.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["firstTopicId"]);
    }
}

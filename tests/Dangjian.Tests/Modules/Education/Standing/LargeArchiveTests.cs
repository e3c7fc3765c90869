using Dangjian.Tests.Modules.Education.Study;
using Dangjian.Web.Modules.Education.Courses;
using static Dangjian.Tests.Modules.Education.Standing.StudyData;

namespace Dangjian.Tests.Modules.Education.Standing;

/// <summary>The app treating every subtree of more than one party member as large, so the archive reads its totals from the roll-ups.</summary>
public sealed class LargeArchiveApp : AppFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Rules:Education:ArchiveRollupFromMembers", "1")];
}

/// <summary>
/// The learning archive of a large subtree: its totals come from the roll-up row (asOf: when it was built) and do not move
/// until the next rebuild, while the paged list in the tree's order counts each member of the page now, as their own
/// archive does.
/// </summary>
public sealed class LargeArchiveTests(LargeArchiveApp app) : IClassFixture<LargeArchiveApp>
{
    [Fact]
    public async Task LargeSubtree_TotalsFromTheRollup_AsOf_ListPagedInTreeOrder_CountedNow()
    {
        var w = await StudyWorld.CreateAsync(app);
        var t = w.Tenant.TenantId;
        var more = await w.Tenant.AddMembersAsync(w.Branch, 2, namePrefix: "学员");
        await w.Tenant.AddMembersAsync(w.Sibling, 1, namePrefix: "兄弟");
        var course = await w.AddCourseAsync(CourseKind.Video, 36000);
        await ProgressAsync(app, t, more[0].Id, course.Id, 33 * Hour);
        await RebuildAsync(app, t);
        var builtAt = app.Clock.GetUtcNow();

        using var admin = await app.ClientForAsync(w.Tenant.Admin);
        var first = await admin.GetJsonAsync($"/api/v1/org-units/{w.Tenant.Root.Id}/education-archive?year=2026&page=1&pageSize=2");
        DateTimeOffset.Parse(first.Str("asOf"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(builtAt);
        var members = first["members"]!.GetValue<int>();
        members.ShouldBeGreaterThanOrEqualTo(4);
        first["belowTarget"]!.GetValue<int>().ShouldBe(members - 1);
        first["rows"]!["total"]!.GetValue<int>().ShouldBe(members);
        first["rows"]!["items"]!.AsArray().Count.ShouldBe(2);

        // Every page together: each party member once, in the tree's order (the branch's before its sibling's).
        var rows = new List<System.Text.Json.Nodes.JsonNode>();
        for (var p = 1; p <= (members + 1) / 2; p++)
        {
            rows.AddRange((await admin.GetJsonAsync($"/api/v1/org-units/{w.Tenant.Root.Id}/education-archive?year=2026&page={p}&pageSize=2"))["rows"]!["items"]!
                .AsArray().Select(r => r!));
        }
        rows.Select(r => r.Id("memberId")).Distinct().Count().ShouldBe(members);
        // Grouped by unit: once the list leaves a unit it does not come back to it.
        var unitsInOrder = rows.Select(r => r.Id("orgUnitId")).ToList();
        unitsInOrder.Where((u, i) => i == 0 || unitsInOrder[i - 1] != u).Distinct().Count().ShouldBe(unitsInOrder.Where((u, i) => i == 0 || unitsInOrder[i - 1] != u).Count());
        rows.Single(r => r.Id("memberId") == more[0].Id)["hours"]!.GetValue<double>().ShouldBe(33.0);

        // A write: the list counts it now, the totals wait for the roll-ups.
        await ProgressAsync(app, t, more[1].Id, course.Id, 40 * Hour);
        var later = await admin.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/education-archive?year=2026&page=1&pageSize=50");
        later["belowTarget"]!.GetValue<int>().ShouldBe(2);
        later["rows"]!["items"]!.AsArray().Single(r => r!.Id("memberId") == more[1].Id)!["hours"]!.GetValue<double>().ShouldBe(40.0);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await RebuildAsync(app, t);
        var rebuilt = await admin.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/education-archive?year=2026");
        rebuilt["belowTarget"]!.GetValue<int>().ShouldBe(1);
        DateTimeOffset.Parse(rebuilt.Str("asOf"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(app.Clock.GetUtcNow());

        // A unit seen only as itself (its own unit, not below) is counted whole, without the roll-ups.
        var own = await w.Tenant.AddUserAsync(w.Branch, Dangjian.Web.Platform.Auth.AppRole.BranchSecretary, Dangjian.Web.Platform.Auth.DataScope.OwnUnit);
        using var secretary = await app.ClientForAsync(own);
        var counted = await secretary.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/education-archive?year=2026");
        counted["asOf"].ShouldBeNull();
        counted["members"]!.GetValue<int>().ShouldBe(3);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// The unit reports: members in arrears up to last month (October 2026; today is 2026-11-22) with a warning at 3 and a
/// flag at 6 consecutive unpaid months (第十三条), and the year's collection with the Centre's 5% (第十五条). Every
/// figure is worked out by hand in the comments.
/// </summary>
public sealed class DuesReportsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record World(TestTenant Tenant, OrgUnit Branch, OrgUnit Sibling, HttpClient Admin);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var sibling = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        return new World(tenant, branch, sibling, await app.ClientForAsync(tenant.Admin));
    }

    private async Task<Member> MemberAsync(World w, OrgUnit unit, string? category = "Serving", long baseFen = 300_000)
    {
        var member = (await w.Tenant.AddMembersAsync(unit, 1))[0];
        if (category is not null)
        {
            using var r = await w.Admin.PostAsJsonAsync($"/api/v1/members/{member.Id}/dues/bases", new { effectiveMonth = "2026-01", category, baseFen });
            await r.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        return member;
    }

    private static async Task PayAsync(HttpClient client, Guid memberId, string month, long amountFen, string paidOn = "2026-11-22", long voluntaryFen = 0)
    {
        using var r = await client.PostAsJsonAsync($"/api/v1/members/{memberId}/dues/payments", new { month, amountFen, voluntaryFen, paidOn });
        await r.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    private static long Fen(JsonNode node, string property) => node[property]!.GetValue<long>();

    private static int Int(JsonNode node, string property) => node[property]!.GetValue<int>();

    // ---------------------------------------------------------------- arrears

    [Fact]
    public async Task Arrears_ThreeAndSixAndTenMonths_WarningThenFlagLongestFirst()
    {
        var w = await WorldAsync();
        var group = await w.Tenant.AddUnitAsync(w.Branch, OrgUnitKind.Group);
        var three = await MemberAsync(w, w.Branch);
        await PayAsync(w.Admin, three.Id, "2026-07", 1_500);                        // unpaid August–October: 3
        var six = await MemberAsync(w, w.Branch);
        await PayAsync(w.Admin, six.Id, "2026-04", 1_500, paidOn: "2026-04-20");    // unpaid May–October: 6
        var two = await MemberAsync(w, w.Branch);
        await PayAsync(w.Admin, two.Id, "2026-08", 1_500);                          // unpaid September–October: 2
        await MemberAsync(w, w.Branch, category: null);                              // no base: never billed
        var current = await MemberAsync(w, w.Branch);
        await PayAsync(w.Admin, current.Id, "2026-10", 1_500);                      // paid up to last month
        var ten = await MemberAsync(w, group);                                       // unpaid January–October: 10
        var suspended = await MemberAsync(w, w.Branch);                              // 停止党籍: not on the dues roll
        await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.Where(m => m.Id == suspended.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MembershipStatus.Suspended)));
        await MemberAsync(w, w.Sibling);                                             // 10 months, but outside the branch

        var report = await w.Admin.GetJsonAsync($"/api/v1/dues/arrears?orgUnitId={w.Branch.Id}");
        report.Str("upToMonth").ShouldBe("2026-10");
        report.Str("rule").ShouldBe("《关于中国共产党党费收缴、使用和管理的规定》第十三条");
        Int(report, "total").ShouldBe(3);
        var items = report["items"]!.AsArray();
        items.Select(i => i!.Id("memberId")).ShouldBe([ten.Id, six.Id, three.Id]);
        items.Select(i => Int(i!, "months")).ShouldBe([10, 6, 3]);
        items.Select(i => i!.Str("since")).ShouldBe(["2026-01", "2026-05", "2026-08"]);
        items.Select(i => i!.Str("level")).ShouldBe(["Flag", "Flag", "Warning"]);
        items[0]!.Str("orgUnitName").ShouldBe(group.Name);

        // A flag changes nothing about the person: only the 支部大会 decides.
        var flagged = await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.AsNoTracking().SingleAsync(m => m.Id == six.Id));
        flagged.Status.ShouldBe(MembershipStatus.Normal);
        flagged.Category.ShouldBe(MemberCategory.Full);
    }

    [Fact]
    public async Task Arrears_PageSizeTwo_SecondPageHoldsTheShortestRun()
    {
        var w = await WorldAsync();
        foreach (var paidMonth in new[] { "2026-07", "2026-06", "2026-05" })  // runs of 3, 4 and 5 months
        {
            await PayAsync(w.Admin, (await MemberAsync(w, w.Branch)).Id, paidMonth, 1_500);
        }
        var first = await w.Admin.GetJsonAsync($"/api/v1/dues/arrears?orgUnitId={w.Branch.Id}&page=1&pageSize=2");
        first["items"]!.AsArray().Select(i => Int(i!, "months")).ShouldBe([5, 4]);
        Int(first, "total").ShouldBe(3);
        Int(first, "pageCount").ShouldBe(2);
        var second = await w.Admin.GetJsonAsync($"/api/v1/dues/arrears?orgUnitId={w.Branch.Id}&page=2&pageSize=2");
        second["items"]!.AsArray().Select(i => Int(i!, "months")).ShouldBe([3]);
    }

    [Fact]
    public async Task Arrears_NoUnit_BadRequestNamingOrgUnitId()
    {
        var w = await WorldAsync();
        var problem = await w.Admin.GetJsonAsync("/api/v1/dues/arrears", HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["orgUnitId"]);
    }

    // ---------------------------------------------------------------- collection

    /// <summary>
    /// The branch: A serving on ¥3,000 (¥15 a month), B a student (¥0.20), both from January. A pays October with
    /// ¥1,000 voluntary and November with ¥20 (¥5 voluntary); B pays October. The sibling's S pays October.
    /// </summary>
    private async Task<(World W, Member A, Member B, Member S)> CollectionWorldAsync()
    {
        var w = await WorldAsync();
        var a = await MemberAsync(w, w.Branch);
        var b = await MemberAsync(w, w.Branch, "Student", 0);
        var s = await MemberAsync(w, w.Sibling);
        await PayAsync(w.Admin, a.Id, "2026-10", 1_500, paidOn: "2026-10-15", voluntaryFen: 100_000);
        await PayAsync(w.Admin, a.Id, "2026-11", 2_000, voluntaryFen: 500);
        await PayAsync(w.Admin, b.Id, "2026-10", 20, paidOn: "2026-10-31");
        await PayAsync(w.Admin, s.Id, "2026-10", 1_500, paidOn: "2026-10-20");
        return (w, a, b, s);
    }

    [Fact]
    public async Task Collection_Branch_MonthlyRowsTotalsAndFivePercent()
    {
        var (w, _, _, _) = await CollectionWorldAsync();
        var report = await w.Admin.GetJsonAsync($"/api/v1/dues/collection?orgUnitId={w.Branch.Id}&year=2026");
        var months = report["months"]!.AsArray();
        months.Count.ShouldBe(12);
        JsonNode Row(int m) => months[m - 1]!;

        // January–September: both billed (¥15.20), nothing paid.
        Row(1).Str("month").ShouldBe("2026-01");
        (Int(Row(5), "dueCount"), Int(Row(5), "paidCount"), Fen(Row(5), "amountDueFen"), Fen(Row(5), "collectedFen")).ShouldBe((2, 0, 1_520L, 0L));
        // October: both paid; A's ¥1,000 voluntary goes to the Centre.
        (Int(Row(10), "dueCount"), Int(Row(10), "paidCount"), Fen(Row(10), "amountDueFen")).ShouldBe((2, 2, 1_520L));
        (Fen(Row(10), "collectedFen"), Fen(Row(10), "voluntaryFen"), Fen(Row(10), "toCentreFen")).ShouldBe((1_520L, 100_000L, 100_000L));
        // November: A paid ¥20 + ¥5 voluntary, B not yet.
        (Int(Row(11), "dueCount"), Int(Row(11), "paidCount"), Fen(Row(11), "collectedFen"), Fen(Row(11), "voluntaryFen"), Fen(Row(11), "toCentreFen"))
            .ShouldBe((2, 1, 2_000L, 500L, 0L));
        // December has not come and nobody paid in advance.
        (Int(Row(12), "dueCount"), Fen(Row(12), "amountDueFen")).ShouldBe((0, 0L));

        var totals = report["totals"]!;
        (Int(totals, "dueCount"), Int(totals, "paidCount")).ShouldBe((22, 3));                 // 11 months × 2
        Fen(totals, "amountDueFen").ShouldBe(16_720);                                            // 11 × 1,520
        (Fen(totals, "collectedFen"), Fen(totals, "voluntaryFen"), Fen(totals, "toCentreFen")).ShouldBe((3_520L, 100_500L, 100_000L));
        Fen(report, "yearTotalFen").ShouldBe(4_020);      // 3,520 + 100,500 − 100,000 (the ¥1,000 goes whole)
        Fen(report, "centreShareFen").ShouldBe(201);      // 4,020 × 5%
        Fen(report, "handUpFen").ShouldBe(100_201);       // 201 + 100,000
        report.Str("handUpBy").ShouldBe("2027-04-30");
        report.Str("rule").ShouldEndWith("第十五条");
    }

    [Fact]
    public async Task Collection_Root_IncludesTheSiblingBranch()
    {
        var (w, _, _, _) = await CollectionWorldAsync();
        var report = await w.Admin.GetJsonAsync($"/api/v1/dues/collection?orgUnitId={w.Tenant.Root.Id}&year=2026");
        var october = report["months"]![9]!;
        (Int(october, "dueCount"), Int(october, "paidCount"), Fen(october, "collectedFen")).ShouldBe((3, 3, 3_020L));
        Fen(report["totals"]!, "collectedFen").ShouldBe(5_020);  // 3,520 + 1,500
        Fen(report, "yearTotalFen").ShouldBe(5_520);             // 5,020 + 500
        Fen(report, "centreShareFen").ShouldBe(276);             // 5,520 × 5%
    }

    [Fact]
    public async Task Collection_MemberMovedAway_MoneyStaysWithTheCollectingBranch()
    {
        var (w, a, _, _) = await CollectionWorldAsync();
        await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.Where(m => m.Id == a.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OrgUnitId, w.Sibling.Id).SetProperty(m => m.OrgPath, w.Sibling.Path)));

        var branch = await w.Admin.GetJsonAsync($"/api/v1/dues/collection?orgUnitId={w.Branch.Id}&year=2026");
        var october = branch["months"]![9]!;
        (Int(october, "dueCount"), Int(october, "paidCount"), Fen(october, "amountDueFen")).ShouldBe((1, 1, 20L));  // B only
        Fen(october, "collectedFen").ShouldBe(1_520);  // A's October was collected here (第九条)

        var sibling = await w.Admin.GetJsonAsync($"/api/v1/dues/collection?orgUnitId={w.Sibling.Id}&year=2026");
        var siblingOctober = sibling["months"]![9]!;
        (Int(siblingOctober, "dueCount"), Int(siblingOctober, "paidCount"), Fen(siblingOctober, "collectedFen")).ShouldBe((2, 2, 1_500L));
    }

    [Fact]
    public async Task Collection_BadYear_BadRequestNamingYear()
    {
        var w = await WorldAsync();
        var problem = await w.Admin.GetJsonAsync($"/api/v1/dues/collection?orgUnitId={w.Branch.Id}&year=1800", HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["year"]);
    }
}

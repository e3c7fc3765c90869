using Dangjian.Web.Modules.Dues.Usage;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// The yearly publication (党费收缴使用情况公示) computed from raw payments, bases and usage rows written straight to the
/// database; every expected figure is worked out by hand below. Names are shown, ID numbers never.
/// </summary>
public sealed class DuesPublicationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private sealed record World(TestTenant Tenant, OrgUnit Branch, OrgUnit Sibling, Member[] People, HttpClient Admin);

    private static readonly string[] IdNumbers =
    [
        TestIdNumbers.Of("110101", "19800101", 11), TestIdNumbers.Of("110101", "19810202", 22),
        TestIdNumbers.Of("110101", "19500303", 33), TestIdNumbers.Of("110101", "19900404", 44),
    ];

    private async Task<World> WorldAsync()
    {
        var t = await TestTenant.CreateAsync(app);
        var branch = await t.AddUnitAsync(t.Root, OrgUnitKind.Branch);
        var group = await t.AddUnitAsync(branch, OrgUnitKind.Group);
        var sibling = await t.AddUnitAsync(t.Root, OrgUnitKind.Branch);
        var wang = await t.AddPersonAsync(branch, "王公示", IdNumbers[0]);
        var li = await t.AddPersonAsync(branch, "李公示", IdNumbers[1]);
        var chen = await t.AddPersonAsync(group, "陈公示", IdNumbers[2]);
        var moved = await t.AddPersonAsync(sibling, "周已转出", IdNumbers[3]);   // paid in the branch, now in the sibling branch

        await DuesRaw.BaseAsync(app, t, wang, 2026, 1, DuesCategory.Serving, 300_000);     // ¥15.00 a month
        await DuesRaw.BaseAsync(app, t, li, 2026, 1, DuesCategory.Serving, 600_000);       // ¥90.00
        await DuesRaw.BaseAsync(app, t, li, 2026, 7, DuesCategory.Serving, 1_200_000);     // ¥240.00 from July
        await DuesRaw.BaseAsync(app, t, chen, 2026, 1, DuesCategory.Retired, 400_000);     // ¥20.00

        for (var m = 1; m <= 10; m++) await DuesRaw.PayAsync(app, t, wang, branch, 2026, m, 1_500);        // 10 months, 15,000
        for (var m = 1; m <= 6; m++) await DuesRaw.PayAsync(app, t, li, branch, 2026, m, 9_000);           // 54,000
        await DuesRaw.PayAsync(app, t, li, branch, 2026, 7, 24_000, voluntaryFen: 100_000);                 // + 24,000; ¥1,000 to the Centre
        await DuesRaw.PayAsync(app, t, chen, group, 2026, 1, 2_000);
        await DuesRaw.PayAsync(app, t, chen, group, 2026, 2, 2_000, voluntaryFen: 5_000);                   // voluntary kept
        await DuesRaw.PayAsync(app, t, chen, group, 2026, 3, 2_000);                                        // 6,000
        await DuesRaw.PayAsync(app, t, moved, branch, 2026, 1, 1_000);
        await DuesRaw.PayAsync(app, t, moved, branch, 2026, 2, 1_000);                                     // 2,000
        await DuesRaw.PayAsync(app, t, moved, sibling, 2026, 3, 1_000);                                    // collected elsewhere: not here
        await DuesRaw.PayAsync(app, t, wang, branch, 2025, 12, 1_500);                                     // another year

        await DuesRaw.UsageAsync(app, t, branch, new DateOnly(2026, 6, 1), 10_000, DuesUsagePurpose.Training);
        await DuesRaw.UsageAsync(app, t, group, new DateOnly(2026, 9, 1), 5_000, DuesUsagePurpose.Hardship);
        await DuesRaw.UsageAsync(app, t, branch, new DateOnly(2025, 6, 1), 999, DuesUsagePurpose.Other);
        await DuesRaw.UsageAsync(app, t, sibling, new DateOnly(2026, 6, 1), 888, DuesUsagePurpose.Other);
        return new World(t, branch, sibling, [wang, li, chen, moved], await app.ClientForAsync(t.Admin));
    }

    // Collected 15,000 + 78,000 + 6,000 + 2,000 = 101,000; voluntary 105,000 of which 100,000 to the Centre whole;
    // the 5% base is 101,000 + 5,000 = 106,000 → share 5,300; handed up 105,300; used 15,000; balance 106,000 − 5,300 − 15,000 = 85,700.
    [Fact]
    public async Task Publication_RawPaymentsAndUsage_FiguresAddUp()
    {
        var w = await WorldAsync();
        var p = await w.Admin.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/publication?year=2026");
        var people = p["members"]!.AsArray().ToDictionary(m => m!["name"]!.GetValue<string>());
        people.Keys.Order().ShouldBe(["周已转出", "李公示", "王公示", "陈公示"], ignoreOrder: true);
        Row(people["王公示"]).ShouldBe((1_500L, 10, 15_000L, 0L));
        Row(people["李公示"]).ShouldBe((24_000L, 7, 78_000L, 100_000L));   // the amount in force now, after July's base
        Row(people["陈公示"]).ShouldBe((2_000L, 3, 6_000L, 5_000L));
        Row(people["周已转出"]).ShouldBe((0L, 2, 2_000L, 0L));
        p["monthsPaid"]!.GetValue<int>().ShouldBe(22);

        var b = p["balance"]!;
        Fen(b, "collectedFen").ShouldBe(101_000);
        Fen(b, "voluntaryFen").ShouldBe(105_000);
        Fen(b, "toCentreFen").ShouldBe(100_000);
        Fen(b, "yearTotalFen").ShouldBe(106_000);
        Fen(b, "centreShareFen").ShouldBe(5_300);
        Fen(b, "handUpFen").ShouldBe(105_300);
        Fen(b, "usedFen").ShouldBe(15_000);
        Fen(b, "balanceFen").ShouldBe(85_700);
        people.Values.Sum(m => Fen(m!, "paidFen")).ShouldBe(Fen(b, "collectedFen"));
        var used = p["usedByPurpose"]!.AsArray().ToDictionary(u => u!["purpose"]!.GetValue<string>(), u => Fen(u!, "amountFen"));
        used.ShouldBe(new Dictionary<string, long> { ["Training"] = 10_000, ["Publications"] = 0, ["Commendation"] = 0, ["Hardship"] = 5_000, ["Other"] = 0 });
        p["handUpBy"]!.GetValue<string>().ShouldBe("2027-04-30");

        // The collection report agrees on the hand-up.
        var collection = await w.Admin.GetJsonAsync($"/api/v1/dues/collection?orgUnitId={w.Branch.Id}&year=2026");
        Fen(collection, "handUpFen").ShouldBe(105_300);
        NoIdNumbers(p.ToJsonString());
    }

    [Fact]
    public async Task Publication_BadYear_BadRequestNamingYear()
    {
        var w = await WorldAsync();
        foreach (var url in new[] { $"/api/v1/org-units/{w.Branch.Id}/dues/publication?year=20x6", $"/api/v1/org-units/{w.Branch.Id}/dues/usages?year=1900" })
        {
            using var r = await w.Admin.GetAsync(url);
            var problem = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!;
            problem["errors"]!["year"]![0]!.GetValue<string>().ShouldContain("年份");
        }
    }

    [Fact]
    public async Task Publication_PreviousYear_AmountInForceAtItsEndAndOnlyThatYearsMoney()
    {
        var w = await WorldAsync();
        var p = await w.Admin.GetJsonAsync($"/api/v1/org-units/{w.Branch.Id}/dues/publication?year=2025");
        var wang = p["members"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "王公示");
        Row(wang).ShouldBe((0L, 1, 1_500L, 0L));   // no base in force in December 2025; one month paid that year
        var b = p["balance"]!;
        Fen(b, "collectedFen").ShouldBe(1_500);
        Fen(b, "centreShareFen").ShouldBe(75);
        Fen(b, "usedFen").ShouldBe(999);
        Fen(b, "balanceFen").ShouldBe(1_500 - 75 - 999);
        p["handUpBy"]!.GetValue<string>().ShouldBe("2026-04-30");
    }

    [Fact]
    public async Task Export_Xlsx_PeopleTotalsAndBalance()
    {
        var w = await WorldAsync();
        using var response = await w.Admin.GetAsync($"/api/v1/org-units/{w.Branch.Id}/dues/publication/export?year=2026");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWriter.ContentType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = XlsxReader.ReadRows(new MemoryStream(bytes)).ToList();
        rows[0].Cells.ShouldBe(["姓名", "所在组织", "月交纳额（元）", "已交月数", "交纳金额（元）", "自愿多交（元）"]);
        var li = rows.Single(r => r.Cells.FirstOrDefault() == "李公示").Cells;
        Yuan(li[2]).ShouldBe(240m);
        li[3].ShouldBe("7");
        Yuan(li[4]).ShouldBe(780m);
        var total = rows.Single(r => r.Cells.FirstOrDefault() == "合计").Cells;
        total[3].ShouldBe("22");
        Yuan(total[4]).ShouldBe(1_010m);
        Yuan(rows.Single(r => r.Cells.FirstOrDefault() == "上缴合计").Cells[1]).ShouldBe(1_053m);
        Yuan(rows.Single(r => r.Cells.FirstOrDefault() == "使用：慰问困难党员").Cells[1]).ShouldBe(50m);
        Yuan(rows.Single(r => r.Cells.FirstOrDefault() == "结余").Cells[1]).ShouldBe(857m);
        NoIdNumbers(string.Join("|", rows.SelectMany(r => r.Cells)));
    }

    [Fact]
    public async Task PublicationPage_Printable_NamesAndFiguresWithoutIdNumbers()
    {
        var w = await WorldAsync();
        var html = await w.Admin.GetStringAsync($"/dues/publication?unit={w.Branch.Id}&year=2026");
        html.ShouldContain($"{w.Branch.Name} 2026 年度党费收缴使用情况公示");
        html.ShouldContain("王公示");
        html.ShouldContain("¥857.00");
        html.ShouldContain("¥1,053.00");
        html.ShouldContain("data-print");  // a print button (wwwroot/js/app.js: no inline script under the CSP)
        NoIdNumbers(html);
    }

    [Fact]
    public async Task Publication_SiblingSecretary_RefusedWithoutNames()
    {
        var w = await WorldAsync();
        using var other = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Sibling, AppRole.BranchSecretary));
        foreach (var url in new[] { $"/api/v1/org-units/{w.Branch.Id}/dues/publication?year=2026", $"/api/v1/org-units/{w.Branch.Id}/dues/publication/export" })
        {
            using var r = await other.GetAsync(url);
            ((int)r.StatusCode).ShouldBeOneOf(403, 404);
            (await r.Content.ReadAsStringAsync()).ShouldNotContain("王公示");
        }
    }

    private static (long Monthly, int Months, long Paid, long Voluntary) Row(JsonNode? m) =>
        (Fen(m!, "monthlyFen"), m!["monthsPaid"]!.GetValue<int>(), Fen(m, "paidFen"), Fen(m, "voluntaryFen"));

    private static long Fen(JsonNode node, string property) => node[property]!.GetValue<long>();

    private static decimal Yuan(string? cell) => decimal.Parse(cell!, CultureInfo.InvariantCulture);

    private static void NoIdNumbers(string text)
    {
        foreach (var id in IdNumbers)
        {
            text.ShouldNotContain(id);
            text.ShouldNotContain(IdNumberRules.Mask(id));
        }
    }
}
